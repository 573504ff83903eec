"""List pages: scoped queryset, one FilterSet, paging, and Excel export of the same rows."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.generic import DetailView, ListView

from .access import holds_personal_data, record_personal_read
from .audit import record_event
from .exporters import Report, xlsx_response


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
    # instead of COUNT(*) and OFFSET. `?after=` carries the last row seen.
    keyset_field: str | None = None

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

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.GET.get("export") == "xlsx":
            report = self.report_class()
            response = xlsx_response(report, self.get_queryset(), self.export_name)
            # One row for the whole export, written once the rows are counted.
            record_event(
                "export.xlsx",
                by=request.user,
                data={
                    "list": str(self.export_name),
                    "model": self.model._meta.label,
                    "count": report.rows_written,
                    "personal_data": holds_personal_data(self.model),
                    "filters": {k: v for k, v in request.GET.items() if k != "export"},
                },
            )
            return response
        return super().get(request, *args, **kwargs)

    def paginate_queryset(self, queryset: Any, page_size: int) -> Any:
        if not self.keyset_field:
            return super().paginate_queryset(queryset, page_size)
        field = self.keyset_field
        rows = queryset.order_by(f"-{field}", "-pk")
        after = _decode_keyset(self.request.GET.get("after", ""))
        if after is not None:
            value, pk = after
            rows = rows.filter(Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": pk}))
        page = list(rows[: page_size + 1])
        self.next_keyset = (
            _encode_keyset(getattr(page[page_size - 1], field), page[page_size - 1].pk)
            if len(page) > page_size
            else None
        )
        return (None, None, page[:page_size], False)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if self.keyset_field:
            context.update(
                keyset=True,
                next_keyset=getattr(self, "next_keyset", None),
                query_without_after=_query_without(self.request, "after"),
                first_page=bool(self.request.GET.get("after")),
            )
        record_personal_read(
            self.request, self.model, kind="list", count=len(context["object_list"])
        )
        report = self.report_class()
        context.update(
            filter=self.filterset,
            report=report,
            table_rows=[(obj, report.row(obj)) for obj in context["object_list"]],
            page_title=self.page_title,
            detail_url_name=self.detail_url_name,
            query_without_page=_query_without(self.request, "page"),
        )
        return context


def bootstrap_form(form: Any) -> Any:
    """Give a form's widgets Bootstrap classes, so templates can render fields plainly."""
    for name, field in form.fields.items():
        widget = field.widget
        css = (
            "form-select form-select-sm"
            if getattr(widget, "input_type", "") == "select"
            else "form-control form-control-sm"
        )
        if getattr(widget, "input_type", "") == "checkbox":
            css = "form-check-input"
        if field.required:
            widget.attrs.setdefault("required", True)
        if form.is_bound and form.errors.get(name):
            css += " is-invalid"
        widget.attrs.setdefault("class", css)
        if getattr(widget, "input_type", "") == "date" or "date" in type(field).__name__.lower():
            widget.input_type = "date"
    return form


def _encode_keyset(value: Any, pk: int) -> str:
    return f"{value.isoformat() if hasattr(value, 'isoformat') else value}_{pk}"


def _decode_keyset(text: str) -> tuple[Any, int] | None:
    from datetime import datetime

    value, _sep, pk = text.rpartition("_")
    if not value or not pk.isdigit():
        return None
    try:
        return datetime.fromisoformat(value), int(pk)
    except ValueError:
        return None


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
        try:
            obj = super().get_object(queryset)
        except Http404:
            pk = self.kwargs.get("pk")
            if pk is not None and self.model._default_manager.filter(pk=pk).exists():
                record_event(
                    "access.denied",
                    by=self.request.user,
                    data={
                        "path": self.request.path,
                        "model": self.model._meta.label,
                        "id": str(pk),
                    },
                )
            raise
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
        from .api import not_found_body

        return JsonResponse(not_found_body(), status=404, json_dumps_params={"ensure_ascii": False})
    return render(request, "404.html", status=404)


__all__ = ["PermissionDenied", "ScopedDetailView", "ScopedListView", "permission_denied"]
