"""The organ's work on an administrative dispute, one service per verb: register, qualify
against the four conditions (002 §5), guide to a channel (002 §8), put public lawyers on it,
hear and decide their duty conflicts (002 §9), close. Mediators and sessions are the
reconciliation centre's (reconciliation app)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.masking import is_masked
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import model_update
from govcounsel.core.workdays import add_workdays
from govcounsel.core.workflow import run_transition
from govcounsel.matters.services.workflow import ensure_public_lawyers_of
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from .audit_actions import DISPUTE_STEP_EVENTS
from .choices import (
    CHANNEL_ORDER,
    AssignmentStatus,
    Channel,
    Condition,
    ConflictDecision,
    DisputeStatus,
    Outcome,
)
from .models import Dispute, DisputeLawyer, DisputeStep, DutyConflict, QualificationAnswer

_OFFICE_ONLY = _("只有该行政机关的法治工作机构可以办理此事项。")
_REGISTRANT_ONLY = _("只有登记该争议的法治工作机构或和解中心可以更正登记信息。")
_LAWYER_ONLY = _("只有参与该争议化解的本单位公职律师可以报告工作冲突。")

# What the registrant may correct before qualification (ADR 0021).
EDITABLE_FIELDS = (
    "title",
    "counterparty_kind",
    "counterparty_name",
    "counterparty_phone",
    "act_kind",
    "act",
    "contested",
    "origin",
    "arose_on",
    "attachment",
)


def _step(
    dispute: Dispute, action: str, before: str, by: Any, note: str = "", *, event: bool = True
) -> None:
    DisputeStep.objects.create(
        dispute=dispute,
        action=action,
        from_status=before,
        to_status=dispute.status,
        actor=by,
        note=note,
    )
    if event:
        record_event(DISPUTE_STEP_EVENTS[action], dispute, by=by)


def _locked(dispute: Dispute) -> Dispute:
    return Dispute.objects.select_for_update().select_related("unit").get(pk=dispute.pk)


def _required(value: str, field: str, message: Any) -> str:
    if not (value or "").strip():
        raise DomainError("required", message, field=field)
    return value.strip()


# --- registration and its corrections -----------------------------------------------------


@transaction.atomic
def register_dispute(*, unit: Unit, by: Any, **fields: Any) -> Dispute:
    """The organ's office registers a dispute with its own unit; the reconciliation centre
    registers one for any organ of its region (`registered_by_centre`)."""
    ensure_can(
        by,
        "disputes.register",
        unit,
        _("只有该行政机关的法治工作机构或本地区和解中心可以登记行政争议。"),
    )
    by_office = by.has_perm("disputes.run", unit)
    dispute = Dispute(
        unit=unit,
        registered_by_centre=not by_office,
        **{k: v for k, v in fields.items() if k in EDITABLE_FIELDS and v is not None},
    )
    dispute.full_clean(exclude=["status"])  # protected: only transitions set it
    dispute.save()
    _step(dispute, "registered", "", by)
    if dispute.registered_by_centre:
        from .notices import CENTRE_REGISTERED

        CENTRE_REGISTERED.send(dispute, dispute, by=by)
    return dispute


def _not_yet_qualified(row: Dispute) -> None:
    if row.status != DisputeStatus.REGISTERED:
        raise DomainError(
            "already_qualified",
            _("争议已经认定，登记信息不能再修改；如有出入，请在办理记录中说明。"),
        )


@transaction.atomic
def edit_dispute(*, dispute: Dispute, by: Any, **data: Any) -> Dispute:
    """The registrant corrects its entry before the dispute is qualified."""

    def check(row: Dispute) -> None:
        ensure_can(by, "disputes.correct", row, _REGISTRANT_ONLY)
        _not_yet_qualified(row)
        # A masked phone sent back as shown means "as it was".
        if is_masked(data.get("counterparty_phone", "")):
            data.pop("counterparty_phone")
        if data.get("attachment") is None:
            data.pop("attachment", None)

    dispute, changed = model_update(
        dispute,
        by=by,
        fields=EDITABLE_FIELDS,
        data=data,
        event="disputes.dispute.edited",
        related=("unit",),
        check=check,
    )
    if changed:
        labels = "、".join(
            str(getattr(Dispute._meta.get_field(name), "verbose_name", name)) for name in changed
        )
        note = str(_("修改了：%(fields)s") % {"fields": labels})
        _step(dispute, "edited", dispute.status, by, note, event=False)
    return dispute


@transaction.atomic
def delete_dispute(*, dispute: Dispute, by: Any) -> Unit:
    """A mistaken registration is deleted before anything happened to it (ADR 0021); the
    event keeps what the entry was. Returns the organ, whose register the page goes back to."""
    dispute = _locked(dispute)
    ensure_can(by, "disputes.correct", dispute, _REGISTRANT_ONLY)
    _not_yet_qualified(dispute)
    if dispute.steps.exclude(action__in=["registered", "edited"]).exists():
        raise DomainError("has_history", _("该争议已有办理记录，不能删除。"))
    unit = dispute.unit
    record_event(
        "disputes.dispute.deleted",
        dispute,
        by=by,
        data={"title": dispute.title, "unit": unit.name, "origin": dispute.origin},
    )
    dispute.delete()
    return unit


# --- 002 §5: the four conditions ----------------------------------------------------------


@transaction.atomic
def qualify(
    *, dispute: Dispute, by: Any, answers: dict[int, tuple[bool, str]], guidance: str = ""
) -> Dispute:
    """The office answers each of the four conditions of 002 §5 with its reason. All met: a
    dispute to resolve (QUALIFIED); any not met: not an administrative dispute, closed with
    the guidance given to the party (UNQUALIFIED)."""
    dispute = _locked(dispute)
    ensure_can(by, "disputes.run", dispute, _OFFICE_ONLY)
    missing = [c for c in Condition if c.value not in answers]
    if missing:
        raise DomainError(
            "condition_unanswered",
            _("请逐项回答四个条件：“%(condition)s”尚未回答。") % {"condition": missing[0].label},
            field=f"met_{missing[0].value}",
        )
    for condition in Condition:
        _met, reason = answers[condition.value]
        _required(
            reason,
            f"reason_{condition.value}",
            _("请说明“%(condition)s”的认定理由。") % {"condition": condition.label},
        )
    all_met = all(answers[c.value][0] for c in Condition)
    if not all_met:
        guidance = _required(
            guidance,
            "guidance",
            _("不构成行政争议的，须填写对当事人的告知与引导。"),
        )
    before = run_transition(dispute, "qualify" if all_met else "disqualify")
    dispute.guidance = "" if all_met else guidance
    dispute.save()
    QualificationAnswer.objects.bulk_create(
        QualificationAnswer(
            dispute=dispute,
            condition=c.value,
            met=answers[c.value][0],
            reason=answers[c.value][1].strip(),
            answered_by=by,
        )
        for c in Condition
    )
    failed = [str(c.value) for c in Condition if not answers[c.value][0]]
    note = "" if all_met else str(_("不符合条件：%(items)s") % {"items": "、".join(failed)})
    _step(dispute, "qualified" if all_met else "unqualified", before, by, note)
    return dispute


# --- 002 §8: channels, cheapest first -----------------------------------------------------


def _in_channel_order(channels: list[str]) -> list[str]:
    unknown = [c for c in channels if c not in CHANNEL_ORDER]
    if unknown:
        raise DomainError(
            "unknown_channel", _("未知的渠道：%(c)s") % {"c": unknown[0]}, field="channels"
        )
    return sorted(set(channels), key=CHANNEL_ORDER.index)


@transaction.atomic
def guide(
    *,
    dispute: Dispute,
    by: Any,
    channels: list[str],
    chosen: str,
    clock_label: str = "",
    clock_started_on: date | None = None,
    clock_workdays: int | None = None,
) -> Dispute:
    """The channels offered to the party, cheapest first, and the one chosen (002 §8). A
    channel that starts a statutory clock records it; the last day is counted in working
    days (core/workdays.py). Guiding again records a new choice."""
    dispute = _locked(dispute)
    ensure_can(by, "disputes.run", dispute, _OFFICE_ONLY)
    offered = _in_channel_order(list(channels or []))
    if not offered:
        raise DomainError("no_channel", _("请选择告知当事人的渠道。"), field="channels")
    if chosen not in offered:
        raise DomainError(
            "channel_not_offered",
            _("当事人选择的渠道“%(chosen)s”不在告知的渠道之中。")
            % {"chosen": Channel(chosen).label if chosen in CHANNEL_ORDER else chosen},
            field="chosen",
        )
    clock = [clock_label.strip(), clock_started_on, clock_workdays]
    if any(clock) and not all(clock):
        raise DomainError(
            "clock_incomplete",
            _("法定期限须同时填写期限事项、起算日和工作日数。"),
            field="clock_label",
        )
    before = run_transition(dispute, "guide")
    dispute.channels_offered = offered
    dispute.channel_chosen = chosen
    if all(clock):
        assert clock_started_on is not None
        assert clock_workdays is not None
        dispute.clock_label = clock_label.strip()
        dispute.clock_started_on = clock_started_on
        dispute.clock_workdays = clock_workdays
        dispute.clock_deadline = add_workdays(clock_started_on, clock_workdays)
    else:
        dispute.clock_label, dispute.clock_started_on = "", None
        dispute.clock_workdays, dispute.clock_deadline = None, None
    dispute.save()
    note = "、".join(str(Channel(c).label) for c in offered)
    note = str(
        _("告知：%(offered)s；选择：%(chosen)s")
        % {"offered": note, "chosen": Channel(chosen).label}
    )
    if dispute.clock_deadline:
        note += str(
            _("；%(label)s期限至%(day)s")
            % {"label": dispute.clock_label, "day": f"{dispute.clock_deadline:%Y-%m-%d}"}
        )
    _step(dispute, "guided", before, by, note)
    return dispute


# --- 002 §9: the organ's lawyers ----------------------------------------------------------


def _organ_lawyers(dispute: Dispute) -> Any:
    return dispute.lawyers.filter(mediator=False, status=AssignmentStatus.ACTIVE)


@transaction.atomic
def assign(
    *, dispute: Dispute, by: Any, lawyer: Person, others: list[Person] | None = None
) -> Dispute:
    """The office puts its public lawyers on the dispute (002 §9): a lead and others, each
    a public lawyer of the organ today, checked as a matter's assignment is."""
    dispute = _locked(dispute)
    ensure_can(by, "disputes.run", dispute, _OFFICE_ONLY)
    if dispute.status not in (DisputeStatus.QUALIFIED, DisputeStatus.HANDLING):
        raise DomainError(
            "not_qualified", _("只有认定为行政争议且尚未办结的争议可以委派公职律师。")
        )
    people = [lawyer, *[p for p in others or [] if p.pk != lawyer.pk]]
    ensure_public_lawyers_of(dispute.unit, people)
    on_it = {row.person_id: row for row in _organ_lawyers(dispute).select_for_update()}
    # One lead at a time: naming another lead makes the former one a member of the team.
    _organ_lawyers(dispute).filter(is_lead=True).exclude(person=lawyer).update(is_lead=False)
    for person in people:
        row = on_it.get(person.pk)
        if row is None:
            DisputeLawyer.objects.create(dispute=dispute, person=person, is_lead=person == lawyer)
        elif person == lawyer and not row.is_lead:
            row.is_lead = True
            row.save(update_fields=["is_lead"])
    _step(dispute, "assigned", dispute.status, by, "、".join(p.name for p in people))
    return dispute


