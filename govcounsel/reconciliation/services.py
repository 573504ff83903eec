"""What the reconciliation centre and the organs do: keep the pool rules, nominate mediators,
draw them for disputes, withdraw them, and hold sessions (002 §10). Each verb locks, checks,
changes, records its event and returns; reads are in selectors.py."""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import lock, model_update
from govcounsel.disputes.choices import AssignmentStatus, DisputeStatus
from govcounsel.disputes.models import Dispute, DisputeLawyer
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

from .choices import CancelReason, NominationStatus, SessionStatus, WithdrawalKind
from .models import MediationSession, MediatorAssignment, MediatorDraw, Nomination, PoolRule
from .notices import MEDIATORS_DRAWN, SESSION_SCHEDULED
from .selectors import eligibility, rule_in_force

# The states in which the centre works a dispute (disputes/models.py: qualify, guide).
WORKED = (DisputeStatus.QUALIFIED, DisputeStatus.HANDLING)

RULE_FIELDS = (
    "region",
    "valid_from",
    "valid_to",
    "quota_min",
    "quota_max",
    "due_month",
    "due_day",
    "term_months",
    "same_sector",
    "exclude_own_staff",
    "load_cap",
    "mediators_per_dispute",
    "basis",
    "clause_text",
)
_KEEPER = _("只有该区域的和解中心可以维护人才库规则。")
_CENTRE = _("只有争议所在区域的和解中心可以委派和解调解员。")
_OFFICE = _("只有本单位法治工作机构可以推荐和解调解员。")


# --- pool rules (002 §10, §20) ---------------------------------------------------------------


@transaction.atomic
def create_rule(*, by: Any, **fields: Any) -> PoolRule:
    ensure_can(by, "reconciliation.keep_pool", fields.get("region"), _KEEPER)
    rule = PoolRule(**{k: v for k, v in fields.items() if k in RULE_FIELDS}, created_by=by)
    rule.full_clean()
    rule.save()
    record_event("reconciliation.rule.created", rule, by=by)
    return rule


@transaction.atomic
def update_rule(*, rule: PoolRule, by: Any, **changes: Any) -> PoolRule:
    """Correct a rule's text or figures; a rule no longer meant is retired, not rewritten."""

    def check(rule: PoolRule) -> None:
        ensure_can(by, "reconciliation.keep_pool", rule.region, _KEEPER)
        if "region" in changes:
            ensure_can(by, "reconciliation.keep_pool", changes["region"], _KEEPER)

    rule, _changed = model_update(
        rule,
        by=by,
        fields=RULE_FIELDS,
        data=changes,
        event="reconciliation.rule.updated",
        related=("region",),
        check=check,
    )
    return rule


@transaction.atomic
def retire_rule(*, rule: PoolRule, by: Any, retired_on: date, reason: str) -> PoolRule:
    """End a rule from a day on (ADR 0021): the nominations and draws made under it keep
    naming it; from that day another rule, or none, applies."""

    def check(rule: PoolRule) -> None:
        ensure_can(by, "reconciliation.keep_pool", rule.region, _KEEPER)
        if rule.retired_on is not None:
            raise DomainError(
                "already_retired",
                _("该规则已于%(day)s终止。") % {"day": rule.retired_on.isoformat()},
            )
        if not (reason or "").strip():
            raise DomainError("reason_required", _("请填写终止原因。"), field="reason")

    rule, _changed = model_update(
        rule,
        by=by,
        fields=("retired_on", "retired_reason"),
        data={"retired_on": retired_on, "retired_reason": (reason or "").strip()},
        event="reconciliation.rule.retired",
        related=("region",),
        check=check,
    )
    return rule


def _rule_for(region: Region, day: date) -> PoolRule:
    rule = rule_in_force(region, day)
    if rule is None:
        raise DomainError(
            "no_pool_rule",
            _("%(day)s没有适用于%(region)s的和解调解员人才库规则。")
            % {"day": day.isoformat(), "region": region.name},
        )
    return rule


# --- nominations (002 §10) -------------------------------------------------------------------


def _term_end(rule: PoolRule, starts_on: date) -> date:
    # A term does not outlive the measure that sets it (002 §20).
    return min(
        starts_on + relativedelta(months=rule.term_months) - timedelta(days=1), rule.valid_to
    )


