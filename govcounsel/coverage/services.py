from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import lock, model_update
from govcounsel.core.verbs import Document
from govcounsel.organisations.models import Region

from .choices import BulletinStatus
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
    def check(target: Target) -> None:
        ensure_can(by, "coverage.manage_target", target.region, _REFUSAL)
        if "region" in changes:
            ensure_can(by, "coverage.manage_target", changes["region"], _REFUSAL)

    target, _changed = model_update(
        target,
        by=by,
        fields=FIELDS,
        data=changes,
        event="coverage.target.updated",
        related=("region",),
        check=check,
    )
    return target


def target_in_bulletin(target: Target) -> DomainError:
    return DomainError(
        "target_in_bulletin",
        _("该目标已列入已生成的季度通报，不能删除；如已不再适用，请终止该目标。"),
    )


@transaction.atomic
def retire_target(*, target: Target, by: Any, retired_on: date, reason: str) -> Target:
    """End a target from a day on (superseded by a later document, or its deadline long
    past): it stays on record, on the dashboards of earlier days and in the bulletins that
    named it, and no longer counts from that day."""

    def check(target: Target) -> None:
        ensure_can(by, "coverage.manage_target", target.region, _REFUSAL)
        if target.retired_on is not None:
            raise DomainError(
                "already_retired",
                _("该目标已于%(day)s终止。") % {"day": target.retired_on.isoformat()},
            )
        if retired_on > timezone.localdate():
            raise DomainError("retired_in_future", _("终止日期不能晚于今天。"), field="retired_on")
        if not (reason or "").strip():
            raise DomainError("reason_required", _("请填写终止原因。"), field="reason")

    target, _changed = model_update(
        target,
        by=by,
        fields=("retired_on", "retired_reason"),
        data={"retired_on": retired_on, "retired_reason": (reason or "").strip()},
        event="coverage.target.retired",
        related=("region",),
        check=check,
    )
    return target


@transaction.atomic
def delete_target(*, target: Target, by: Any) -> Region:
    """Remove a target entered by mistake. One a generated bulletin has named is part of
    what was reported, and can only be retired; the event keeps what the target said."""
    target = lock(target, "region")
    ensure_can(by, "coverage.manage_target", target.region, _REFUSAL)
    if target.in_published_bulletin:
        raise target_in_bulletin(target)
    record_event(
        "coverage.target.deleted",
        target,
        by=by,
        data={
            "region": target.region.code,
            "metric": target.metric,
            "percentage": str(target.percentage),
            "deadline": target.deadline.isoformat(),
            "source_clause": target.source_clause,
        },
    )
    region = target.region
    # Links to bulletins still queued go with it: those bulletins have not yet named it.
    target.delete()
    return region


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


@transaction.atomic
def request_quarterly_bulletins() -> int:
    """000 #12, run by the schedule after each quarter ends: one bulletin of the finished
    quarter for every region with a supervisor that has none yet. No person asks: the event
    has no actor and says it was scheduled."""
    year, quarter = previous_quarter(timezone.localdate())
    supervised = RoleGrant.objects.filter(role=Role.SUPERVISOR, region__isnull=False)
    regions = Region.objects.filter(pk__in=supervised.values("region_id")).exclude(
        pk__in=Bulletin.objects.filter(year=year, quarter=quarter).values("region_id")
    )
    made = 0
    for region in regions:
        bulletin = Bulletin.objects.create(region=region, year=year, quarter=quarter)
        record_event("coverage.bulletin.requested", bulletin, by=None, data={"scheduled": True})
        queue_bulletin(bulletin)
        made += 1
    return made


@transaction.atomic
def retry_bulletin(*, bulletin: Bulletin, by: Any) -> Bulletin:
    """A bulletin whose generation failed is generated again, for the same region and quarter."""
    bulletin = Bulletin.objects.select_for_update().select_related("region").get(pk=bulletin.pk)
    ensure_can(
        by,
        "coverage.manage_target",
        bulletin.region,
        _("只有该区域的依法治区（县）办可以重新生成通报。"),
    )
    if bulletin.status != BulletinStatus.FAILED:
        raise DomainError("not_failed", _("只有生成失败的通报可以重新生成。"))
    bulletin.status, bulletin.progress, bulletin.error, bulletin.finished_at = (
        BulletinStatus.QUEUED,
        0,
        "",
        None,
    )
    bulletin.save(update_fields=["status", "progress", "error", "finished_at"])
    record_event("coverage.bulletin.retried", bulletin, by=by)
    queue_bulletin(bulletin)
    return bulletin


BULLETIN_FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def bulletin_document(*, bulletin: Bulletin, fmt: str, by: Any) -> Document:
    """One generated file of a bulletin, for the page and the API alike; each download is
    recorded."""
    if fmt not in BULLETIN_FORMATS or bulletin.status != BulletinStatus.DONE:
        raise DomainError("not_ready", _("通报尚未生成，或格式不受支持。"), field="file")
    stored = getattr(bulletin, fmt)
    if not stored:
        raise DomainError("not_ready", _("通报尚未生成，或格式不受支持。"), field="file")
    with stored.open("rb") as handle:
        content = handle.read()
    record_event("coverage.bulletin.downloaded", bulletin, by=by, data={"format": fmt})
    name = f"{bulletin.region.name}{bulletin.year}年第{bulletin.quarter}季度公职律师工作通报.{fmt}"
    return Document(name, content, BULLETIN_FORMATS[fmt])
