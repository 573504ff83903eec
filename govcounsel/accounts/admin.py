from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from govcounsel.core.admin import ReadOnlyAdmin, ServiceAdmin, take_over
from govcounsel.core.errors import DomainError

from . import services
from .choices import Role
from .models import AdminPasswordReset, RoleGrant, User
from .security_services import unlock_attempts


class AccountCreationForm(forms.ModelForm):
    """No password here: the holder sets it through the one-time activation link."""

    class Meta:
        model = User
        fields = ["username", "last_name", "first_name", "email", "person", "is_staff"]


class AccountChangeForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["last_name", "first_name", "email", "person", "is_active", "is_staff"]


@admin.register(User)
class UserAdmin(ServiceAdmin, DjangoUserAdmin):
    """Accounts are set up, changed and reset through accounts.services (三员分立):
    the security administrator never types, sees or sets anyone's password."""

    duty = Role.SECURITY_ADMIN
    create_service = services.create_account
    update_service = services.update_account
    update_target = "user"
    form = AccountChangeForm
    add_form = AccountCreationForm
    raw_id_fields = ["person"]
    list_display = ["username", "last_name", "first_name", "is_active", "is_staff", "last_login"]
    # No superusers and no raw Django permissions: access comes from role grants only.
    fieldsets = (
        (None, {"fields": ("username", "grants_held")}),
        (_("个人信息"), {"fields": ("last_name", "first_name", "email", "person")}),
        (_("状态"), {"fields": ("is_active", "is_staff", "must_change_password")}),
        (_("时间"), {"fields": ("last_login", "date_joined", "password_changed_at")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "last_name", "first_name", "email", "person", "is_staff")}),
    )
    readonly_fields = [
        "username",
        "grants_held",
        "must_change_password",
        "last_login",
        "date_joined",
        "password_changed_at",
    ]
    list_filter = ["is_active", "is_staff", "grants__role"]
    actions = ["send_reset_link", "request_admin_reset"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj is not None else []

    @admin.display(description=_("角色授权"))
    def grants_held(self, obj: User) -> str:
        return "；".join(
            f"{grant}{_('（待业务审批）') if grant.pending else ''}" for grant in obj.grants.all()
        )

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> Any:
        # Django's "set this user's password" page: no administrator sets a password.
        raise PermissionDenied

    @admin.action(description=_("重置密码（向本人发送激活链接）"))
    def send_reset_link(self, request: HttpRequest, queryset: Any) -> None:
        for user in queryset:
            try:
                services.reset_password(user=user, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{user}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("已向 %(u)s 发送激活链接。") % {"u": user})

    @admin.action(description=_("申请重置管理员密码（须另一职责的管理员确认）"))
    def request_admin_reset(self, request: HttpRequest, queryset: Any) -> None:
        for user in queryset:
            try:
                services.request_admin_reset(target=user, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{user}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("已提交 %(u)s 的重置申请，待确认。") % {"u": user})


@admin.register(RoleGrant)
class RoleGrantAdmin(ServiceAdmin):
    """Granted through accounts.services.grant_role: a role that reads identity waits for the
    approval of a justice bureau of its region; revoked through revoke_grant."""

    duty = Role.SECURITY_ADMIN
    create_service = services.grant_role
    fields = ["user", "role", "region", "unit"]
    list_display = ["user", "role", "region", "unit", "granted_at", "pending", "approved_by"]
    list_filter = ["role", "pending"]
    search_fields = ["user__username", "region__name", "unit__name"]
    raw_id_fields = ["user", "region", "unit"]
    actions = ["revoke"]

    @admin.action(description=_("撤销所选授权"))
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        for grant in queryset:
            services.revoke_grant(grant=grant, by=request.user)


@admin.register(AdminPasswordReset)
class AdminPasswordResetAdmin(ReadOnlyAdmin):
    """Requests to reset an administrator's password; any administrator of another duty than
    the requester's confirms one through services.confirm_admin_reset."""

    duty = Role.SECURITY_ADMIN
    viewers = frozenset({Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN})
    list_display = ["target", "requested_by", "requested_at", "confirmed_by", "confirmed_at"]
    actions = ["confirm"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    @admin.action(description=_("确认所选重置申请"))
    def confirm(self, request: HttpRequest, queryset: Any) -> None:
        for reset in queryset:
            try:
                services.confirm_admin_reset(reset=reset, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{reset}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("已确认，激活链接已发送给账号本人。"))


class LoginRecordAdmin(ReadOnlyAdmin):
    """Login records are evidence (MLPS 2.0 8.1.4.3): the security administrator reads them
    and never deletes them (ADR 0010)."""

    duty = Role.SECURITY_ADMIN


class AccessAttemptAdmin(LoginRecordAdmin):
    """A lockout is lifted by the one action below, recorded; the attempts it clears are
    copied into the audit trail first (core.audit)."""

    actions = ["unlock"]

    @admin.action(description=_("解除锁定（记入审计）"))
    def unlock(self, request: Any, queryset: Any) -> None:
        # The reason is asked for on the security page (accounts:lockouts); here it names
        # where the lockout was lifted.
        count = unlock_attempts(
            attempts=queryset, by=request.user, reason=str(_("在后台管理中解除"))
        )
        self.message_user(request, _("已解除 %(count)s 条锁定记录。") % {"count": count})


take_over(AccessAttempt, AccessAttemptAdmin)
take_over(AccessLog, LoginRecordAdmin)
take_over(AccessFailureLog, LoginRecordAdmin)
if admin.site.is_registered(Group):
    admin.site.unregister(Group)

from . import security_admin  # noqa: E402, F401  (API tokens, two-factor devices)