def _place(
    unit: Unit, person: Person, starts_on: date, by: Any, renewed_from: Any = None
) -> Nomination:
    """Check the quota and the person under the unit's lock and add the nomination."""
    rule = _rule_for(unit.region, starts_on)
    # Lock the unit: two offices nominating at once count one after the other.
    Unit.objects.select_for_update().get(pk=unit.pk)
    from govcounsel.matters.selectors import public_lawyers_of

    if not public_lawyers_of(unit, starts_on, own_only=True).filter(pk=person.pk).exists():
        raise DomainError(
            "not_a_public_lawyer",
            _("%(name)s不是本单位持有效公职律师证书的人员，不能推荐为和解调解员。")
            % {"name": person.name},
            field="person",
        )
    year = starts_on.year
    # A renewal takes the place of the term it follows, in the same year or the next.
    taken = Nomination.objects.filter(unit=unit, year=year).counting()
    if renewed_from is not None:
        taken = taken.exclude(pk=renewed_from.pk)
    if taken.filter(person=person).exists():
        raise DomainError(
            "already_nominated",
            _("%(name)s已是本单位%(year)d年的和解调解员。") % {"name": person.name, "year": year},
            field="person",
        )
    if taken.count() >= rule.quota_max:
        # 002 §10: one or two a year; an ended nomination frees its place.
        raise DomainError(
            "quota_reached",
            _("本单位%(year)d年已推荐%(count)d名和解调解员，每年至多%(max)d名。")
            % {"year": year, "count": taken.count(), "max": rule.quota_max},
        )
    return Nomination.objects.create(
        unit=unit,
        person=person,
        rule=rule,
        year=year,
        starts_on=starts_on,
        ends_on=_term_end(rule, starts_on),
        renewed_from=renewed_from,
        nominated_by=by,
    )


@transaction.atomic
def nominate(*, unit: Unit, person: Person, by: Any, starts_on: date | None = None) -> Nomination:
    """An organ's office puts one of its public lawyers in the centre's pool (002 §10)."""
    ensure_can(by, "reconciliation.nominate", unit, _OFFICE)
    day = starts_on or timezone.localdate()
    nomination = _place(unit, person, day, by)
    record_event("reconciliation.nomination.created", nomination, by=by)
    return nomination


@transaction.atomic
def renew(*, nomination: Nomination, by: Any) -> Nomination:
    """A new term after this one, counted against the quota of the year it starts in."""
    nomination = lock(nomination, "unit", "unit__region", "person")
    ensure_can(by, "reconciliation.nominate", nomination.unit, _OFFICE)
    if not nomination.is_active:
        raise DomainError("not_active", _("只有在库的推荐可以续期。"))
    starts_on = max(nomination.ends_on + timedelta(days=1), timezone.localdate())
    # Marked first: a person holds one active nomination a year (the unique constraint).
    nomination.status = NominationStatus.RENEWED
    nomination.save(update_fields=["status"])
    renewal = _place(nomination.unit, nomination.person, starts_on, by, renewed_from=nomination)
    record_event(
        "reconciliation.nomination.renewed", nomination, by=by, data={"renewal": renewal.pk}
    )
    return renewal


@transaction.atomic
def end_nomination(
    *, nomination: Nomination, by: Any, reason: str, ended_on: date | None = None
) -> Nomination:
    """Take a mediator out of the pool before the term ends; the place is freed. Disputes
    they already mediate stay theirs until the centre withdraws them."""

    def check(row: Nomination) -> None:
        ensure_can(by, "reconciliation.nominate", row.unit, _OFFICE)
        if not row.is_active:
            raise DomainError("not_active", _("该推荐已不在库。"))
        if not (reason or "").strip():
            raise DomainError("reason_required", _("请填写退出原因。"), field="reason")

    nomination, _changed = model_update(
        nomination,
        by=by,
        fields=("status", "ended_on", "end_reason"),
        data={
            "status": NominationStatus.ENDED,
            "ended_on": ended_on or timezone.localdate(),
            "end_reason": reason.strip(),
        },
        event="reconciliation.nomination.ended",
        related=("unit",),
        check=check,
    )
    return nomination


# --- the draw --------------------------------------------------------------------------------


def pick(seed: int, candidates: Iterable[int], wanted: int) -> list[int]:
    """The draw itself, which anyone can re-run: the candidate ids sorted, shuffled by a
    generator seeded with the stored seed, the first `wanted` taken."""
    ids = sorted(candidates)
    # Reproducible by design: the seed comes from `secrets`, the shuffle must be re-runnable.
    random.Random(seed).shuffle(ids)  # noqa: S311
    return ids[:wanted]


def _refuse_unless_worked(dispute: Dispute) -> None:
    if dispute.status not in WORKED:
        raise DomainError(
            "dispute_not_worked",
            _("争议当前状态为“%(status)s”，只有已认定、化解中的争议可以委派和解调解员。")
            % {"status": dispute.get_status_display()},
        )


