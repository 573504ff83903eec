"""Account verbs: setting up and resetting accounts, granting roles, changing passwords.

三员分立 (MLPS 2.0 GB/T 22239-2019 8.1.4.2 c)/d)): no administrator obtains a business
role's powers or another administrator's identity.

- An account set up or reset by an administrator gets a one-time activation link, e-mailed to
  its holder; the administrator never sees a password, nor the link.
- A grant of a role that reads identity waits for a second approval by a business authority
  of its region (a justice bureau at that region or above) and gives nothing until then.
- No administrator resets another administrator's password alone: one asks, another of a
  different duty confirms.
- Every verb writes an audit event; django-auditlog adds the field diffs.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.notify import notify
from govcounsel.core.scoping import in_reach
from govcounsel.core.services import model_update

from .choices import ADMIN_DUTIES, IDENTITY_READERS, Role
from .models import AdminPasswordReset, PasswordHistory, RoleGrant, User
from .notices import ADMIN_RESET, GRANT_PENDING
from .scopes import forget_grants, roles_of

REMEMBERED_PASSWORDS = 5
ACCOUNT_FIELDS = ("last_name", "first_name", "person", "is_active", "is_staff")


def _ensure_security_admin(by: Any) -> None:
    # Checked on the role itself: the superuser flag gives nothing here.
    if not (getattr(by, "is_active", False) and Role.SECURITY_ADMIN in roles_of(by)):
        raise NotPermitted(_("只有安全管理员可以管理账号和角色授权。"))


def _admin_duty(user: Any) -> Role | None:
    duties = roles_of(user) & ADMIN_DUTIES
    return next(iter(duties)) if duties else None


def _holds_admin_duty(user: User) -> bool:
    return RoleGrant.objects.filter(user=user, role__in=sorted(ADMIN_DUTIES)).exists()


def activation_path(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:activate", kwargs={"uidb64": uid, "token": token})


def _send_activation(user: User, *, reason: str) -> None:
    """E-mail the one-time link to the holder. Django's token is single use (it stops matching
    once the password changes) and ends after ACCOUNT_ACTIVATION_HOURS."""
    link = f"{settings.SITE_URL}{activation_path(user)}"
    body = _(
        "您好，%(name)s：\n\n您的公职律师工作管理平台账号“%(username)s”已%(reason)s。"
        "请在%(hours)d小时内打开以下链接设置您本人的密码（链接仅可使用一次）：\n\n%(link)s\n\n"
        "如非本人申请，请联系安全管理员。"
    ) % {
        "name": user.display_name,
        "username": user.username,
        "reason": _("开通") if reason == "created" else _("重置密码"),
        "hours": settings.ACCOUNT_ACTIVATION_HOURS,
        "link": link,
    }
    send_mail(str(_("账号激活")), str(body), None, [user.email])


def _start_over(user: User, *, reason: str, by: Any) -> None:
    """No usable password until the holder sets one through the link; sessions end with the
    old password hash, and API tokens are ended here."""
    from .token_services import end_tokens_of

    user.set_unusable_password()
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    end_tokens_of(user, reason=reason, by=by)
    _send_activation(user, reason=reason)


@transaction.atomic
def create_account(
    *,
    by: Any,
    username: str,
    email: str,
    last_name: str = "",
    first_name: str = "",
    person: Any = None,
    is_active: bool = True,
    is_staff: bool = False,
    **_ignored: Any,
) -> User:
    _ensure_security_admin(by)
    if not email:
        raise DomainError(
            "email_required", _("须填写电子邮箱：激活链接将发送给账号本人。"), field="email"
        )
    user = User(
        username=username,
        email=email,
        last_name=last_name,
        first_name=first_name,
        person=person,
        is_active=is_active,
        is_staff=is_staff,
        must_change_password=True,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    _send_activation(user, reason="created")
    record_event("accounts.user.created", user, by=by, data={"activation": "sent"})
    return user


@transaction.atomic
def update_account(*, user: User, by: Any, **changes: Any) -> User:
    """Names, person, active and staff flags. The e-mail address, where activation links go, is
    set when the account is created and fixed once the holder has activated it: otherwise an
    administrator could point it at himself and reset."""
    _ensure_security_admin(by)

    def check(user: User) -> None:
        if "email" in changes and changes["email"] != user.email and user.has_usable_password():
            raise DomainError(
                "email_fixed",
                _("账号激活后，电子邮箱只能由本人修改。"),
                field="email",
            )

    user, _changed = model_update(
        user,
        by=by,
        fields=(*ACCOUNT_FIELDS, "email"),
        data=changes,
        event="accounts.user.updated",
        check=check,
    )
    return user


def reset_password(*, user: User, by: Any) -> None:
    """A new activation link to the holder. An administrator's account is reset only through
    request_admin_reset and a confirmation by another duty; a refusal is recorded."""
    _ensure_security_admin(by)
    if user.pk == by.pk:
        raise DomainError("own_account", _("请在“修改密码”页面修改本人的密码。"))
    if _holds_admin_duty(user):
        record_event("accounts.password.reset_refused", user, by=by, data={"reason": "admin"})
        raise NotPermitted(
            _(
                "管理员账号的密码不能由一名管理员单独重置：请提交重置申请，"
                "由另一职责的管理员确认后，激活链接将发送给账号本人。"
            )
        )
    if not user.email:
        raise DomainError("email_required", _("该账号没有电子邮箱，无法发送激活链接。"))
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        _start_over(user, reason="password_reset", by=by)
        record_event("accounts.password.reset", user, by=by, data={"activation": "sent"})


@transaction.atomic
def request_admin_reset(*, target: User, by: Any, reason: str = "") -> AdminPasswordReset:
    if _admin_duty(by) is None or not by.is_active:
        raise NotPermitted(_("只有管理员可以申请重置管理员密码。"))
    if not _holds_admin_duty(target):
        raise DomainError("not_admin", _("该账号不是管理员账号，请直接重置。"))
    if target.pk == by.pk:
        raise DomainError("own_account", _("请在“修改密码”页面修改本人的密码。"))
    if AdminPasswordReset.objects.filter(target=target, confirmed_at__isnull=True).exists():
        raise DomainError("already_requested", _("该账号已有待确认的重置申请。"))
    request = AdminPasswordReset.objects.create(target=target, requested_by=by, reason=reason)
    record_event("accounts.admin_reset.requested", target, by=by, data={"request": request.pk})
    # The second person acts next: every administrator of another duty than the requester's.
    duty = _admin_duty(by)
    confirmers = User.objects.filter(
        grants__role__in=sorted(ADMIN_DUTIES - {duty}), is_active=True
    ).exclude(pk__in=[by.pk, target.pk])
    notify(
        confirmers.distinct(),
        kind=ADMIN_RESET,
        title=str(_("管理员密码重置待确认：%(user)s") % {"user": target.get_username()}),
        body=str(_("%(by)s申请重置该管理员的密码，须由另一职责的管理员在后台确认。"))
        % {"by": by.get_username()},
        url=reverse("admin:accounts_adminpasswordreset_changelist"),
    )
    return request


def confirm_admin_reset(*, reset: AdminPasswordReset, by: Any) -> AdminPasswordReset:
    """The second person: an administrator of another duty than the requester's, neither the
    requester nor the account reset. A refusal is recorded."""
    try:
        return _confirm_admin_reset(reset=reset, by=by)
    except NotPermitted:
        record_event(
            "accounts.admin_reset.refused", reset.target, by=by, data={"request": reset.pk}
        )
        raise


@transaction.atomic
def _confirm_admin_reset(*, reset: AdminPasswordReset, by: Any) -> AdminPasswordReset:
    reset = (
        AdminPasswordReset.objects.select_for_update(of=("self",))
        .select_related("target")
        .get(pk=reset.pk)
    )
    if reset.confirmed_at is not None:
        raise DomainError("already_confirmed", _("该申请已确认。"))
    duty = _admin_duty(by)
    requester = User.objects.get(pk=reset.requested_by_id)
    if (
        duty is None
        or not by.is_active
        or by.pk in {reset.requested_by_id, reset.target_id}
        or duty == _admin_duty(requester)
    ):
        raise NotPermitted(
            _("重置申请须由申请人以外、另一职责的管理员确认，被重置的管理员本人不能确认。")
        )
    if not reset.target.email:
        raise DomainError("email_required", _("该账号没有电子邮箱，无法发送激活链接。"))
    reset.confirmed_by = by
    reset.confirmed_at = timezone.now()
    reset.save(update_fields=["confirmed_by", "confirmed_at"])
    _start_over(reset.target, reason="password_reset", by=by)
    record_event(
        "accounts.admin_reset.confirmed",
        reset.target,
        by=by,
        data={"request": reset.pk, "requested_by": requester.username},
    )
    return reset


@transaction.atomic
def grant_role(
    *, by: Any, user: User, role: str, region: Any = None, unit: Any = None, **_ignored: Any
) -> RoleGrant:
    """A role at a region or unit. One that reads identity is pending until approved."""
    _ensure_security_admin(by)
    if user.pk == getattr(by, "pk", None):
        raise NotPermitted(_("不能为本人账号授予角色。"))
    pending = role in IDENTITY_READERS
    grant = RoleGrant(
        user=user, role=role, region=region, unit=unit, granted_by=by, pending=pending
    )
    grant.full_clean()
    grant.save()
    forget_grants(user)
    record_event(
        "accounts.grant.requested" if pending else "accounts.grant.created",
        grant,
        by=by,
        data={"user": user.username, "role": role, "pending": pending},
    )
    if pending:
        notify(
            approvers_of(grant),
            kind=GRANT_PENDING,
            title=str(_("授权待审批：%(user)s") % {"user": user.get_username()}),
            body=str(
                _("安全管理员申请授予可查看身份信息的角色，须由本区域或上级区域的司法局审批。")
            ),
            url=reverse("accounts:pending-grants"),
        )
    return grant


def approvers_of(grant: RoleGrant) -> list[User]:
    """Who may approve a pending grant: justice bureaus of its region or above."""
    if grant.region is None:
        return []
    step = type(grant.region).steplen
    above = [grant.region.path[:end] for end in range(step, len(grant.region.path) + 1, step)]
    candidates = User.objects.filter(
        grants__role__in=sorted(IDENTITY_READERS),
        grants__pending=False,
        grants__region__path__in=above,
        is_active=True,
    ).distinct()
    return [user for user in candidates if may_approve(user, grant)]


def may_approve(by: Any, grant: RoleGrant) -> bool:
    """A justice bureau (IDENTITY_READERS) of the grant's region or above, not a party to it."""
    if not getattr(by, "is_active", False) or grant.region is None:
        return False
    if by.pk in {grant.user_id, grant.granted_by_id}:
        return False
    return in_reach(by, IDENTITY_READERS, grant.region)


