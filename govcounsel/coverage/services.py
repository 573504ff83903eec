from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can

from .models import Bulletin, Target

FIELDS = (
    "region",
    "level",
    "kind",
    "enforcement",
    "metric",
    "percentage",
    "deadline",
    "source_clause",
    "clause_text",
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


def previous_quarter(today: date) -> tuple[int, int]:
    quarter = (today.month - 1) // 3 + 1
    return (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)


def queue_bulletin(bulletin: Bulletin) -> None:
    """Hand the bulletin to a worker once the row is committed (inline without a cluster)."""
    from django_q.tasks import async_task

    transaction.on_commit(
        lambda: async_task(
            "govcounsel.coverage.tasks.generate_bulletin", bulletin.pk, task_name=str(bulletin)
        )
    )


@transaction.atomic
def request_bulletin(*, region: Any, year: int, quarter: int, by: Any) -> Bulletin:
    """000 #12: the rule-of-law committee office issues a bulletin for a finished quarter."""
    ensure_can(
        by, "coverage.manage_target", region, _("只有该区域的依法治区（县）办可以生成通报。")
    )
    if quarter not in (1, 2, 3, 4):
        raise DomainError("invalid_quarter", _("季度应为1至4。"), field="quarter")
    if (year, quarter) > previous_quarter(timezone.localdate()):
        raise DomainError("quarter_not_ended", _("该季度尚未结束，不能生成通报。"), field="quarter")
    bulletin = Bulletin.objects.create(region=region, year=year, quarter=quarter, requested_by=by)
    record_event("coverage.bulletin.requested", bulletin, by=by)
    queue_bulletin(bulletin)
    return bulletin
