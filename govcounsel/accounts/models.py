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
