"""A person's exports: the list, a job's progress, and the download of its file (ADR 0018).

Only the person who asked for an export sees it; anyone else gets 404, and the attempt is
recorded as a denied access."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from ..audit import record_event
from ..choices import ExportFormat
from ..exporters import CSV_TYPE, XLSX_TYPE, Column, Report, attr, export_filename
from ..filters import ExportJobFilter
from ..models import ExportJob
from .base import ScopedListView

CONTENT_TYPES = {ExportFormat.XLSX: XLSX_TYPE, ExportFormat.CSV: CSV_TYPE}


def _own(request: HttpRequest, pk: int) -> ExportJob:
    job = ExportJob.objects.of(request.user).filter(pk=pk).first()
    if job is None:
        if ExportJob.objects.filter(pk=pk).exists():
            record_event(
                "access.denied",
                by=request.user,
                data={"path": request.path, "model": ExportJob._meta.label, "id": str(pk)},
            )
        raise Http404
    return job


class ExportJobReport(Report):
    title = _("我的导出")
    columns = [
        Column(_("名称"), attr("title"), 30),
        Column(_("格式"), attr("format"), 12),
        Column(_("状态"), attr("status"), 10),
        Column(_("记录数"), attr("total"), 10),
        Column(_("申请时间"), attr("created_at"), 18),
        Column(_("文件保留至"), attr("expires_at"), 18),
    ]


class MyExportsView(ScopedListView):
    """One's own background exports. The list is not itself exported or printed: it holds
    no record of the business, only the way to the files, and those are the owner's alone."""

    model = ExportJob
    filterset_class = ExportJobFilter
    report_class = ExportJobReport
    page_title = _("我的导出")
    template_name = "core/exports.html"

    def base_queryset(self) -> QuerySet[ExportJob]:
        return ExportJob.objects.of(self.request.user)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:  # type: ignore[override]
        # No ?export= nor ?print=: the page as it is (see the class's docstring).
        return ListView.get(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(keep_days=settings.EXPORT_KEEP_DAYS, exportable=False)
        return context


@login_required
def export_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own(request, pk)
    template = "core/_export_status.html" if request.htmx else "core/export.html"  # type: ignore[attr-defined]
    return render(request, template, {"job": job})


@login_required
def export_download(request: HttpRequest, pk: int) -> FileResponse:
    job = _own(request, pk)
    if not job.is_ready:
        raise Http404
    record_event(
        "export.downloaded",
        job,
        by=request.user,
        data={"list": job.title, "format": job.format, "count": job.done},
    )
    stamp = job.finished_at or job.created_at
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=export_filename(job.title, job.format, at=stamp),
        content_type=CONTENT_TYPES[ExportFormat(job.format)],
    )
