"""List pages: scoped queryset, one FilterSet, paging, and xlsx or csv export of the same rows."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.views.generic import DetailView, ListView

from ..access import record_personal_read
from ..audit import record_event
from ..export_jobs import EXPORT_FORMATS, export_list
from ..exporters import Report
from ..pagination import KeysetPagination
from ..printing import PRINT_PARAM, print_list
from ..scoping import get_visible_or_404


class ScopedListView(LoginRequiredMixin, ListView):
    """A register: filtered, paged, exportable; always starts from `visible_to(user)`."""

    model: type[Model]
    filterset_class: Any
    report_class: type[Report]
    export_name: Any = "export"
    paginate_by = 50
    template_name = "core/list.html"
    page_title: Any = ""
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    detail_url_name: str | None = None
    # For registers that grow to millions of rows: page by this descending field (and pk)
    # instead of COUNT(*) and OFFSET, with the API's KeysetPagination and its `?cursor=`.
    keyset_field: str | None = None
    # The attribute of a row that says it is past its deadline (`Matter.is_overdue`): the
    # row is shown in red and says "已超期" in words, for those who do not see colour.
    overdue_flag: str | None = None
    # The leading columns that stay in view when a wide table scrolls sideways (the name
    # that identifies the row); 0 for none.
    sticky_columns: int = 1

    def base_queryset(self) -> QuerySet[Any]:
        qs = self.model.objects.visible_to(self.request.user)  # type: ignore[attr-defined]
        if self.select_related:
            qs = qs.select_related(*self.select_related)
        if self.prefetch_related:
            qs = qs.prefetch_related(*self.prefetch_related)
        return qs

    def get_queryset(self) -> QuerySet[Any]:
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=self.base_queryset(), request=self.request
        )
        bootstrap_form(self.filterset.form)
        return self.filterset.qs if self.filterset.is_bound else self.filterset.queryset

    # A csv export streams: a StreamingHttpResponse, not an HttpResponse.
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:  # type: ignore[override]
        # ?export=xlsx|csv: the same scoped, filtered rows as a file, written now when small
        # or by a background job when large (ADR 0018).
        fmt = request.GET.get("export")
        if fmt in EXPORT_FORMATS:
            return export_list(self, fmt)
        # ?print=1: every filtered row (not the current page) as a page made for paper.
        if request.GET.get(PRINT_PARAM):
            return print_list(self)
        return super().get(request, *args, **kwargs)

    def is_overdue(self, obj: Any) -> bool:
        return bool(self.overdue_flag and getattr(obj, self.overdue_flag, False))

    def paginate_queryset(self, queryset: Any, page_size: int) -> Any:
        if not self.keyset_field:
            return super().paginate_queryset(queryset, page_size)
        paging = KeysetPagination.by(self.keyset_field)()
        cursor = self.request.GET.get(paging.cursor_query_param)
        try:
            self.keyset_page = paging.page(queryset, cursor, page_size)
        except ValueError:
            # A stale or mangled link on a page starts again from the top (the API says 404).
            self.keyset_page = paging.page(queryset, None, page_size)
        return (None, None, self.keyset_page.rows, False)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        keyset_page = getattr(self, "keyset_page", None)
        if keyset_page is not None:
            context.update(
                keyset=True,
                next_keyset=keyset_page.next_cursor,
                previous_keyset=keyset_page.previous_cursor,
                query_without_cursor=_query_without(
                    self.request, KeysetPagination.cursor_query_param
                ),
                first_page=keyset_page.previous_cursor is None,
            )
        record_personal_read(
            self.request, self.model, kind="list", count=len(context["object_list"])
        )
        report = self.report_class()
        context.update(
            filter=self.filterset,
            report=report,
            table_rows=[(obj, report.row(obj)) for obj in context["object_list"]],
            overdue_rows={obj.pk for obj in context["object_list"] if self.is_overdue(obj)},
            sticky_columns=self.sticky_columns,
            page_title=self.page_title,
            detail_url_name=self.detail_url_name,
            query_without_page=_query_without(self.request, "page"),
        )
        return context


def bootstrap_form(form: Any) -> Any:
    """Give a form's widgets Bootstrap classes, so templates can render fields plainly."""
    for name, field in form.fields.items():
        widget = field.widget
        # A list of checkboxes: Django puts the class on the list's wrapper too, where
        # form-check-input would shrink it to one box; and `required` on each box would make
        # the browser demand them all (Django's use_required_attribute leaves it off).
        checkboxes = getattr(widget, "input_type", "") == "checkbox" and getattr(
            widget, "allow_multiple_selected", False
        )
        css = (
            "form-select form-select-sm"
            if getattr(widget, "input_type", "") == "select"
            else "form-control form-control-sm"
        )
        if getattr(widget, "input_type", "") == "checkbox":
            css = "" if checkboxes else "form-check-input"
        if field.required and not checkboxes:
            widget.attrs.setdefault("required", True)
        if form.is_bound and form.errors.get(name):
            css += " is-invalid"
        widget.attrs.setdefault("class", css)
        # A date-and-time picker (datetime-local) keeps its time.
        kind = widget.attrs.get("type") or getattr(widget, "input_type", "")
        if kind == "date" or ("date" in type(field).__name__.lower() and kind != "datetime-local"):
            widget.input_type = "date"
    return form


def _query_without(request: HttpRequest, key: str) -> str:
    query = request.GET.copy()
    query.pop(key, None)
    return query.urlencode()


class ScopedDetailView(LoginRequiredMixin, DetailView):
    """A detail page of a scoped object: out of scope answers 404, and the attempt is recorded."""

    model: type[Model]

    def get_queryset(self) -> QuerySet[Any]:
        return self.model.objects.visible_to(self.request.user)  # type: ignore[attr-defined]

    def get_object(self, queryset: QuerySet[Any] | None = None) -> Any:
        obj = get_visible_or_404(
            self.get_queryset() if queryset is None else queryset,
            self.request.user,
            request=self.request,
            scope=None,
            pk=self.kwargs.get(self.pk_url_kwarg),
        )
        record_personal_read(self.request, self.model, kind="detail", count=1, ids=[obj.pk])
        return obj


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403: the refusal is recorded and explained."""
    record_event(
        "access.denied",
        by=getattr(request, "user", None),
        data={"path": request.path, "method": request.method},
    )
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        from ..api import not_found_body

        return JsonResponse(not_found_body(), status=404, json_dumps_params={"ensure_ascii": False})
    return render(request, "404.html", status=404)


__all__ = ["PermissionDenied", "ScopedDetailView", "ScopedListView", "permission_denied"]
