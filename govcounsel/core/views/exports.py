"""A person's exports: the list, a job's progress, and the download of its file (ADR 0018).

Only the person who asked for an export sees it; anyone else gets 404, and the attempt is
recorded as a denied access."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ..audit import record_event
from ..choices import ExportFormat
from ..exporters import CSV_TYPE, XLSX_TYPE, export_filename
from ..models import ExportJob

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


@login_required
def my_exports(request: HttpRequest) -> HttpResponse:
    jobs = ExportJob.objects.of(request.user)[:100]
    return render(
        request, "core/exports.html", {"jobs": jobs, "keep_days": settings.EXPORT_KEEP_DAYS}
    )


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
