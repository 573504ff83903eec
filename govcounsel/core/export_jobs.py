"""Exports of list pages: written at once when small, by a background job when large
(ADR 0018), and the old files removed when they expire.

A list page answers `?export=xlsx` or `?export=csv`. Up to `EXPORT_SYNC_ROWS` rows the file
is written while the person waits (csv streamed row by row); above it an `ExportJob` is
queued and the person follows its progress. The worker re-runs the same list view for the
owner, read again from the database, with the same filters: the file holds exactly what the
page would show them at that moment, and nothing of a unit outside their scope.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponseBase, QueryDict
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from . import context
from .access import holds_personal_data
from .audit import record_event
from .choices import ExportFormat, ExportStatus
from .exporters import (
    CHUNK_ROWS,
    HEADER_ROW,
    SheetHeading,
    csv_response,
    exporter_name,
    write_csv,
    write_xlsx_to,
    xlsx_response,
)
from .models import ExportJob
from .printing import filter_in_words, units_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .views import ScopedListView

log = logging.getLogger(__name__)

EXPORT_FORMATS = frozenset(ExportFormat.values)
# One audit action per format; the event is the record of the personal-data read (PIPL art. 51).
# A printed register leaves the system on paper: the same family, its own name.
PRINT_FORMAT = "print"
EXPORT_EVENTS = {
    ExportFormat.XLSX: "export.xlsx",
    ExportFormat.CSV: "export.csv",
    PRINT_FORMAT: "export.print",
}
# Query parameters that page or trigger the export; the rest are the list's filters.
_NOT_FILTERS = ("export", "page", "cursor", PRINT_FORMAT)
# An xlsx sheet holds 1,048,576 rows: the title block and the header, then the records.
XLSX_MAX_ROWS = 1_048_576 - HEADER_ROW
# A national register takes minutes (benchmarks/exports.py): longer than the cluster's
# default task timeout. A job still pending after twice this is taken for dead.
TIMEOUT_SECONDS = 3600
STALE_AFTER = timedelta(seconds=2 * TIMEOUT_SECONDS)


def filters_of(query: QueryDict) -> QueryDict:
    kept = query.copy()
    for key in _NOT_FILTERS:
        kept.pop(key, None)
    return kept


def heading_of(view: ScopedListView) -> SheetHeading:
    """The title block of the list's xlsx export, as its print says it: the page's title,
    the reader's units, the filter in words. Call after `get_queryset()` built the filter."""
    return SheetHeading(
        issuer=units_of(view.request.user),
        filters=filter_in_words(view.filterset),
        title=str(view.page_title or view.report_class.title),
    )


def record_export(
    *,
    by: Any,
    model: type[Model],
    title: Any,
    fmt: str,
    count: int,
    filters: QueryDict,
    job: ExportJob | None = None,
) -> None:
    """One audit row per export, with its count: it is the record of this read of the register."""
    data: dict[str, Any] = {
        "list": str(title),
        "model": model._meta.label,
        "count": count,
        "personal_data": holds_personal_data(model),
        "filters": filters.dict(),
        "format": fmt,
    }
    if job is not None:
        data["job"] = job.pk
    record_event(EXPORT_EVENTS[fmt], job, by=by, data=data)


def export_list(view: ScopedListView, fmt: str) -> HttpResponseBase:
    """What `?export=<fmt>` on a list page answers: the file, or the page of a background job."""
    request = view.request
    queryset = view.get_queryset()
    limit = settings.EXPORT_SYNC_ROWS
    # Counting stops one row past the limit: no COUNT(*) over a national register here.
    size = queryset.order_by().values("pk")[: limit + 1].count()
    if size > limit:
        job = request_export(view=view, fmt=fmt)
        messages.info(
            request,
            _("记录超过%(limit)s条，已转为后台导出；完成后可在此页或“我的导出”中下载。")
            % {"limit": limit},
        )
        return redirect(job)
    report = view.report_class()
    filters = filters_of(request.GET)
    if fmt == ExportFormat.CSV:
        # Recorded before the first byte leaves: a download broken off halfway was still a read.
        record_export(
            by=request.user,
            model=view.model,
            title=view.export_name,
            fmt=fmt,
            count=size,
            filters=filters,
        )
        return csv_response(report, queryset, view.export_name)
    response = xlsx_response(report, queryset, view.export_name, heading=heading_of(view))
    record_export(
        by=request.user,
        model=view.model,
        title=view.export_name,
        fmt=fmt,
        count=report.rows_written,
        filters=filters,
    )
    return response


def _view_path(view: ScopedListView) -> str:
    return f"{type(view).__module__}.{type(view).__qualname__}"


@transaction.atomic
def request_export(*, view: ScopedListView, fmt: str) -> ExportJob:
    """Queue a background export of the list as the person sees it now.

    The same list, filters and format already queued or running for the same person is
    not queued twice (a reload, a second click)."""
    request = view.request
    user: Any = request.user
    query = filters_of(request.GET).urlencode()
    path = _view_path(view)
    kwargs = dict(view.kwargs)
    pending = (
        ExportJob.objects.of(user)
        .select_for_update()
        .filter(
            view=path,
            view_kwargs=kwargs,
            format=fmt,
            status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING],
            created_at__gte=timezone.now() - STALE_AFTER,
        )
    )
    for job in pending:  # the query is encrypted: compared here, not in SQL
        if job.query == query:
            return job
    ctx = context.current()
    job = ExportJob.objects.create(
        owner=user,
        title=str(view.export_name)[:100],
        view=path,
        view_kwargs=kwargs,
        path=request.path[:300],
        query=query,
        format=fmt,
        client_address=ctx.client_address if ctx is not None else context.client_address(request),
        request_id=getattr(ctx, "request_id", None) or "",
    )
    record_event(
        "export.requested",
        job,
        by=user,
        data={"list": job.title, "format": fmt, "filters": filters_of(request.GET).dict()},
    )
    queue_export(job)
    return job


