"""Printing a register: every filtered row of the list's own Report, as a page made for paper.

A list page answers `?print=1` beside `?export=` (ADR 0018): the same scoped, filtered rows
and the same columns (personal data masked as in the list), all of them rather than the page
on screen, with the title, the reader's unit, the filter in words and the date (Beijing) on
top. The stylesheet repeats the header row on each sheet, numbers the pages "第 x 页 / 共 y 页"
in the page margin and turns a wide report to landscape. A register above
`EXPORT_SYNC_ROWS` rows is not rendered: the page says so and offers the export, which runs in
the background. Each print is recorded like an export (`export.print`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .exporters import CHUNK_ROWS, WIDE_COLUMNS

if TYPE_CHECKING:
    from .views import ScopedListView

PRINT_PARAM = "print"


def filter_in_words(filterset: Any) -> list[tuple[str, str]]:
    """The filter a list was printed or exported with, as (label, value) pairs people can
    read: the print's header and the title block of an xlsx export say the same."""
    form = filterset.form
    if not filterset.is_bound:
        return []
    # A field that does not validate is left out of the filter, here as on the list page.
    form.is_valid()
    words = []
    for name, field in form.fields.items():
        value = getattr(form, "cleaned_data", {}).get(name)
        if value in (None, "", [], ()):
            continue
        words.append((str(field.label or name), _value_in_words(field, value)))
    return words


def _value_in_words(field: Any, value: Any) -> str:
    if isinstance(value, bool):
        return str(_("是") if value else _("否"))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, slice):  # a date range filter
        return " — ".join(v.isoformat() if v else "" for v in (value.start, value.stop))
    choices = getattr(field, "choices", None)
    if choices is not None and not hasattr(value, "pk"):
        labels = {str(key): label for key, label in _flat(choices)}
        if isinstance(value, list | tuple):
            return "、".join(str(labels.get(str(v), v)) for v in value)
        return str(labels.get(str(value), value))
    if isinstance(value, Iterable) and not isinstance(value, str):
        return "、".join(str(v) for v in value)
    return str(value)


def _flat(choices: Iterable[Any]) -> Iterable[tuple[Any, Any]]:
    for key, label in choices:
        if isinstance(label, list | tuple):  # an optgroup
            yield from label
        else:
            yield key, label


def units_of(user: Any) -> str:
    """Where the reader works, as the print's header names it: the units or regions of their
    grants, or their own unit."""
    grants = getattr(user, "grants", None)
    names: list[str] = []
    if grants is not None:
        for grant in grants.filter(pending=False).select_related("unit", "region"):
            anchor = grant.unit or grant.region
            if anchor is not None and str(anchor) not in names:
                names.append(str(anchor))
    person = getattr(user, "person", None)
    if not names and person is not None and getattr(person, "unit", None) is not None:
        names.append(str(person.unit))
    return "、".join(names)


def print_list(view: ScopedListView) -> HttpResponse:
    """What `?print=1` on a list page answers: all filtered rows, or why they are too many."""
    queryset = view.get_queryset()
    # Counting stops one row past the limit: no COUNT(*) over a national register here.
    size = queryset.order_by().values("pk")[: settings.EXPORT_SYNC_ROWS + 1].count()
    return print_rows(
        view.request,
        report=view.report_class(),
        objects=queryset.iterator(chunk_size=CHUNK_ROWS),
        size=size,
        title=view.page_title,
        filterset=view.filterset,
        model=view.model,
        export_name=view.export_name,
    )


def print_rows(
    request: Any,
    *,
    report: Any,
    objects: Iterable[Any],
    size: int,
    title: Any,
    filterset: Any,
    model: Any,
    export_name: Any,
) -> HttpResponse:
    """The print page of any report's rows: a register's, or a page's own (the work archive)."""
    from .export_jobs import PRINT_FORMAT, filters_of, record_export

    limit = settings.EXPORT_SYNC_ROWS
    filters = filters_of(request.GET)
    context: dict[str, Any] = {
        "page_title": title or report.title,
        "unit": units_of(request.user),
        "filter_words": filter_in_words(filterset),
        "printed_at": timezone.localtime(),
        "report": report,
        "wide": len(report.columns) > WIDE_COLUMNS,
        "limit": limit,
        "query": filters.urlencode(),
        "back": f"?{filters.urlencode()}",
    }
    if size > limit:
        context["too_large"] = True
        return render(request, "core/print_list.html", context)
    rows = list(report.rows(objects))
    record_export(
        by=request.user,
        model=model,
        title=export_name,
        fmt=PRINT_FORMAT,
        count=len(rows),
        filters=filters,
    )
    context["rows"] = rows
    return render(request, "core/print_list.html", context)