@transaction.atomic
def relieve(*, dispute: Dispute, by: Any, lawyer: DisputeLawyer, reason: str) -> DisputeLawyer:
    """The office takes a lawyer off the dispute, with the reason; the row is ended, kept."""
    dispute = _locked(dispute)
    ensure_can(by, "disputes.run", dispute, _OFFICE_ONLY)
    reason = _required(reason, "reason", _("请说明调整的原因。"))
    row = _end(dispute, lawyer, reason)
    _step(dispute, "relieved", dispute.status, by, f"{row.person.name}：{reason}")
    return row


def _end(dispute: Dispute, lawyer: DisputeLawyer, reason: str) -> DisputeLawyer:
    row = DisputeLawyer.objects.select_for_update().select_related("person").get(pk=lawyer.pk)
    if row.dispute_id != dispute.pk or row.mediator:
        raise DomainError("not_found", _("该公职律师不在本争议的化解人员之中。"), field="lawyer")
    if not row.is_active:
        raise DomainError("already_relieved", _("该公职律师已经调整。"), field="lawyer")
    row.status, row.ended_at, row.ended_reason = (
        AssignmentStatus.RELIEVED,
        timezone.now(),
        reason,
    )
    row.is_lead = False
    row.save(update_fields=["status", "ended_at", "ended_reason", "is_lead"])
    return row