def queue_export(job: ExportJob) -> None:
    """Hand the job to a worker once the row is committed (inline without a cluster)."""
    from django_q.tasks import async_task

    transaction.on_commit(
        lambda: async_task(
            "govcounsel.core.export_jobs.run_export",
            job.pk,
            task_name=str(job),
            timeout=TIMEOUT_SECONDS,
        )
    )


def _request_for(job: ExportJob, user: Any) -> HttpRequest:
    """The list page's request as the worker replays it: the owner, the path, the filters."""
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = job.path
    request.GET = QueryDict(job.query)
    request.user = user
    request.META["REMOTE_ADDR"] = job.client_address or ""
    return request


def _view_for(job: ExportJob, request: HttpRequest) -> ScopedListView:
    from .views import ScopedListView

    view_class = import_string(job.view)
    if not (isinstance(view_class, type) and issubclass(view_class, ScopedListView)):
        raise PermissionDenied(_("该列表不能导出。"))
    if not request.user.is_active:
        raise PermissionDenied(_("账号已停用，导出未执行。"))
    view = view_class()
    view.setup(request, **job.view_kwargs)
    # The checks the page made before answering, made again: a grant may have been withdrawn
    # since the export was requested (PermissionRequiredMixin, UserPassesTestMixin).
    has_permission = getattr(view, "has_permission", None)
    test_func = getattr(view, "test_func", None)
    if (has_permission is not None and not has_permission()) or (
        test_func is not None and not test_func()
    ):
        raise PermissionDenied(_("你已无权导出该列表。"))
    return view


def save_progress(job: ExportJob, done: int) -> None:
    ExportJob.objects.filter(pk=job.pk).update(done=done)


def _counted(objects: Iterable[Any], job: ExportJob, every: int) -> Iterator[Any]:
    for done, obj in enumerate(objects, 1):
        yield obj
        if done % every == 0:
            save_progress(job, done)


def run_export(job_id: int) -> None:
    """The background job: write the file, record the read, keep the file for a few days."""
    # Claimed once: a task the broker delivers again while it runs (a long export outlasts
    # the cluster's `retry`) finds the job no longer queued and does nothing.
    if not ExportJob.objects.filter(pk=job_id, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING
    ):
        return
    job = ExportJob.objects.get(pk=job_id)
    try:
        # Read again: roles granted or withdrawn since the request count, not the old session.
        owner = get_user_model()._default_manager.get(pk=job.owner_id)
        request = _request_for(job, owner)
        replay = {"request_id": job.request_id} if job.request_id else {}
        token = context.set_current(context.RequestContext(request, job.client_address, **replay))
        try:
            _write(job, request)
        finally:
            context.reset(token)
    except Exception as error:  # the job's page must say it failed, whatever the cause
        log.exception("export %s failed", job_id)
        message = error.args[0] if isinstance(error, PermissionDenied) and error.args else None
        ExportJob.objects.filter(pk=job_id).update(
            status=ExportStatus.FAILED,
            error=str(message or _("导出失败，请稍后重试或联系系统管理员。"))[:2000],
            finished_at=timezone.now(),
        )


def _write(job: ExportJob, request: HttpRequest) -> None:
    view = _view_for(job, request)
    queryset: QuerySet[Any] = view.get_queryset()
    total = queryset.count()
    if job.format == ExportFormat.XLSX and total > XLSX_MAX_ROWS:
        raise PermissionDenied(_("记录数超过Excel工作表的上限，请导出CSV或缩小筛选范围。"))
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.RUNNING, total=total, done=0)
    report = view.report_class()
    rows = _counted(
        queryset.iterator(chunk_size=CHUNK_ROWS), job, max(1, settings.EXPORT_PROGRESS_ROWS)
    )
    # Written to a temporary file on disk, then copied to storage in chunks: the worker's
    # memory does not grow with the register.
    with tempfile.TemporaryFile() as scratch:
        if job.format == ExportFormat.CSV:
            count = write_csv(report, rows, scratch)
        else:
            count = write_xlsx_to(
                report,
                rows,
                scratch,
                exported_by=exporter_name(request.user),
                heading=heading_of(view),
            )
        scratch.seek(0)
        job.file.save(f"{uuid.uuid4().hex}.{job.format}", File(scratch), save=False)
    try:
        with transaction.atomic():
            record_export(
                by=request.user,
                model=view.model,
                title=view.export_name,
                fmt=job.format,
                count=count,
                filters=request.GET,
                job=job,
            )
            finished = timezone.now()
            job.status, job.done, job.total = ExportStatus.DONE, count, max(total, count)
            job.finished_at = finished
            job.expires_at = finished + timedelta(days=settings.EXPORT_KEEP_DAYS)
            job.save()
    except Exception:
        job.file.delete(save=False)  # no file without its audit record
        raise


def remove_expired_exports() -> int:
    """Scheduled daily: delete the files of exports past their keeping time; the job rows
    stay, marked expired, so that "my exports" still says what was exported and when."""
    removed = 0
    for job in ExportJob.objects.expired().iterator():
        job.file.delete(save=False)
        job.status = ExportStatus.EXPIRED
        job.save(update_fields=["file", "status"])
        removed += 1
    # A job whose worker died never finishes: it is marked failed, and a new click queues anew.
    ExportJob.objects.filter(
        status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING],
        created_at__lt=timezone.now() - STALE_AFTER,
    ).update(
        status=ExportStatus.FAILED,
        error=str(_("导出未能完成，请重新导出。")),
        finished_at=timezone.now(),
    )
    return removed
