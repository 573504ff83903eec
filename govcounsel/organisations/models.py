from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Concat, Substr, Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from govcounsel.core.codes import CodeField
from govcounsel.core.history import DatedVersion, Versioned
from govcounsel.core.scoping import (
    Holding,
    RoleSpec,
    ScopedQuerySet,
    ScopedQuerySetMixin,
    Subselect,
    scope_of,
)
from govcounsel.core.validators import region_level_of, validate_credit_code, validate_region_code

from .choices import RegionLevel, Sector, UnitKind, UnitLevel

if TYPE_CHECKING:
    from govcounsel.accounts.models import User


class RegionQuerySet(ScopedQuerySetMixin, MP_NodeQuerySet):
    def supervised_by(self, user: User | Any) -> RegionQuerySet:
        """The region subtrees whose rule-of-law committee office the user is (SUPERVISOR)."""
        return self.named_scope("supervised_by", user)


class RegionManager(MP_NodeManager):
    def get_queryset(self) -> RegionQuerySet:
        return RegionQuerySet(self.model).order_by("path")

    def visible_to(self, user: User | Any) -> RegionQuerySet:
        return self.get_queryset().visible_to(user)

    def supervised_by(self, user: User | Any) -> RegionQuerySet:
        return self.get_queryset().supervised_by(user)

    def reached_by(self, user: User | Any, roles: RoleSpec) -> RegionQuerySet:
        return self.get_queryset().reached_by(user, roles)

    def insert(self, *, code: str, name: str, parent: Region | None = None) -> Region:
        """Place a region in the tree under its parent; the level follows from the code."""
        fields = {"code": code, "name": name, "level": region_level_of(code)}
        if parent is None:
            return self.add_root(fields)
        return self.add_child(parent, fields)


