"""Recording, correcting and deleting activities (002 §7, §14), each audited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcounsel.certificates.choices import CertificateStatus
from govcounsel.certificates.models import Certificate
from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import lock, model_update
from govcounsel.disputes.models import Dispute, DisputeLawyer
from govcounsel.matters.models import Matter
from govcounsel.organisations.models import Unit

from .choices import FROM_RECORDS, ActivityKind, Source
from .models import Activity, Participant
from .rules import EDIT_DAYS

FIELDS = (
    "kind",
    "day",
    "title",
    "description",
    "place",
    "audience",
    "hours",
    "matter",
    "dispute",
)
_MAY_NOT_RECORD = _("只有公职律师本人或其所在单位的法治工作机构可以登记活动。")


def _may_not_correct() -> str:
    return _("只有登记人（登记后%(days)s日内）或单位法治工作机构可以更正或删除该活动。") % {
        "days": EDIT_DAYS
    }


def refuse_record_kinds(kind: str) -> None:
    """A kind that is a record of its own (a centre session, a dispute, a matter) is read from
    that record by the work archive; typing it would count it twice (002 §15)."""
    if kind in FROM_RECORDS:
        raise DomainError("from_records", FROM_RECORDS[kind], field="kind")


@transaction.atomic
def record_activity(
    *,
    by: Any,
    people: Iterable[Any],
    kind: str,
    day: date,
    title: str,
    description: str = "",
    place: str = "",
    audience: int | None = None,
    hours: Decimal | None = None,
    matter: Matter | None = None,
    dispute: Dispute | None = None,
) -> Activity:
    """Record an activity once: by a public lawyer for themself, or by the unit's office for
    one or several of its lawyers."""
    refuse_record_kinds(kind)
    people = list({p.pk: p for p in people}.values())
    if not people:
        raise DomainError("people_required", _("请选择参加活动的公职律师。"), field="people")
    units = {p.unit_id for p in people}
    if len(units) > 1:
        raise DomainError(
            "one_unit", _("一次登记的公职律师应属于同一单位，请按单位分别登记。"), field="people"
        )
    unit = Unit.objects.get(pk=units.pop())
    own = [p.pk for p in people] == [getattr(by, "person_id", None)]
    if own and by.has_perm("activities.record_own"):
        source = Source.SELF
    else:
        ensure_can(by, "activities.record_for_unit", unit, _MAY_NOT_RECORD)
        source = Source.OFFICE
    _ensure_lawyers(people)
    _ensure_reachable(by, matter, dispute)
    activity = Activity(
        unit=unit,
        kind=kind,
        day=day,
        title=(title or "").strip(),
        description=description or "",
        place=place or "",
        audience=audience,
        hours=hours,
        matter=matter,
        dispute=dispute,
        source=source,
        recorded_by=by,
    )
    activity.full_clean()
    _ensure_once(activity, [p.pk for p in people])
    activity.save()
    Participant.objects.bulk_create(Participant(activity=activity, person=p) for p in people)
    record_event(
        "activities.activity.recorded",
        activity,
        by=by,
        data={"kind": kind, "people": [p.pk for p in people], "source": source},
    )
    return activity


@transaction.atomic
def update_activity(*, activity: Activity, by: Any, **changes: Any) -> Activity:
    """Correct an activity's facts; who took part is fixed (a wrong entry is deleted and typed
    again, so that each lawyer's archive changes by a whole entry)."""

    def check(row: Activity) -> None:
        ensure_can(by, "activities.correct", row, _may_not_correct())
        if "kind" in changes:
            refuse_record_kinds(changes["kind"])
        _ensure_reachable(by, changes.get("matter"), changes.get("dispute"))

    def prepare(row: Activity) -> None:
        _ensure_once(row, list(row.participants.values_list("person_id", flat=True)))

    activity, _changed = model_update(
        activity,
        by=by,
        fields=FIELDS,
        data=changes,
        event="activities.activity.corrected",
        related=("unit",),
        check=check,
        prepare=prepare,
    )
    return activity