def pending_grants_for(by: Any) -> list[RoleGrant]:
    grants = RoleGrant.objects.filter(pending=True).select_related("user", "region", "granted_by")
    return [g for g in grants if may_approve(by, g)]


def _locked_pending(grant: RoleGrant) -> RoleGrant:
    grant = (
        RoleGrant.objects.select_for_update(of=("self",)).select_related("region").get(pk=grant.pk)
    )
    if not grant.pending:
        raise DomainError("not_pending", _("该授权不在待审批状态。"))
    return grant


@transaction.atomic
def approve_grant(*, grant: RoleGrant, by: Any) -> RoleGrant:
    grant = _locked_pending(grant)
    if not may_approve(by, grant):
        raise NotPermitted(_("该授权须由所在区域或上级区域的司法局审批，授权当事人不能审批。"))
    grant.pending = False
    grant.approved_by = by
    grant.approved_at = timezone.now()
    grant.save(update_fields=["pending", "approved_by", "approved_at"])
    record_event(
        "accounts.grant.approved",
        grant,
        by=by,
        data={"user": grant.user.username, "role": grant.role},
    )
    return grant


@transaction.atomic
def reject_grant(*, grant: RoleGrant, by: Any, note: str = "") -> None:
    grant = _locked_pending(grant)
    if not may_approve(by, grant):
        raise NotPermitted(_("该授权须由所在区域或上级区域的司法局审批，授权当事人不能审批。"))
    record_event(
        "accounts.grant.rejected",
        grant,
        by=by,
        data={"user": grant.user.username, "role": grant.role, "note": note},
    )
    grant.delete()