@transaction.atomic
def report_conflict(*, dispute: Dispute, by: Any, description: str) -> DutyConflict:
    """A lawyer on the dispute reports a clash with daily duties; the organ head decides
    (002 §9), the office records the decision."""
    dispute = _locked(dispute)
    ensure_can(by, "disputes.work", dispute, _LAWYER_ONLY)
    description = _required(description, "description", _("请说明工作冲突的情况。"))
    row = _organ_lawyers(dispute).get(person_id=by.person_id)
    if row.conflicts.filter(decision="").exists():
        raise DomainError("conflict_open", _("您报告的工作冲突尚待负责人处理。"))
    conflict = DutyConflict.objects.create(lawyer=row, description=description, reported_by=by)
    _step(dispute, "conflict_reported", dispute.status, by, description)
    return conflict


@transaction.atomic
def decide_conflict(
    *,
    dispute: Dispute,
    by: Any,
    conflict: DutyConflict,
    decision: str,
    head: str,
    note: str = "",
) -> DutyConflict:
    """The office records the organ head's decision on a duty conflict: keep the lawyer on
    the dispute, or relieve them (their row ends with the head's decision as reason)."""
    dispute = _locked(dispute)
    ensure_can(by, "disputes.run", dispute, _OFFICE_ONLY)
    conflict = (
        DutyConflict.objects.select_for_update()
        .select_related("lawyer__person")
        .get(pk=conflict.pk)
    )
    if conflict.lawyer.dispute_id != dispute.pk:
        raise DomainError("not_found", _("该工作冲突不属于本争议。"), field="conflict")
    if not conflict.is_open:
        raise DomainError("conflict_decided", _("该工作冲突已经处理。"), field="conflict")
    if decision not in ConflictDecision.values:
        raise DomainError("invalid_decision", _("请选择处理决定。"), field="decision")
    head = _required(head, "head", _("请填写作出决定的行政机关负责人。"))
    conflict.decision, conflict.decided_by_head = decision, head
    conflict.decision_note, conflict.decided_at = note.strip(), timezone.now()
    conflict.save()
    words = {"name": conflict.lawyer.person.name, "head": head}
    if decision == ConflictDecision.RELIEVE:
        reason = str(_("负责人%(head)s决定调整：%(note)s") % {"head": head, "note": note})
        _end(dispute, conflict.lawyer, reason)
        text = _("%(name)s：负责人%(head)s决定调整由他人参与") % words
    else:
        text = _("%(name)s：负责人%(head)s决定继续参与") % words
    _step(dispute, "conflict_decided", dispute.status, by, str(text))
    return conflict


