from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.permissions import ensure_can

from .models import Target

FIELDS = (
    "region",
    "level",
    "kind",
    "enforcement",
    "metric",
    "percentage",
    "deadline",
    "source_clause",
)
_REFUSAL = _("只有该区域的依法治区（县）办可以设定目标。")


@transaction.atomic
def create_target(*, by: Any, **fields: Any) -> Target:
    ensure_can(by, "coverage.manage_target", fields.get("region"), _REFUSAL)
    target = Target(**{k: v for k, v in fields.items() if k in FIELDS}, created_by=by)
    target.full_clean()
    target.save()
    record_event("coverage.target.created", target, by=by)
    return target


@transaction.atomic
def update_target(*, target: Target, by: Any, **changes: Any) -> Target:
    target = Target.objects.select_for_update().get(pk=target.pk)
    ensure_can(by, "coverage.manage_target", target.region, _REFUSAL)
    if "region" in changes:
        ensure_can(by, "coverage.manage_target", changes["region"], _REFUSAL)
    for field, value in changes.items():
        if field not in FIELDS:
            raise ValidationError({field: _("该字段不可修改。")})
        setattr(target, field, value)
    target.full_clean()
    target.save()
    record_event("coverage.target.updated", target, by=by)
    return target
