from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.models import TokenProxy

from govcounsel.core.admin import ConfigurationAdmin, take_over

from .choices import Role
from .models import RoleGrant, User


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0
    raw_id_fields = ["region", "unit"]

    def has_module_permission(self, request):
        return True

    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return True

    def has_change_permission(self, request, obj=None):
        return True

    def has_delete_permission(self, request, obj=None):
        return True


_ACCOUNTS = (
    "Accounts and role grants have no services: they are the security administrator's "
    "configuration, checked by the models themselves (三员分立, grant anchors) and diffed by "
    "django-auditlog."
)


@admin.register(User)
class UserAdmin(ConfigurationAdmin, DjangoUserAdmin):
    duty = Role.SECURITY_ADMIN
    why = _ACCOUNTS
    inlines = [RoleGrantInline]
    raw_id_fields = ["person"]
    list_display = ["username", "last_name", "first_name", "is_active", "is_staff", "last_login"]
    # No superusers and no raw Django permissions: access comes from role grants only.
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("个人信息"), {"fields": ("last_name", "first_name", "email", "person")}),
        (_("状态"), {"fields": ("is_active", "is_staff")}),
        (_("时间"), {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    list_filter = ["is_active", "is_staff", "grants__role"]


@admin.register(RoleGrant)
class RoleGrantAdmin(ConfigurationAdmin):
    duty = Role.SECURITY_ADMIN
    why = _ACCOUNTS
    deletable = True
    list_display = ["user", "role", "region", "unit", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "region__name", "unit__name"]
    raw_id_fields = ["user", "region", "unit"]


class SecurityAdmin(ConfigurationAdmin):
    duty = Role.SECURITY_ADMIN
    why = "Lockout records and API tokens are account security, kept by the security admin."
    deletable = True  # deleting a lockout record unlocks the account


for model in (AccessAttempt, AccessLog, AccessFailureLog, TokenProxy):
    take_over(model, SecurityAdmin)
if admin.site.is_registered(Group):
    admin.site.unregister(Group)
