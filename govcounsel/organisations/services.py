"""Writes to the organisation tree: lock, check, change, save, record."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.validators import region_level_of, validate_region_code

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


@transaction.atomic
def update_region(*, region: Region, by: Any, name: str) -> Region:
    ensure_can(by, "organisations.manage")
    region = Region.objects.select_for_update().get(pk=region.pk)
    region.name = name
    region.save(update_fields=["name"])
    record_event("organisations.region.updated", region, by=by)
    return region


UNIT_FIELDS = (
    "name",
    "credit_code",
    "kind",
    "level",
    "region",
    "has_enforcement_power",
    "vertical_superior",
    "rule_of_law_contact",
    "rule_of_law_phone",
)


@transaction.atomic
def create_unit(*, by: Any, **fields: Any) -> Unit:
    ensure_can(by, "organisations.manage")
    unit = Unit(**{k: v for k, v in fields.items() if k in UNIT_FIELDS})
    unit.full_clean()
    unit.save()
    record_event("organisations.unit.created", unit, by=by)
    return unit


@transaction.atomic
def update_unit(*, unit: Unit, by: Any, **changes: Any) -> Unit:
    ensure_can(by, "organisations.manage")
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    for field, value in changes.items():
        if field not in UNIT_FIELDS:
            raise ValidationError({field: _("该字段不可修改。")})
        setattr(unit, field, value)
    unit.full_clean()
    unit.save()
    record_event("organisations.unit.updated", unit, by=by, data={"fields": sorted(changes)})
    return unit