class Region(MP_Node):
    """An administrative division (GB/T 2260): province, city or county, in a tree."""

    code = models.CharField(
        _("区划代码"), max_length=6, unique=True, validators=[validate_region_code]
    )
    name = models.CharField(_("名称"), max_length=100)
    level = models.CharField(_("层级"), max_length=16, choices=RegionLevel.choices)

    node_order_by = ["code"]
    objects = RegionManager()

    class Scoping:
        # Regions within the user's granted regions, plus the regions holding their units.
        roles = "ORGANISATION_READERS"
        region = "path"
        also = (Holding("organisations.Unit", "region_id"),)
        named = {"supervised_by": "supervisor"}

    class Meta:
        verbose_name = _("行政区域")
        verbose_name_plural = _("行政区域")
        ordering = ["path"]
        indexes = [
            # Subtree queries are LIKE 'prefix%': this index serves them in any collation.
            models.Index(
                fields=["path"], name="region_path_prefix", opclasses=["varchar_pattern_ops"]
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.code:
            expected = region_level_of(self.code)
            if self.level and self.level != expected:
                raise ValidationError(
                    {"level": _("区划代码%(code)s对应的层级与所填层级不符。") % {"code": self.code}}
                )
            self.level = expected


class UnitQuerySet(ScopedQuerySet["Unit"]):
    def run_by(self, user: User | Any) -> UnitQuerySet:
        """The units whose rule-of-law office the user is: its own unit (UNIT_ADMIN) and
        the units of the vertical system it heads (SUPERIOR_ADMIN)."""
        return self.named_scope("run_by", user)

    def manageable_by(self, user: User | Any) -> UnitQuerySet:
        """Units whose staff records the user may add and change (PEOPLE_MANAGERS)."""
        return self.named_scope("manageable_by", user)

    def heads_for(self, user: User | Any) -> UnitQuerySet:
        """The units at the head of the vertical systems the user administers
        (SUPERIOR_ADMIN): the superior units a dispatch request is addressed to."""
        return self.filter(system_path__in=scope_of(user, "superior_admin").system_paths)


class Unit(Versioned):
    """A party or government organ or people's organisation that employs public lawyers.

    Its kind, level and enforcement power as of any day are in `versions` (ADR 0009)."""

    name = models.CharField(_("单位名称"), max_length=200)
    # Stored normalised (NFKC, upper case): a lower-case or full-width twin is the same code.
    credit_code = CodeField(
        _("统一社会信用代码"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
        error_messages={"unique": _("该统一社会信用代码已被其他单位使用。")},
    )
    kind = models.CharField(_("单位类别"), max_length=32, choices=UnitKind.choices)
    level = models.CharField(_("单位层级"), max_length=16, choices=UnitLevel.choices)
    region = models.ForeignKey(
        Region, verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="units"
    )
    has_enforcement_power = models.BooleanField(_("具有行政执法权"), default=False)
    # 002 §10: mediators serve the disputes of their own business system.
    sector = models.CharField(
        _("业务系统"), max_length=32, choices=Sector.choices, default=Sector.GENERAL
    )
    # The 机关代字 of its document numbers (GB/T 9704 7.2.4), e.g. "京朝司"; when blank the
    # number is derived from the name.
    abbreviation = models.CharField(_("机关代字"), max_length=12, blank=True)
    vertical_superior = models.ForeignKey(
        "self",
        verbose_name=_("垂直管理上级单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vertical_subordinates",
    )
    # Materialised path of the vertical system (001 一(三)): the superior's path plus
    # this unit's id, so a superior's whole system is one prefix query.
    system_path = models.CharField(max_length=255, blank=True, editable=False, db_index=False)
    rule_of_law_contact = models.CharField(_("法治工作机构联系人"), max_length=50, blank=True)
    rule_of_law_phone = models.CharField(_("法治工作机构联系电话"), max_length=20, blank=True)
    # A unit counts in the figures of the days from its establishment to the day before its
    # abolition (ADR 0009): adding a unit today leaves every past figure as it was.
    established_on = models.DateField(_("成立日期"), default=timezone.localdate)
    abolished_on = models.DateField(_("撤销日期"), null=True, blank=True)

    objects = UnitQuerySet.as_manager()

    class Scoping:
        roles = "ORGANISATION_READERS"
        region = "region__path"
        unit = "pk"
        system = "system_path"
        # A public lawyer sees the unit they work for, and no other.
        person = Subselect("people.Person", "unit_id")
        named = {"run_by": "UNIT_ROLES", "manageable_by": "PEOPLE_MANAGERS"}

    versioned_fields = ("kind", "level", "has_enforcement_power")

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["region__path", "name"]
        indexes = [
            models.Index(
                fields=["system_path"],
                name="unit_system_path_prefix",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(fields=["region", "name"], name="unit_region_name"),
        ]
        constraints = [
            models.CheckConstraint(
                name="unit_abolished_after_established",
                condition=models.Q(abolished_on__isnull=True)
                | models.Q(abolished_on__gt=models.F("established_on")),
            ),
            # Only the normalised spelling is stored, so `unique` also holds for case twins.
            models.CheckConstraint(
                name="unit_credit_code_upper_case",
                condition=models.Q(credit_code=Upper("credit_code")),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @transaction.atomic
    def save(self, *args: Any, **kwargs: Any) -> None:
        old_path = self.system_path
        super().save(*args, **kwargs)
        superior_path = self.vertical_superior.system_path if self.vertical_superior else ""
        new_path = f"{superior_path}{self.pk:010d}/"
        if new_path != old_path:
            self.system_path = new_path
            type(self).objects.filter(pk=self.pk).update(system_path=new_path)
            if old_path:
                # Carry the whole vertical subtree along with its head.
                type(self).objects.filter(system_path__startswith=old_path).exclude(
                    pk=self.pk
                ).update(
                    system_path=Concat(
                        models.Value(new_path), Substr("system_path", len(old_path) + 1)
                    )
                )

    def get_absolute_url(self) -> str:
        return reverse("organisations:unit", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.abolished_on and self.established_on and self.abolished_on <= self.established_on:
            raise ValidationError({"abolished_on": _("撤销日期须晚于成立日期。")})
        if self.vertical_superior_id and self.pk:
            if self.vertical_superior_id == self.pk:
                raise ValidationError({"vertical_superior": _("上级单位不能是本单位。")})
            superior = self.vertical_superior
            if superior is not None and superior.system_path.startswith(self.system_path):
                raise ValidationError({"vertical_superior": _("上级单位不能是本单位的下级单位。")})

    def history_bounds(self) -> tuple[Any, Any]:
        return self.established_on, self.abolished_on

    def bound_fields(self) -> tuple[str, ...]:
        return ("established_on", "abolished_on")


class UnitVersion(DatedVersion):
    """A unit's kind, level and enforcement power over a span of days; the groups that the
    targets name (000 二, 001 一(一), 003 二(六)) are read from the version of the day."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), on_delete=models.CASCADE, related_name="versions"
    )
    kind = models.CharField(_("单位类别"), max_length=32, choices=UnitKind.choices)
    level = models.CharField(_("单位层级"), max_length=16, choices=UnitLevel.choices)
    has_enforcement_power = models.BooleanField(_("具有行政执法权"), default=False)

    owner_field = "unit"

    class Meta:
        verbose_name = _("单位历史")
        verbose_name_plural = _("单位历史")
        ordering = ["unit_id", "valid_from"]
        constraints = [
            # On PostgreSQL an exclusion constraint (migration 0003) also forbids overlaps.
            models.UniqueConstraint(fields=["unit", "valid_from"], name="unitversion_unique_start"),
            models.CheckConstraint(
                name="unitversion_ordered",
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gt=models.F("valid_from")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.valid_from}–{self.valid_to or ''}"
