"""Writes to the organisation tree: lock, check, change, save, record."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.history import change_as_of
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import model_update
from govcounsel.core.validators import normalise_code, region_level_of, validate_region_code

from .models import Region, Unit

_PARENT_PREFIX = {"city": 2, "county": 4}
_PARENT_LEVEL = {"city": "province", "county": "city"}


@transaction.atomic
def create_region(*, code: str, name: str, parent: Region | None, by: Any) -> Region:
    ensure_can(by, "organisations.manage")
    validate_region_code(code)
    level = region_level_of(code)
    if Region.objects.filter(code=code).exists():
        raise DomainError(
            "duplicate_region", _("区划代码%(code)s已存在。") % {"code": code}, field="code"
        )
    if level == "province" and parent is not None:
        raise DomainError("invalid_parent", _("省级区域不能有上级区域。"), field="parent")
    if level != "province":
        if parent is None:
            raise DomainError("invalid_parent", _("市级、县级区域须选择上级区域。"), field="parent")
        prefix = _PARENT_PREFIX[level]
        if parent.code[:prefix] != code[:prefix] or parent.level != _PARENT_LEVEL[level]:
            raise DomainError(
                "invalid_parent",
                _("区划代码%(code)s不属于上级区域%(parent)s。")
                % {"code": code, "parent": parent.name},
                field="parent",
            )
    region = Region.objects.insert(code=code, name=name, parent=parent)
    record_event("organisations.region.created", region, by=by, data={"code": code})
    return region


# The code and the place in the tree never change once a region exists.
REGION_FIELDS = ("name",)


@transaction.atomic
def update_region(*, region: Region, by: Any, **changes: Any) -> Region:
    ensure_can(by, "organisations.manage")
    region, _changed = model_update(
        region, by=by, fields=REGION_FIELDS, data=changes, event="organisations.region.updated"
    )
    return region


UNIT_FIELDS = (
    "name",
    "credit_code",
    "kind",
    "level",
    "region",
    "has_enforcement_power",
    "sector",
    "abbreviation",
    "vertical_superior",
    "rule_of_law_contact",
    "rule_of_law_phone",
    "established_on",
    "abolished_on",
)


def _ensure_credit_code_free(unit: Unit) -> None:
    """One unit per code, compared in its normalised spelling (a case twin is the same)."""
    code = normalise_code(unit.credit_code)
    holder = Unit.objects.filter(credit_code=code).exclude(pk=unit.pk).first() if code else None
    if holder is not None:
        raise DomainError(
            "duplicate_credit_code",
            _("该统一社会信用代码已被“%(unit)s”使用。") % {"unit": holder.name},
            field="credit_code",
        )


@transaction.atomic
def create_unit(*, by: Any, **fields: Any) -> Unit:
    ensure_can(by, "organisations.manage")
    unit = Unit(**{k: v for k, v in fields.items() if k in UNIT_FIELDS and v is not None})
    _ensure_credit_code_free(unit)
    unit.full_clean()
    unit.save()
    record_event("organisations.unit.created", unit, by=by)
    return unit


def _effective_day(effective_on: date | None) -> date:
    today = timezone.localdate()
    if effective_on is not None and effective_on > today:
        raise DomainError("effective_in_future", _("生效日期不能晚于今天。"), field="effective_on")
    return effective_on or today


@transaction.atomic
def update_unit(*, unit: Unit, by: Any, effective_on: date | None = None, **changes: Any) -> Unit:
    """Change a unit. A new kind, level or enforcement power holds from `effective_on`
    (today if not given); the figures of the days before it keep the old facts (ADR 0009)."""
    ensure_can(by, "organisations.manage")
    on = _effective_day(effective_on)

    def check(unit: Unit) -> None:
        if changes.get("established_on", unit.established_on) is None:
            raise DomainError("invalid", _("请填写成立日期。"), field="established_on")

    unit, _changed = model_update(
        unit,
        by=by,
        fields=UNIT_FIELDS,
        data=changes,
        event="organisations.unit.updated",
        check=check,
        prepare=_ensure_credit_code_free,
        before_save=lambda unit: change_as_of(unit, on),
    )
    return unit


@transaction.atomic
def abolish_unit(*, unit: Unit, by: Any, on: date) -> Unit:
    """A unit abolished (撤销) on a day: it counts in no figure from that day on."""
    ensure_can(by, "organisations.manage")
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    if unit.abolished_on is not None:
        raise DomainError(
            "already_abolished",
            _("该单位已于%(date)s撤销。") % {"date": unit.abolished_on},
            field="on",
        )
    if on <= unit.established_on:
        raise DomainError("invalid_period", _("撤销日期须晚于成立日期。"), field="on")
    unit.abolished_on = on
    unit.save()
    record_event("organisations.unit.abolished", unit, by=by, data={"on": on.isoformat()})
    return unit
