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


class ChangeReport(Report):
    title = _("数据变更")
    columns = [
        Column(_("时间"), attr("timestamp"), 20),
        Column(_("操作"), attr("action"), 8),
        Column(_("数据类型"), lambda e: e.content_type.name if e.content_type_id else "", 14),
        Column(_("对象"), attr("object_repr"), 24),
        Column(_("操作人"), lambda e: e.actor.username if e.actor_id else "", 14),
        Column(_("客户端地址"), attr("remote_addr"), 16),
        Column(_("字段变更"), lambda e: json.dumps(e.changes_dict, ensure_ascii=False), 60),
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
