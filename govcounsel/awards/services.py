"""The writes of annual awards (002 §19, §20): rules, cycles, candidates, the decision."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import lock
from govcounsel.core.verbs import Document
from govcounsel.core.workflow import run_transition
from govcounsel.documents.choices import DocumentKind
from govcounsel.documents.services import document_file, issue_document
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

from . import selectors
from .choices import CandidateKind, CandidateSource, CycleAction
from .models import AwardCycle, AwardRule, Candidate, CycleStep

_SUPERVISOR_ONLY = _("只有该区域的依法治市（县）办可以办理。")
_BUREAU_ONLY = _("只有该区域的司法局可以推荐候选。")

RULE_FIELDS = (
    "region",
    "valid_from",
    "valid_to",
    "cycle_month",
    "unit_quota",
    "individual_quota",
    "basis",
    "basis_text",
)


def _step(cycle: AwardCycle, action: CycleAction, by: Any, note: str, before: str = "") -> None:
    CycleStep.objects.create(
        cycle=cycle,
        action=action,
        from_status=before or cycle.status,
        to_status=cycle.status,
        actor=by,
        note=note,
    )


# --- rules (002 §20) ---------------------------------------------------------------------------


@transaction.atomic
def create_rule(*, by: Any, **fields: Any) -> AwardRule:
    """Register the rule a region's cycles are held under, with its period of validity. Two
    rules of one region may not be in force on the same day."""
    region = fields.get("region")
    ensure_can(
        by, "awards.manage_rule", region, _("只有该区域的依法治市（县）办可以登记评选规则。")
    )
    rule = AwardRule(**{k: v for k, v in fields.items() if k in RULE_FIELDS}, created_by=by)
    rule.full_clean()
    end = rule.valid_to or date.max
    overlapping = AwardRule.objects.filter(region=rule.region, valid_from__lte=end).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=rule.valid_from)
    )
    if overlapping.exists():
        raise DomainError(
            "rule_overlaps",
            _("该区域在这一期间已有有效的评选规则（%(rule)s），请调整施行日期或有效期。")
            % {"rule": overlapping.first()},
            field="valid_from",
        )
    rule.save()
    record_event("awards.rule.created", rule, by=by)
    return rule


# --- cycles ------------------------------------------------------------------------------------


@transaction.atomic
def open_cycle(*, by: Any, region: Region, year: int, note: str = "") -> AwardCycle:
    """The committee office opens the region's selection of the year (002 §19), under the
    rule in force at the end of that year (002 §20)."""
    ensure_can(by, "awards.open_cycle", region, _("只有该区域的依法治市（县）办可以启动评选。"))
    rule = selectors.rule_for(region, year)
    if rule is None:
        raise DomainError(
            "no_rule",
            _("%(year)s年度没有有效的评选规则，不能启动评选；请先登记评选规则。") % {"year": year},
            field="year",
        )
    if AwardCycle.objects.filter(region=region, year=year).exists():
        raise DomainError(
            "cycle_exists",
            _("%(region)s%(year)s年度的评选已经启动。") % {"region": region, "year": year},
            field="year",
        )
    cycle = AwardCycle.objects.create(region=region, year=year, rule=rule, note=note, opened_by=by)
    _step(cycle, CycleAction.OPENED, by, note or str(rule))
    record_event("awards.cycle.opened", cycle, by=by, data={"rule": rule.pk})
    from .notices import CYCLE_OPENED

    CYCLE_OPENED.send(cycle, cycle, by=by)
    return cycle


def _locked(cycle: AwardCycle) -> AwardCycle:
    return lock(cycle, "region", "rule")


def _ensure_open(cycle: AwardCycle) -> None:
    if not cycle.is_open:
        raise DomainError(
            "list_closed",
            _("候选名单已确定（%(status)s），不能再推荐或撤回。")
            % {"status": cycle.get_status_display()},
        )


def _in_region(cycle: AwardCycle, unit: Unit) -> None:
    if not unit.region.path.startswith(cycle.region.path):
        raise DomainError(
            "outside_region",
            _("%(unit)s不是%(region)s的单位，不能参加本次评选。")
            % {"unit": unit, "region": cycle.region},
            field="unit",
        )


def _add(
    cycle: AwardCycle,
    *,
    by: Any,
    source: CandidateSource,
    unit: Unit | None,
    person: Person | None,
    reason: str,
) -> Candidate:
    _ensure_open(cycle)
    if (unit is None) == (person is None):
        raise DomainError(
            "unit_or_person", _("请选择一个单位，或者一名公职律师（二者选一）。"), field="unit"
        )
    if person is not None:
        unit = person.unit
        if unit is None or not selectors.lawyers_of(unit, cycle.year).filter(pk=person.pk).exists():
            raise DomainError(
                "not_a_lawyer",
                _("%(person)s在%(year)s年度不是持证公职律师，不能作为先进个人候选。")
                % {"person": person, "year": cycle.year},
                field="person",
            )
    assert unit is not None
    _in_region(cycle, unit)
    kind = CandidateKind.INDIVIDUAL if person is not None else CandidateKind.UNIT
    twin = cycle.candidates.filter(person=person) if person else cycle.candidates.units()
    if twin.filter(unit=unit).exists() if person is None else twin.exists():
        raise DomainError(
            "already_candidate",
            _("%(who)s已在候选名单中。") % {"who": person or unit},
            field="person" if person else "unit",
        )
    return Candidate.objects.create(
        cycle=cycle,
        kind=kind,
        unit=unit,
        person=person,
        source=source,
        reason=reason,
        proposed_by=by,
    )


@transaction.atomic
def propose(
    *,
    cycle: AwardCycle,
    by: Any,
    unit: Unit | None = None,
    person: Person | None = None,
    reason: str = "",
) -> Candidate:
    """The justice bureau proposes a unit of the region or one of its public lawyers."""
    cycle = _locked(cycle)
    ensure_can(by, "awards.prepare", cycle, _BUREAU_ONLY)
    candidate = _add(
        cycle, by=by, source=CandidateSource.PROPOSED, unit=unit, person=person, reason=reason
    )
    _step(cycle, CycleAction.PROPOSED, by, str(candidate))
    record_event("awards.candidate.proposed", candidate, by=by)
    return candidate


@transaction.atomic
def nominate(
    *,
    cycle: AwardCycle,
    by: Any,
    unit: Unit | None = None,
    person: Person | None = None,
    reason: str = "",
) -> Candidate:
    """A unit's rule-of-law office nominates the unit itself or one of its lawyers."""
    cycle = _locked(cycle)
    refusal = _("只有本区域单位的法治工作机构可以申报本单位或本单位公职律师。")
    ensure_can(by, "awards.nominate", cycle, refusal)
    if unit is None and person is None:
        # An office running one unit of the region nominates that unit without naming it.
        own_units = list(
            Unit.objects.run_by(by).filter(region__path__startswith=cycle.region.path)[:2]
        )
        if len(own_units) == 1:
            unit = own_units[0]
    own = person.unit if person is not None else unit
    if own is None or not Unit.objects.run_by(by).filter(pk=own.pk).exists():
        raise DomainError(
            "not_own_unit",
            _("只能申报本单位或本单位的公职律师。"),
            field="person" if person else "unit",
        )
    candidate = _add(
        cycle, by=by, source=CandidateSource.NOMINATED, unit=unit, person=person, reason=reason
    )
    _step(cycle, CycleAction.NOMINATED, by, str(candidate))
    record_event("awards.candidate.nominated", candidate, by=by)
    return candidate