@transaction.atomic
def revoke_grant(*, grant: RoleGrant, by: Any) -> None:
    _ensure_security_admin(by)
    record_event(
        "accounts.grant.revoked",
        grant,
        by=by,
        data={"user": grant.user.username, "role": grant.role},
    )
    grant.delete()


@transaction.atomic
def change_password(*, user: User, new_password: str, by: Any = None) -> User:
    """The holder sets a password: checked against the rules and the last five, remembered,
    and every API token ends."""
    from .token_services import end_tokens_of

    user = User.objects.select_for_update().get(pk=user.pk)
    try:
        validate_password(new_password, user)
    except ValidationError as error:
        raise DomainError(
            "invalid_password", " ".join(error.messages), field="new_password"
        ) from error
    user.set_password(new_password)
    user.must_change_password = False
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password", "must_change_password", "password_changed_at"])
    PasswordHistory.objects.create(user=user, password=user.password)
    keep = PasswordHistory.objects.filter(user=user).values_list("pk", flat=True)[
        :REMEMBERED_PASSWORDS
    ]
    PasswordHistory.objects.filter(user=user).exclude(pk__in=list(keep)).delete()
    end_tokens_of(user, reason="password_changed", by=by or user)
    record_event("accounts.password.changed", user, by=by or user)
    return user