class Removed:
    """A deleted activity as the delete verb answers it: the API shows what it was (its
    people read before the deletion), the page goes back to the register."""

    def __init__(self, activity: Activity) -> None:
        self._activity = activity

    def __getattr__(self, name: str) -> Any:
        return getattr(self._activity, name)

    def get_absolute_url(self) -> str:
        return reverse("activities:list")


@transaction.atomic
def delete_activity(*, activity: Activity, by: Any) -> Removed:
    """Remove an activity entered by mistake (ADR 0021); the event keeps what it said."""
    row = lock(activity, "unit")
    ensure_can(by, "activities.correct", row, _may_not_correct())
    prefetch_related_objects([activity], "people")
    record_event(
        "activities.activity.deleted",
        row,
        by=by,
        data={
            "unit": row.unit_id,
            "kind": row.kind,
            "day": row.day.isoformat(),
            "title": row.title,
            "people": [p.pk for p in activity.people.all()],
            "matter": row.matter_id,
            "dispute": row.dispute_id,
            "source": row.source,
        },
    )
    row.delete()
    return Removed(activity)


# --- checks -------------------------------------------------------------------------------


def _ensure_lawyers(people: list[Any]) -> None:
    """Each participant holds an active public-lawyer certificate (002 §2)."""
    certified = set(
        Certificate.objects.filter(
            person__in=[p.pk for p in people], status=CertificateStatus.ACTIVE
        ).values_list("person_id", flat=True)
    )
    missing = [p.name for p in people if p.pk not in certified]
    if missing:
        raise DomainError(
            "not_a_public_lawyer",
            _("%(names)s未持有有效的公职律师证书，不能登记为活动参加人。")
            % {"names": "、".join(missing)},
            field="people",
        )


def _ensure_reachable(by: Any, matter: Matter | None, dispute: Dispute | None) -> None:
    # The forms and the API take these from the recorder's scope; a service called from
    # elsewhere (the demo, a script) is held to the same.
    if matter is not None and not Matter.objects.visible_to(by).filter(pk=matter.pk).exists():
        raise DomainError("not_found", _("未找到该法律事务，或您无权查看。"), field="matter")
    if dispute is not None and not Dispute.objects.visible_to(by).filter(pk=dispute.pk).exists():
        raise DomainError("not_found", _("未找到该行政争议，或您无权查看。"), field="dispute")
    if matter is not None and dispute is not None:
        raise DomainError(
            "one_record", _("一项活动只能关联一件法律事务或一件行政争议。"), field="dispute"
        )


def _ensure_once(activity: Activity, person_ids: list[int]) -> None:
    """Refuse what would count twice: a centre mediation typed as an activity, or the same
    kind of activity on the same matter or dispute for the same lawyer."""
    if activity.dispute_id and activity.kind == ActivityKind.MEDIATION:
        centre = DisputeLawyer.objects.filter(
            dispute_id=activity.dispute_id, person_id__in=person_ids, mediator=True
        )
        if centre.exists():
            raise DomainError("from_records", FROM_RECORDS["centre_session"], field="kind")
    if not (activity.matter_id or activity.dispute_id):
        return
    # Two offices' clerks typing the same entry at once: the record row serialises them.
    record = activity.matter if activity.matter_id else activity.dispute
    assert record is not None
    lock(record)
    same = Activity.objects.filter(
        Q(matter_id=activity.matter_id) if activity.matter_id else Q(matter__isnull=True),
        Q(dispute_id=activity.dispute_id) if activity.dispute_id else Q(dispute__isnull=True),
        kind=activity.kind,
        participants__person_id__in=person_ids,
    ).exclude(pk=activity.pk)
    earlier = same.select_related(None).order_by("day").first()
    if earlier is not None:
        raise DomainError(
            "duplicate",
            _("该%(record)s的“%(kind)s”活动已于%(day)s登记（%(title)s），不能重复登记。")
            % {
                "record": _("法律事务") if activity.matter_id else _("行政争议"),
                "kind": activity.get_kind_display(),
                "day": earlier.day.isoformat(),
                "title": earlier.title,
            },
        )
