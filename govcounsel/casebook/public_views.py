"""The public page of typical cases (002 §18: 突出典型案例的宣传): no login; only the
published, anonymised version of each case — never the dispute, the organ's records or the
parties."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from govcounsel.core.views import bootstrap_form

from .filters import PublicCaseFilter
from .selectors import public_cases

PER_PAGE = 20


def case_list(request: HttpRequest) -> HttpResponse:
    found = PublicCaseFilter(request.GET or None, queryset=public_cases())
    bootstrap_form(found.form)
    rows = found.qs if found.is_bound else found.queryset
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "casebook/public_list.html",
        {
            "filter": found,
            "page_obj": page,
            "revisions": [case.current_revision for case in page.object_list],
            "query_without_page": query.urlencode(),
            "exportable": False,
        },
    )


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = public_cases().filter(pk=pk).first()
    if case is None or case.current_revision is None:
        raise Http404
    return render(
        request,
        "casebook/public_detail.html",
        {"case_id": case.pk, "revision": case.current_revision},
    )
