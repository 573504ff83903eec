from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import ADMIN_DUTIES, REGION_ROLES, SELF_ROLES, UNIT_ROLES, Role


class User(AbstractUser):
    """An account of a person who works in govcounsel; what it may do comes from its role grants."""

    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("对应人员"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="account",
        help_text=_("公职律师账号对应的人员档案。"),
    )
    # 三员分立: an account set up or reset by an administrator starts with a one-time
    # activation link; its holder chooses the password, and until then nothing else opens.
    must_change_password = models.BooleanField(
        _("须修改密码"),
        default=False,
        help_text=_("下次登录后须先修改密码，才能使用其他功能。"),
    )
    password_changed_at = models.DateTimeField(_("密码修改时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("账号")
        verbose_name_plural = _("账号")

    @property
    def display_name(self) -> str:
        full = f"{self.last_name}{self.first_name}".strip()
        return full or self.username


class RoleGrant(models.Model):
    """A role held by an account at a region or a unit, reaching everything below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("账号"),
        on_delete=models.CASCADE,
        related_name="grants",
    )
    role = models.CharField(_("角色"), max_length=32, choices=Role.choices)
    region = models.ForeignKey(
        "organisations.Region",
        verbose_name=_("授权区域"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("授权单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
    )
    granted_at = models.DateTimeField(_("授权时间"), auto_now_add=True)
    # A grant that reads identity (IDENTITY_READERS) made by an administrator waits for a second
    # approval by a business authority of its region (三员分立); until then it is inert:
    # scopes.grants_of leaves it out.
    pending = models.BooleanField(_("待业务审批"), default=False)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("授权人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审批人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("审批时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("角色授权")
        verbose_name_plural = _("角色授权")
        constraints = [
            models.CheckConstraint(
                name="grant_anchor_matches_role",
                condition=(
                    Q(role__in=sorted(REGION_ROLES), region__isnull=False, unit__isnull=True)
                    | Q(role__in=sorted(UNIT_ROLES), unit__isnull=False, region__isnull=True)
                    | Q(
                        role__in=sorted(SELF_ROLES | ADMIN_DUTIES),
                        region__isnull=True,
                        unit__isnull=True,
                    )
                ),
            ),
            # 三员分立: an account holds at most one of the three administrator duties.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(role__in=sorted(ADMIN_DUTIES)),
                name="one_admin_duty_per_account",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "region"],
                condition=Q(region__isnull=False),
                name="grant_unique_at_region",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                condition=Q(unit__isnull=False),
                name="grant_unique_at_unit",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(region__isnull=True, unit__isnull=True),
                name="grant_unique_unanchored",
            ),
        ]

    def __str__(self) -> str:
        anchor = self.region or self.unit or ""
        return f"{self.get_role_display()} {anchor}".strip()

    def clean(self) -> None:
        role = Role(self.role) if self.role else None
        if role in REGION_ROLES and (self.region_id is None or self.unit_id is not None):
            raise ValidationError(_("该角色须授权到行政区域。"))
        if role in UNIT_ROLES and (self.unit_id is None or self.region_id is not None):
            raise ValidationError(_("该角色须授权到单位。"))
        if role in SELF_ROLES | ADMIN_DUTIES and (self.unit_id or self.region_id):
            raise ValidationError(_("该角色不授权到区域或单位。"))
        if self.user_id is None:
            return
        others = RoleGrant.objects.filter(user_id=self.user_id).exclude(pk=self.pk)
        other_roles = set(others.values_list("role", flat=True))
        if role in ADMIN_DUTIES and other_roles:
            raise ValidationError(
                _(
                    "系统管理员、安全管理员、审计管理员须三员分立：该账号已有其他角色，不能再授予此职责。"
                )
            )
        if role not in ADMIN_DUTIES and other_roles & set(ADMIN_DUTIES):
            raise ValidationError(_("该账号担任管理员职责，不能再授予业务角色（三员分立）。"))
        if role == Role.PUBLIC_LAWYER and self.user.person_id is None:
            raise ValidationError(_("公职律师角色须先为账号关联人员档案。"))


class PasswordHistory(models.Model):
    """A password an account used, kept as its hash so that none of the last five comes back
    (MLPS 2.0 8.1.4.1 a): 口令定期更换)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("账号"),
        on_delete=models.CASCADE,
        related_name="password_history",
    )
    password = models.CharField(_("密码摘要"), max_length=128)
    created_at = models.DateTimeField(_("启用时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("历史密码")
        verbose_name_plural = _("历史密码")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d}"


class AdminPasswordReset(models.Model):
    """A reset of an administrator's password, asked for by one administrator and carried out
    only when another administrator of a different duty confirms it (三员分立): no one
    administrator can take over another's identity."""

    target = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("被重置账号"),
        on_delete=models.CASCADE,
        related_name="admin_resets",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    reason = models.CharField(_("事由"), max_length=200, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确认人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("管理员密码重置申请")
        verbose_name_plural = _("管理员密码重置申请")
        ordering = ["-requested_at"]
        constraints = [
            # One open request per account at a time.
            models.UniqueConstraint(
                fields=["target"],
                condition=Q(confirmed_at__isnull=True),
                name="one_open_admin_reset",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target} ({self.requested_at:%Y-%m-%d %H:%M})"


# API tokens (ADR 0012) and browser sessions live in their own modules; imported here so the
# app registers the models.
from .sessions import UserSession  # noqa: E402, F401
from .tokens import ApiToken  # noqa: E402, F401
