"""The audit administrator's pages: the event trail and the field-level change history, in
words (ADR 0017): labels, Beijing time, the object's name, details and diffs, and the
events and diffs of one request side by side.

Read-only: nothing here changes a record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from auditlog.models import LogEntry
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ..audit_display import in_chunks, prepare_entries, prepare_events, shown_changes
from ..exporters import Column, Report, attr
from ..filters import AuditEventFilter, ChangeFilter
from ..models import AuditEvent
from .base import ScopedListView

# Rows prepared together in an export: one query for their diffs, one per related model.
_EXPORT_CHUNK = 500


def _actor(user: Any, username: str = "") -> str:
    if user is None:
        return username
    return f"{user.display_name}（{user.get_username()}）"


def _pairs(pairs: list[tuple[str, str]]) -> str:
    return "；".join(f"{label}：{value}" for label, value in pairs)


class AuditEventReport(Report):
    """The event trail; rows are prepared (labels, details, diffs) a chunk at a time."""

    title = _("审计事件")
    columns = [
        Column(_("时间（北京时间）"), attr("at"), 20),
        Column(_("事件"), attr("label"), 24),
        Column(_("事件代码"), attr("action"), 32),
        Column(_("操作人"), lambda e: _actor(e.actor, e.actor_name), 20),
        Column(_("客户端地址"), attr("client_address"), 16),
        Column(_("对象类型"), attr("object_type"), 14),
        Column(_("对象"), attr("object_repr"), 24),
        Column(_("对象编号"), attr("object_id"), 10),
        Column(_("详情"), lambda e: _pairs(e.details), 40),
        Column(_("字段变更"), lambda e: "\n".join(c.text() for c in e.changes), 60),
        Column(_("请求编号"), attr("request_id"), 34),
    ]

    def rows(self, objects: Iterable[Any]) -> Iterator[list[Any]]:
        for event in in_chunks(objects, _EXPORT_CHUNK, prepare_events):
            yield self.row(event)


class ChangeReport(Report):
    """The field-change history, each diff in words."""

    title = _("数据变更")
    columns = [
        Column(_("时间（北京时间）"), attr("timestamp"), 20),
        Column(_("操作"), attr("shown.action_label"), 8),
        Column(_("数据类型"), attr("shown.model_label"), 14),
        Column(_("对象"), attr("object_repr"), 24),
        Column(_("对象编号"), attr("object_pk"), 10),
        Column(_("操作人"), lambda e: _actor(e.actor), 20),
        Column(_("客户端地址"), attr("remote_addr"), 16),
        Column(
            _("字段变更"),
            lambda e: "\n".join(f"{c.label}：{c.old} → {c.new}" for c in e.shown.fields),
            60,
        ),
        Column(_("请求编号"), attr("cid"), 34),
    ]

    def rows(self, objects: Iterable[Any]) -> Iterator[list[Any]]:
        for entry in in_chunks(objects, _EXPORT_CHUNK, prepare_entries):
            yield self.row(entry)


class _AuditList(PermissionRequiredMixin, ScopedListView):
    permission_required = "core.read_audit"
    # Millions of rows: keyset paging on the indexed time column, no COUNT(*) or OFFSET.
    paginate_by = 50

    def prepare(self, rows: list[Any]) -> list[Any]:
        """The page's rows made readable (labels, names, diffs); each list says how."""
        return rows

    def paginate_queryset(self, queryset: Any, page_size: int) -> Any:
        paginator, page, rows, more = super().paginate_queryset(queryset, page_size)
        return paginator, page, self.prepare(list(rows)), more


class AuditEventListView(_AuditList):
    model = AuditEvent
    filterset_class = AuditEventFilter
    report_class = AuditEventReport
    export_name = "审计事件"
    page_title = _("审计日志")
    template_name = "core/audit_list.html"
    keyset_field = "at"

    def base_queryset(self) -> QuerySet[Any]:
        # The whole trail is the audit administrator's scope; the permission check above guards it.
        return AuditEvent.objects.select_related("actor")

    def prepare(self, rows: list[Any]) -> list[Any]:
        return prepare_events(rows)


class ChangeListView(_AuditList):
    model = LogEntry
    filterset_class = ChangeFilter
    report_class = ChangeReport
    export_name = "数据变更"
    page_title = _("数据变更记录")
    template_name = "core/audit_changes.html"
    keyset_field = "timestamp"

    def base_queryset(self) -> QuerySet[Any]:
        return LogEntry.objects.select_related("actor")

    def prepare(self, rows: list[Any]) -> list[Any]:
        return prepare_entries(rows)


__all__ = ["AuditEventListView", "ChangeListView", "shown_changes"]
