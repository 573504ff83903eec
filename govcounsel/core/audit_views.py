"""The audit administrator's pages: the event trail and the field-level change history.

Read-only: nothing here changes a record."""

from __future__ import annotations

import json
from typing import Any

from auditlog.models import LogEntry
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .exporters import Column, Report, attr
from .filters import AuditEventFilter, ChangeFilter
from .models import AuditEvent
from .views import ScopedListView


class AuditEventReport(Report):
    title = _("审计事件")
    columns = [
        Column(_("时间"), attr("at"), 20),
        Column(_("事件"), attr("action"), 32),
        Column(_("操作人"), attr("actor_name"), 14),
        Column(_("客户端地址"), attr("client_address"), 16),
        Column(_("对象"), attr("object_repr"), 24),
        Column(_("详情"), lambda e: json.dumps(e.data, ensure_ascii=False) if e.data else "", 40),
    ]


def shown_changes(entry: LogEntry) -> dict[str, Any]:
    """A change as registered today: fields excluded since it was written (a birth
    date beside the masked ID number) left out, masked fields masked again. The row itself is
    sealed and stays as written."""
    from auditlog.diff import get_mask_function
    from auditlog.registry import auditlog

    changes = entry.changes_dict
    model = entry.content_type.model_class() if entry.content_type_id else None
    if model is None or not auditlog.contains(model):
        return changes
    fields = auditlog.get_model_fields(model)
    mask = get_mask_function(fields.get("mask_callable"))
    return {
        name: [mask(str(v)) if v else v for v in values]
        if name in fields["mask_fields"] and isinstance(values, list)
        else values
        for name, values in changes.items()
        if name not in fields["exclude_fields"]
    }


class ChangeReport(Report):
    title = _("数据变更")
    columns = [
        Column(_("时间"), attr("timestamp"), 20),
        Column(_("操作"), attr("action"), 8),
        Column(_("数据类型"), lambda e: e.content_type.name if e.content_type_id else "", 14),
        Column(_("对象"), attr("object_repr"), 24),
        Column(_("操作人"), lambda e: e.actor.username if e.actor_id else "", 14),
        Column(_("客户端地址"), attr("remote_addr"), 16),
        Column(_("字段变更"), lambda e: json.dumps(shown_changes(e), ensure_ascii=False), 60),
    ]


class _AuditList(PermissionRequiredMixin, ScopedListView):
    permission_required = "core.read_audit"
    raise_exception = True
    template_name = "core/audit_list.html"


class AuditEventListView(_AuditList):
    model = AuditEvent
    filterset_class = AuditEventFilter
    report_class = AuditEventReport
    export_name = "审计事件"
    page_title = _("审计日志")

    def base_queryset(self) -> QuerySet[Any]:
        # The whole trail is the audit administrator's scope; the permission check above guards it.
        return AuditEvent.objects.all()


class ChangeListView(_AuditList):
    model = LogEntry
    filterset_class = ChangeFilter
    report_class = ChangeReport
    export_name = "数据变更"
    page_title = _("数据变更记录")

    def base_queryset(self) -> QuerySet[Any]:
        return LogEntry.objects.select_related("actor", "content_type")