# --- closing ------------------------------------------------------------------------------


@transaction.atomic
def close(
    *,
    dispute: Dispute,
    by: Any,
    outcome: str,
    note: str = "",
    agreement: Any = None,
    satisfaction: str = "",
) -> Dispute:
    """The office closes the dispute with its outcome. A mediated agreement is kept as a
    file; a dispute is closed only with one of the organ's lawyers on it (002 §9)."""
    dispute = _locked(dispute)
    ensure_can(by, "disputes.run", dispute, _OFFICE_ONLY)
    if outcome not in Outcome.values:
        raise DomainError("invalid_outcome", _("请选择化解结果。"), field="outcome")
    if not _organ_lawyers(dispute).exists():
        raise DomainError(
            "no_lawyer", _("尚未委派本单位公职律师参与化解，不能办结。"), field="outcome"
        )
    if outcome == Outcome.MEDIATED and not agreement:
        raise DomainError(
            "agreement_required", _("调解达成协议的，请上传调解协议书。"), field="agreement"
        )
    before = run_transition(dispute, "close")
    dispute.outcome, dispute.outcome_note = outcome, note.strip()
    dispute.satisfaction = satisfaction or ""
    if agreement:
        dispute.agreement = agreement
    dispute.full_clean(exclude=["status"])
    dispute.save()
    _step(dispute, "closed", before, by, Outcome(outcome).label + (f"：{note}" if note else ""))
    return dispute


# --- reads of personal data ---------------------------------------------------------------


def record_phone_read(dispute: Dispute | None, *, by: Any, count: int = 1) -> None:
    """An unmasked counterparty phone was shown: who, which dispute (or how many rows)."""
    record_event(
        "disputes.dispute.phone_read",
        dispute,
        by=by,
        data={"fields": ["counterparty_phone"], "count": count},
    )
