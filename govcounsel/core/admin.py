"""The back office belongs to the three separated duties; each model is owned by exactly one.

System administrator: configuration and organisation data. Security administrator:
accounts, role grants, lockouts, tokens. Audit administrator: the audit trail, read-only.
Records of the domain are not deleted from here.
"""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.contrib import admin
from django.http import HttpRequest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.scopes import has_role

from .models import AuditEvent, Notification

admin.site.site_header = "公职律师工作管理平台 · 后台管理"
admin.site.site_title = "govcounsel"
admin.site.index_title = "后台管理"


class DutyAdmin(admin.ModelAdmin):
    duty: Role = Role.SYSTEM_ADMIN
    read_only = False
    deletable = False
    # Other duties that may look (never change): the security administrator picks regions and
    # units when granting roles.
    viewers: frozenset[Role] = frozenset()

    def _holds(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and has_role(request.user, {self.duty}))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._holds(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._holds(request) or bool(
            self.viewers and request.user.is_active and has_role(request.user, self.viewers)
        )

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._holds(request) and not self.read_only

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._holds(request) and not self.read_only

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._holds(request) and self.deletable and not self.read_only


def take_over(model: Any, admin_class: type[admin.ModelAdmin]) -> None:
    """Register a third-party model under a duty, replacing the package's own admin."""
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, admin_class)


@admin.register(AuditEvent)
class AuditEventAdmin(DutyAdmin):
    duty = Role.AUDIT_ADMIN
    read_only = True
    list_display = ["at", "action", "actor_name", "client_address", "object_repr"]
    list_filter = ["action"]
    search_fields = ["action", "actor_name", "object_repr", "client_address"]
    date_hierarchy = "at"


class ChangeAdmin(DutyAdmin):
    duty = Role.AUDIT_ADMIN
    read_only = True
    list_display = ["timestamp", "action", "content_type", "object_repr", "actor", "remote_addr"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "actor__username"]
    date_hierarchy = "timestamp"


take_over(LogEntry, ChangeAdmin)


@admin.register(Notification)
class NotificationAdmin(DutyAdmin):
    read_only = True
    list_display = ["created_at", "recipient", "title", "read_at"]