@transaction.atomic
def draw_mediators(
    *,
    dispute: Dispute,
    by: Any,
    wanted: int | None = None,
    rule: PoolRule | None = None,
    note: str = "",
    seed: int | None = None,
) -> MediatorDraw:
    """Draw mediators for a dispute among the nominees its rule allows (002 §10).

    The pool's nominations are locked before anyone's load is counted: two centre staff
    taking the last free mediator at once are served one after the other, and the second
    finds them at the cap."""
    dispute = lock(dispute, "unit", "unit__region")
    ensure_can(by, "reconciliation.assign", dispute, _CENTRE)
    _refuse_unless_worked(dispute)
    today = timezone.localdate()
    rule = rule or _rule_for(dispute.unit.region, today)
    list(
        Nomination.objects.select_for_update()
        .filter(status=NominationStatus.ACTIVE, unit__region__path__startswith=rule.region.path)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rows = eligibility(dispute, rule, today)
    eligible = {row.person.pk: row for row in rows if row.eligible}
    if not eligible:
        raise DomainError(
            "no_eligible_mediator",
            _("人才库中没有符合条件的和解调解员，请查看各人员的排除原因。"),
            reasons=[f"{row.person.name}：{row.reasons_text}" for row in rows],
        )
    if wanted is None:
        active = MediatorAssignment.objects.filter(dispute=dispute).active().count()
        wanted = max(rule.mediators_per_dispute - active, 1)
    seed = secrets.randbits(63) if seed is None else seed
    candidates = sorted(eligible)
    picked = pick(seed, candidates, wanted)
    draw = MediatorDraw.objects.create(
        dispute=dispute,
        rule=rule,
        seed=seed,
        candidates=candidates,
        excluded=[
            {"person": row.person.pk, "name": row.person.name, "reasons": list(row.reasons)}
            for row in rows
            if not row.eligible
        ],
        wanted=wanted,
        picked=picked,
        drawn_by=by,
        note=note,
    )
    for person_id in picked:
        row = eligible[person_id]
        lawyer = DisputeLawyer.objects.create(dispute=dispute, person=row.person, mediator=True)
        MediatorAssignment.objects.create(
            draw=draw,
            dispute=dispute,
            nomination=row.nomination,
            person=row.person,
            lawyer=lawyer,
        )
    record_event(
        "reconciliation.draw.made",
        draw,
        by=by,
        data={"dispute": dispute.pk, "seed": str(seed), "candidates": candidates, "picked": picked},
    )
    MEDIATORS_DRAWN.send(draw, draw, by=by)
    return draw


@transaction.atomic
def verify_draw(*, draw: MediatorDraw, by: Any) -> MediatorDraw:
    """复核抽取: run the draw again from its stored seed and candidates; the event records
    whether it gives the same mediators."""
    ensure_can(by, "reconciliation.verify", draw, _("您无权复核该抽取。"))
    again = pick(draw.seed, draw.candidates, draw.wanted)
    draw.verified = again == draw.picked  # type: ignore[attr-defined]
    record_event(
        "reconciliation.draw.verified",
        draw,
        by=by,
        data={"recomputed": again, "matches": again == draw.picked},
    )
    return draw


@transaction.atomic
def withdraw_mediator(
    *, assignment: MediatorAssignment, by: Any, kind: str, reason: str, redraw: bool = True
) -> MediatorAssignment:
    """A mediator recused or did not appear: their part ends with the reason, and, unless
    told otherwise, another is drawn under the same rule (they are now "已参与本争议")."""
    assignment = lock(assignment, "dispute", "dispute__unit", "draw__rule", "lawyer")
    ensure_can(by, "reconciliation.assign", assignment.dispute, _CENTRE)
    if not assignment.is_active:
        raise DomainError("not_active", _("该调解员已退出本争议。"))
    if kind not in WithdrawalKind.values:
        raise DomainError("invalid_kind", _("请选择退出原因类别。"), field="kind")
    if not (reason or "").strip():
        raise DomainError("reason_required", _("请填写具体原因。"), field="reason")
    now = timezone.now()
    assignment.status = kind
    assignment.ended_at = now
    assignment.ended_reason = reason.strip()
    assignment.save(update_fields=["status", "ended_at", "ended_reason"])
    lawyer = lock(assignment.lawyer)
    lawyer.status = AssignmentStatus.RELIEVED
    lawyer.ended_at = now
    lawyer.ended_reason = f"{WithdrawalKind(kind).label}：{reason.strip()}"
    lawyer.save(update_fields=["status", "ended_at", "ended_reason"])
    record_event(
        "reconciliation.mediator.withdrawn",
        assignment,
        by=by,
        data={"kind": kind, "reason": reason.strip(), "dispute": assignment.dispute_id},
    )
    if redraw:
        draw_mediators(
            dispute=assignment.dispute,
            by=by,
            wanted=1,
            rule=assignment.draw.rule,
            note=str(
                _("%(name)s%(kind)s后重新抽取")
                % {"name": assignment.person, "kind": WithdrawalKind(kind).label}
            ),
        )
    return assignment


# --- sessions ---------------------------------------------------------------------------------


@transaction.atomic
def schedule_session(
    *,
    dispute: Dispute,
    by: Any,
    place: str,
    starts_at: datetime,
    ends_at: datetime,
    mediators: Sequence[Person],
) -> MediationSession:
    """A session with the dispute's mediators; a mediator already booked at that time is
    refused (their rows are locked, so two bookings at once cannot both pass)."""
    dispute = lock(dispute, "unit", "unit__region")
    ensure_can(by, "reconciliation.assign", dispute, _CENTRE)
    _refuse_unless_worked(dispute)
    if ends_at <= starts_at:
        raise DomainError("ends_before_start", _("结束时间应晚于开始时间。"), field="ends_at")
    ids = sorted({p.pk for p in mediators})
    if not ids:
        raise DomainError("no_mediators", _("请选择参加的和解调解员。"), field="mediators")
    on_dispute = set(
        MediatorAssignment.objects.filter(dispute=dispute, person_id__in=ids)
        .active()
        .values_list("person_id", flat=True)
    )
    strangers = [p.name for p in mediators if p.pk not in on_dispute]
    if strangers:
        raise DomainError(
            "not_a_mediator",
            _("%(names)s不是本争议的和解调解员。") % {"names": "、".join(strangers)},
            field="mediators",
        )
    people = list(Person.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    clash = (
        MediationSession.objects.filter(
            status=SessionStatus.SCHEDULED,
            mediators__in=ids,
            starts_at__lt=ends_at,
            ends_at__gt=starts_at,
        )
        .values_list("mediators__name", flat=True)
        .filter(mediators__in=ids)
    )
    busy = sorted(set(clash))
    if busy:
        raise DomainError(
            "double_booked",
            _("%(names)s在该时段已有安排的和解调解会。") % {"names": "、".join(busy)},
            field="starts_at",
        )
    session = MediationSession.objects.create(
        dispute=dispute, place=place, starts_at=starts_at, ends_at=ends_at, scheduled_by=by
    )
    session.mediators.set(people)
    record_event("reconciliation.session.scheduled", session, by=by, data={"mediators": ids})
    SESSION_SCHEDULED.send(session, session, by=by)
    return session


def _session_check(by: Any, note_required: bool, note: str) -> Any:
    def check(session: MediationSession) -> None:
        ensure_can(by, "reconciliation.assign", session.dispute, _CENTRE)
        if not session.is_scheduled:
            raise DomainError(
                "not_scheduled",
                _("该和解调解会已%(status)s。") % {"status": session.get_status_display()},
            )
        if note_required and not (note or "").strip():
            raise DomainError("note_required", _("请填写记录与结果。"), field="note")

    return check


@transaction.atomic
def hold_session(*, session: MediationSession, by: Any, note: str) -> MediationSession:
    """Record that the session took place, with a short record of it and its result."""
    if session.starts_at > timezone.now():
        raise DomainError("not_started", _("和解调解会尚未开始，不能登记为已举行。"))
    session, _changed = model_update(
        session,
        by=by,
        fields=("status", "note"),
        data={"status": SessionStatus.HELD, "note": (note or "").strip()},
        event="reconciliation.session.held",
        related=("dispute", "dispute__unit"),
        check=_session_check(by, True, note),
    )
    return session


@transaction.atomic
def cancel_session(
    *, session: MediationSession, by: Any, reason: str = CancelReason.CANCELLED, note: str = ""
) -> MediationSession:
    """Call a session off, or record that a party or a mediator did not come."""
    if reason not in CancelReason.values:
        raise DomainError("invalid_reason", _("请选择取消原因。"), field="reason")
    session, _changed = model_update(
        session,
        by=by,
        fields=("status", "cancel_reason", "note"),
        data={
            "status": SessionStatus.CANCELLED,
            "cancel_reason": reason,
            "note": (note or "").strip(),
        },
        event="reconciliation.session.cancelled",
        related=("dispute", "dispute__unit"),
        check=_session_check(by, False, note),
    )
    return session