@transaction.atomic
def withdraw_candidate(*, candidate: Candidate, by: Any, reason: str = "") -> AwardCycle:
    """Take a candidate off the list while it is open (a mistaken entry, or withdrawn by
    the unit); the cycle's history says who it was and why."""
    cycle = _locked(candidate.cycle)
    ensure_can(
        by,
        "awards.withdraw_candidate",
        candidate,
        _("只有司法局或候选所在单位的法治工作机构可以撤回候选。"),
    )
    _ensure_open(cycle)
    who = str(candidate)
    record_event(
        "awards.candidate.withdrawn", candidate, by=by, data={"candidate": who, "reason": reason}
    )
    candidate.delete()
    _step(cycle, CycleAction.WITHDRAWN, by, f"{who}：{reason}" if reason else who)
    return cycle


@transaction.atomic
def lock_list(*, cycle: AwardCycle, by: Any, note: str = "") -> AwardCycle:
    """The bureau closes the list and submits it for the decision: each candidate's figures
    are kept as they stand now, so the decision's basis stays as it was."""
    cycle = _locked(cycle)
    ensure_can(by, "awards.prepare", cycle, _("只有该区域的司法局可以确定候选名单。"))
    candidates = list(cycle.candidates.select_related("cycle"))
    if not candidates:
        raise DomainError("no_candidates", _("候选名单为空，请先推荐候选。"))
    before = run_transition(cycle, "lock")
    cycle.save()
    now = timezone.now()
    for candidate in candidates:
        candidate.figures = selectors.live_figures(candidate).as_dict()
        candidate.figures_at = now
    Candidate.objects.bulk_update(candidates, ["figures", "figures_at"])
    _step(cycle, CycleAction.LOCKED, by, note, before)
    record_event("awards.cycle.locked", cycle, by=by, data={"candidates": len(candidates)})
    return cycle


def _over_quota(kind: CandidateKind, chosen: int, quota: int) -> DomainError:
    return DomainError(
        "over_quota",
        _("%(kind)s选定%(chosen)s个，超过评选规则的名额（%(quota)s个）。")
        % {"kind": kind.label, "chosen": chosen, "quota": quota},
        field="units" if kind == CandidateKind.UNIT else "individuals",
    )


