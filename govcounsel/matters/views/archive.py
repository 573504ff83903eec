"""The work archive page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from govcounsel.core.audit import record_event
from govcounsel.core.dates import parse_year
from govcounsel.core.exporters import xlsx_response

from ..archive import archive_page, parse_person_id
from ..reports import ArchiveReport


@login_required
def archive(request: HttpRequest) -> HttpResponse:
    chosen = parse_person_id(request.GET.get("person")) or getattr(request.user, "person_id", None)
    year = parse_year(request.GET.get("year")) or timezone.localdate().year
    page = archive_page(request.user, person_id=chosen, year=year)
    if page.person is not None and request.GET.get("export") == "xlsx":
        record_event(
            "export.xlsx",
            by=request.user,
            data={"list": "work_archive", "person": page.person.pk, "year": year},
        )
        return xlsx_response(ArchiveReport(), page.rows, f"工作档案-{page.person.name}-{year}")
    return render(request, "matters/archive.html", page.context())
