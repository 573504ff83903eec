"""The work archive page: one lawyer's year as (item, value) rows, with the registers' search,
export and print (core.printing, core.export_jobs) over those rows."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from govcounsel.core.dates import parse_year
from govcounsel.core.export_jobs import EXPORT_FORMATS, filters_of, record_export
from govcounsel.core.exporters import csv_response, xlsx_response
from govcounsel.core.printing import PRINT_PARAM, print_rows
from govcounsel.core.views.base import bootstrap_form
from govcounsel.people.models import Person

from ..archive import ArchivePage, archive_lawyers, archive_page, parse_person_id
from ..filters import ArchiveFilter
from ..reports import ArchiveReport


class ArchiveView(LoginRequiredMixin, View):
    """Not a ScopedListView: its rows are one lawyer's figures, not a queryset. The lawyers
    to choose from are searched with `filterset_class`; the rows export and print with
    `report_class`, as a register's do."""

    filterset_class = ArchiveFilter
    report_class = ArchiveReport

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.filterset = self.filterset_class(
            request.GET or None, queryset=archive_lawyers(request.user), request=request
        )
        bootstrap_form(self.filterset.form)
        lawyers = self.filterset.qs
        chosen = parse_person_id(request.GET.get("person")) or getattr(
            request.user, "person_id", None
        )
        if request.GET.get("q", "").strip() and not lawyers.filter(pk=chosen).exists():
            chosen = None  # a search picks the first lawyer it found
        year = parse_year(request.GET.get("year")) or timezone.localdate().year
        page = archive_page(request.user, person_id=chosen, year=year, lawyers=lawyers)
        if page.person is not None:
            fmt = request.GET.get("export")
            if fmt in EXPORT_FORMATS:
                return self.export(page, fmt)
            if request.GET.get(PRINT_PARAM):
                return print_rows(
                    request,
                    report=self.report_class(),
                    objects=page.rows,
                    size=len(page.rows),
                    title=self.title(page),
                    filterset=self.filterset,
                    model=Person,
                    export_name=self.title(page),
                )
        context = page.context()
        # The page's export and print links carry the lawyer and year shown, chosen or not.
        query = filters_of(request.GET)
        if page.person is not None:
            query["person"] = str(page.person.pk)
        query["year"] = str(year)
        context.update(filter=self.filterset, query_without_page=query.urlencode())
        return render(request, "matters/archive.html", context)

    def title(self, page: ArchivePage) -> str:
        assert page.person is not None
        return _("工作档案-%(name)s-%(year)s") % {"name": page.person.name, "year": page.year}

    def export(self, page: ArchivePage, fmt: str) -> HttpResponseBase:
        report = self.report_class()
        name = self.title(page)
        response = (csv_response if fmt == "csv" else xlsx_response)(report, page.rows, name)
        query = filters_of(self.request.GET)
        query["person"] = str(page.person.pk)  # type: ignore[union-attr]
        query["year"] = str(page.year)
        record_export(
            by=self.request.user,
            model=Person,
            title=name,
            fmt=fmt,
            count=len(page.rows),
            filters=query,
        )
        return response