def decision_text(cycle: AwardCycle, number: str, dated: date, awarded: list[Candidate]) -> Any:
    """The 决定 listing the awardees (GB/T 9704 through the documents layer)."""
    from govcounsel.coverage.bulletin_content import office_name
    from govcounsel.documents.word import Heading, OfficialText

    units = [c for c in awarded if not c.is_individual]
    people = [c for c in awarded if c.is_individual]
    rule = cycle.rule
    body: list[Any] = [
        f"{cycle.year}年，{cycle.region.name}各级行政机关和广大公职律师认真贯彻落实"
        f"《{rule.basis}》，积极参与行政争议化解，在诉源治理、法治政府建设中发挥了重要作用。"
        f"为表彰先进、树立典型，根据{rule.basis}的规定，经组织评选，决定对"
        f"{len(units)}个先进单位和{len(people)}名先进个人予以表彰。",
        "希望受到表彰的单位和个人珍惜荣誉，再接再厉。各单位要以先进为榜样，"
        "进一步发挥公职律师在预防和化解行政争议中的职能作用。",
        Heading("一、先进单位"),
        *(["（无）"] if not units else ["、".join(c.unit.name for c in units)]),
        Heading("二、先进个人"),
        *(["（无）"] if not people else [f"{c.person}（{c.unit.name}）" for c in people]),
    ]
    return OfficialText(
        issuer_name=office_name(cycle.region),
        number=number,
        title=cycle.decision_title,
        dated=dated,
        body=body,
        addressee="各有关单位：",
    )


@transaction.atomic
def decide(
    *,
    cycle: AwardCycle,
    by: Any,
    units: Iterable[Candidate] = (),
    individuals: Iterable[Candidate] = (),
    dated: date | None = None,
) -> AwardCycle:
    """The committee office records the selection within the rule's quotas and issues the
    decision; the cycle is then closed. Candidates not chosen are recorded as not awarded."""
    from govcounsel.documents.word import build_docx

    cycle = _locked(cycle)
    ensure_can(by, "awards.decide", cycle, _("只有该区域的依法治市（县）办可以作出表彰决定。"))
    if not cycle.is_under_review:
        raise DomainError(
            "invalid_transition",
            _("当前状态为“%(status)s”，不能作出表彰决定。")
            % {"status": cycle.get_status_display()},
        )
    chosen_units = {c.pk for c in units}
    chosen_people = {c.pk for c in individuals}
    candidates = list(cycle.candidates.select_related("unit", "person"))
    by_pk = {c.pk: c for c in candidates}
    if not (chosen_units | chosen_people) <= set(by_pk):
        raise DomainError("not_candidate", _("所选对象不在本次评选的候选名单中。"))
    if any(by_pk[pk].is_individual for pk in chosen_units) or any(
        not by_pk[pk].is_individual for pk in chosen_people
    ):
        raise DomainError("wrong_kind", _("先进单位和先进个人请分别选择。"))
    if len(chosen_units) > cycle.rule.unit_quota:
        raise _over_quota(CandidateKind.UNIT, len(chosen_units), cycle.rule.unit_quota)
    if len(chosen_people) > cycle.rule.individual_quota:
        raise _over_quota(CandidateKind.INDIVIDUAL, len(chosen_people), cycle.rule.individual_quota)
    if not (chosen_units | chosen_people):
        raise DomainError("none_chosen", _("请至少选定一个先进单位或一名先进个人。"))
    for candidate in candidates:
        candidate.awarded = candidate.pk in chosen_units | chosen_people
    Candidate.objects.bulk_update(candidates, ["awarded"])
    awarded = [c for c in candidates if c.awarded]
    dated = dated or timezone.localdate()
    document = issue_document(
        kind=DocumentKind.DECISION,
        issuer=cycle.region,
        issuer_name=_office(cycle),
        title=cycle.decision_title,
        render=lambda number: build_docx(decision_text(cycle, number, dated, awarded)),
        by=by,
        dated=dated,
        subject=cycle,
    )
    cycle.decision = document
    cycle.decided_on = dated
    before = run_transition(cycle, "close")
    cycle.save()
    _step(cycle, CycleAction.DECIDED, by, document.number, before)
    record_event(
        "awards.cycle.decided",
        cycle,
        by=by,
        data={"number": document.number, "awarded": [c.pk for c in awarded]},
    )
    return cycle


def _office(cycle: AwardCycle) -> str:
    from govcounsel.coverage.bulletin_content import office_name

    return office_name(cycle.region)


def decision_file(*, cycle: AwardCycle, by: Any) -> Document:
    """The decision as issued, unchanged (documents.services.document_file)."""
    if cycle.decision is None:
        raise DomainError("no_decision", _("尚未作出表彰决定。"))
    return document_file(document=cycle.decision, by=by)
