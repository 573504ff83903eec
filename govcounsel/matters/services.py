"""The matter workflow (指派 → 承办 → 反馈 → 督办 → 评价), one service per verb."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.notify import notify
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import model_update
from govcounsel.core.verbs import Document
from govcounsel.core.workdays import add_workdays
from govcounsel.core.workflow import run_transition
from govcounsel.organisations.models import Unit
from govcounsel.people.models import LegalAdviser, Person

from .audit_actions import MATTER_STEP_EVENTS
from .choices import AssignmentStatus, MatterAction, MatterStatus
from .documents import LITIGATION_SUBTYPES, commission_letter
from .models import (
    Assignment,
    Decision,
    DecisionItem,
    DispatchRequest,
    Matter,
    MatterStep,
    Opinion,
    Overtime,
)
from .selectors import open_load, public_lawyers_of, talent_pool

_OFFICE_ONLY = _("只有本单位法治工作机构可以办理此事项。")
_LEAD_ONLY = _("只有被指派的主办公职律师可以办理此事项。")


def _step(matter: Matter, action: str, before: str, by: Any, note: str = "") -> None:
    MatterStep.objects.create(
        matter=matter,
        action=action,
        from_status=before,
        to_status=matter.status,
        actor=by,
        note=note,
    )
    record_event(MATTER_STEP_EVENTS[action], matter, by=by)


def _locked(matter: Matter) -> Matter:
    return Matter.objects.select_for_update().select_related("unit").get(pk=matter.pk)


@transaction.atomic
def register_matter(
    *,
    unit: Unit,
    by: Any,
    title: str,
    category: str,
    subtype: str,
    deadline: date | None = None,
    working_days: int | None = None,
    **fields: Any,
) -> Matter:
    ensure_can(by, "matters.run", unit, _OFFICE_ONLY)
    if deadline is None:
        if not working_days:
            raise DomainError(
                "deadline_required", _("请填写办理期限或工作日数。"), field="deadline"
            )
        deadline = add_workdays(timezone.localdate(), working_days)
    allowed = {"description", "confidential", "priority", "attachment"}
    matter = Matter(
        unit=unit,
        title=title,
        category=category,
        subtype=subtype,
        deadline=deadline,
        **{k: v for k, v in fields.items() if k in allowed},
    )
    matter.full_clean(exclude=["status"])  # protected: only transitions set it
    matter.save()
    _step(matter, "registered", "", by)
    return matter


@transaction.atomic
def assign(
    *,
    matter: Matter,
    by: Any,
    lawyer: Person,
    co_handlers: list[Person] | None = None,
    adviser: LegalAdviser | None = None,
    note: str = "",
) -> Matter:
    """The office puts its public lawyers on the matter, with an adviser alongside (000 #6)."""
    matter = _locked(matter)
    ensure_can(by, "matters.run", matter, _OFFICE_ONLY)
    eligible = set(public_lawyers_of(matter.unit).values_list("pk", flat=True))
    for person in [lawyer, *(co_handlers or [])]:
        if person.pk not in eligible:
            raise DomainError(
                "not_a_public_lawyer",
                _("%(name)s不是本单位持有效证书的公职律师，不能指派。") % {"name": person.name},
                field="lawyer",
            )
    if adviser is not None and (
        adviser.unit_id != matter.unit_id or not adviser.in_service_on(timezone.localdate())
    ):
        raise DomainError(
            "adviser_not_in_service", _("该法律顾问不在本单位服务期内。"), field="adviser"
        )
    before = run_transition(matter, "assign")
    matter.adviser = adviser
    matter.save()
    Assignment.objects.create(matter=matter, person=lawyer, is_lead=True)
    for person in co_handlers or []:
        if person.pk != lawyer.pk:
            Assignment.objects.create(matter=matter, person=person, is_lead=False)
    _step(matter, "assigned", before, by, note or lawyer.name)
    return matter


def _lead_assignment(matter: Matter) -> Assignment:
    lead = (
        matter.assignments.select_for_update()
        .filter(is_lead=True)
        .exclude(status=AssignmentStatus.DECLINED)
        .first()
    )
    if lead is None:
        raise DomainError("not_assigned", _("该事项尚未指派主办律师。"))
    return lead


@transaction.atomic
def accept(*, matter: Matter, by: Any) -> Matter:
    matter = _locked(matter)
    ensure_can(by, "matters.handle", matter, _LEAD_ONLY)
    lead = _lead_assignment(matter)
    before = run_transition(matter, "accept")
    matter.save()
    lead.status, lead.answered_at = AssignmentStatus.ACCEPTED, timezone.now()
    lead.save(update_fields=["status", "answered_at"])
    _step(matter, "accepted", before, by)
    return matter


@transaction.atomic
def decline(*, matter: Matter, by: Any, reason: str) -> Matter:
    """The lawyer declines; the matter goes back to be assigned again (001 三(三))."""
    matter = _locked(matter)
    ensure_can(by, "matters.handle", matter, _LEAD_ONLY)
    if not reason.strip():
        raise DomainError("reason_required", _("拒绝承办须说明理由。"), field="reason")
    lead = _lead_assignment(matter)
    before = run_transition(matter, "decline")
    matter.save()
    lead.status, lead.answered_at, lead.decline_reason = (
        AssignmentStatus.DECLINED,
        timezone.now(),
        reason,
    )
    lead.save(update_fields=["status", "answered_at", "decline_reason"])
    matter.assignments.filter(is_lead=False, status=AssignmentStatus.PENDING).delete()
    _step(matter, "declined", before, by, reason)
    return matter


@transaction.atomic
def judge_decline(*, assignment: Assignment, by: Any, justified: bool) -> Assignment:
    """The office decides whether a decline had a valid reason; one without counts against
    the lawyer's annual assessment (001 三(三))."""
    assignment = (
        Assignment.objects.select_for_update().select_related("matter__unit").get(pk=assignment.pk)
    )
    ensure_can(by, "matters.run", assignment.matter, _OFFICE_ONLY)
    if assignment.status != AssignmentStatus.DECLINED:
        raise DomainError("not_declined", _("该指派未被拒绝，无需认定。"))
    assignment.decline_justified = justified
    assignment.save(update_fields=["decline_justified"])
    record_event("matters.decline.judged", assignment, by=by, data={"justified": justified})
    return assignment


@transaction.atomic
def submit_opinion(*, matter: Matter, by: Any, text: str) -> Opinion:
    matter = _locked(matter)
    ensure_can(by, "matters.handle", matter, _LEAD_ONLY)
    if not text.strip():
        raise DomainError("opinion_required", _("请填写法律意见。"), field="text")
    before = run_transition(matter, "submit_opinion")
    matter.save()
    version = matter.opinions.count() + 1
    opinion = Opinion.objects.create(matter=matter, version=version, author=by.person, text=text)
    _step(matter, "opinion", before, by, _("第%(v)d版") % {"v": version})
    return opinion


@transaction.atomic
def return_for_rework(*, matter: Matter, by: Any, note: str) -> Matter:
    matter = _locked(matter)
    ensure_can(by, "matters.run", matter, _OFFICE_ONLY)
    if not note.strip():
        raise DomainError("reason_required", _("退回修改须说明理由。"), field="note")
    before = run_transition(matter, "return_for_rework")
    matter.save()
    _step(matter, "returned", before, by, note)
    return matter


@transaction.atomic
def close(*, matter: Matter, by: Any, score: int, comment: str = "") -> Matter:
    """办结: the requesting office evaluates the work (score 1–100 and a comment)."""
    matter = _locked(matter)
    ensure_can(by, "matters.run", matter, _OFFICE_ONLY)
    if not 1 <= int(score) <= 100:
        raise DomainError("invalid_score", _("评价得分应在1至100之间。"), field="score")
    before = run_transition(matter, "close")
    matter.score, matter.evaluation = int(score), comment
    matter.save()
    _step(matter, "closed", before, by, comment)
    return matter


# --- decision items (001 二(二)) ---------------------------------------------------------


@transaction.atomic
def add_decision_item(*, unit: Unit, by: Any, title: str, description: str = "") -> DecisionItem:
    ensure_can(by, "matters.run", unit, _OFFICE_ONLY)
    item = DecisionItem.objects.create(unit=unit, title=title, description=description)
    record_event("matters.decision_item.added", item, by=by)
    return item


@transaction.atomic
def open_decision(*, item: DecisionItem, by: Any, title: str) -> Decision:
    ensure_can(by, "matters.run", item.unit, _OFFICE_ONLY)
    decision = Decision.objects.create(item=item, title=title)
    record_event("matters.decision.opened", decision, by=by)
    return decision


@transaction.atomic
def decide(
    *, decision: Decision, by: Any, matter: Matter | None = None, on: date | None = None
) -> Decision:
    """The gate: a listed item is decided only with a closed matter whose opinion is on file."""
    decision = Decision.objects.select_for_update().select_related("item__unit").get(pk=decision.pk)
    ensure_can(by, "matters.run", decision.item.unit, _OFFICE_ONLY)
    matter = matter or decision.matter
    missing = _(
        "“%(item)s”须先听取公职律师意见：请关联本单位已办结并提交了法律意见的法律事务。"
    ) % {"item": decision.item.title}
    if matter is None:
        raise DomainError("opinion_missing", missing, field="matter")
    matter = Matter.objects.get(pk=matter.pk)
    if (
        matter.unit_id != decision.item.unit_id
        or matter.status != MatterStatus.CLOSED
        or not matter.opinions.exists()
    ):
        raise DomainError("opinion_missing", missing, field="matter")
    decision.matter = matter
    run_transition(decision, "decide", on or timezone.localdate())
    decision.save()
    record_event("matters.decision.decided", decision, by=by, data={"matter": matter.pk})
    return decision


DECISION_ITEM_FIELDS = ("title", "description", "active")


@transaction.atomic
def update_decision_item(*, item: DecisionItem, by: Any, **changes: Any) -> DecisionItem:
    """Rename, describe or retire an item of the unit's list; it stays on that unit's list."""

    def check(item: DecisionItem) -> None:
        ensure_can(by, "matters.run", item.unit, _OFFICE_ONLY)
        # The API sends the unit back with every PUT: the same unit means "as it was".
        if "unit" in changes and changes.pop("unit") != item.unit:
            raise DomainError("unit_fixed", _("决策事项不能移到其他单位的清单。"), field="unit")

    item, _changed = model_update(
        item,
        by=by,
        fields=DECISION_ITEM_FIELDS,
        data=changes,
        event="matters.decision_item.updated",
        related=("unit",),
        check=check,
    )
    return item


@transaction.atomic
def record_overtime(
    *, matter: Matter, by: Any, worked_on: date, hours: Any, note: str = ""
) -> Overtime:
    """Overtime on a matter, recorded by its lead lawyer; it accrues compensatory leave."""
    ensure_can(by, "matters.handle", matter, _LEAD_ONLY)
    if worked_on > timezone.localdate():
        raise DomainError("future_date", _("加班日期不能晚于今天。"), field="worked_on")
    entry = Overtime(matter=matter, person=by.person, worked_on=worked_on, hours=hours, note=note)
    entry.full_clean()
    entry.save()
    record_event("matters.overtime.recorded", entry, by=by, data={"hours": str(hours)})
    return entry


# --- talent pool and dispatch (001 一(三)) ----------------------------------------------


@transaction.atomic
def request_dispatch(
    *,
    unit: Unit,
    by: Any,
    category: str,
    starts_on: date,
    ends_on: date,
    reason: str,
    expertise: Any = None,
) -> DispatchRequest:
    """A unit with no public lawyer asks its superior unit for one."""
    ensure_can(by, "matters.run", unit, _OFFICE_ONLY)
    if public_lawyers_of(unit, own_only=True).exists():
        raise DomainError("has_public_lawyer", _("本单位已有公职律师，无需申请调派。"))
    if unit.vertical_superior_id is None:
        raise DomainError("no_superior", _("本单位没有垂直管理的上级单位，无法申请调派。"))
    if ends_on < starts_on:
        raise DomainError("invalid_period", _("结束日期不能早于开始日期。"), field="ends_on")
    if not reason.strip():
        raise DomainError("reason_required", _("请说明申请理由。"), field="reason")
    request = DispatchRequest.objects.create(
        unit=unit,
        superior_id=unit.vertical_superior_id,
        category=category,
        expertise=expertise,
        starts_on=starts_on,
        ends_on=ends_on,
        reason=reason,
    )
    record_event("matters.dispatch.requested", request, by=by)
    return request


def _locked_request(request: DispatchRequest) -> DispatchRequest:
    return (
        DispatchRequest.objects.select_for_update()
        .select_related("unit", "superior")
        .get(pk=request.pk)
    )


@transaction.atomic
def dispatch(
    *, request: DispatchRequest, by: Any, lawyer: Person, answer: str = ""
) -> DispatchRequest:
    """The superior sends one of its system's lawyers for the requested period. The
    lawyer's row is locked so that two administrators cannot push them past the cap."""
    request = _locked_request(request)
    ensure_can(by, "matters.dispatch", request, _("只有上级单位管理员可以调派本系统的公职律师。"))
    lawyer = Person.objects.select_for_update().get(pk=lawyer.pk)
    if not talent_pool(request.superior).exclude(unit=request.unit).filter(pk=lawyer.pk).exists():
        raise DomainError("not_in_pool", _("该律师不在本系统人才库中，不能调派。"), field="lawyer")
    load = open_load(Person.objects.filter(pk=lawyer.pk)).get(lawyer.pk, 0)
    if load >= settings.DISPATCH_LOAD_CAP:
        raise DomainError(
            "over_capacity",
            _("%(name)s当前承办量为%(load)d，已达上限%(cap)d，不能再调派。")
            % {"name": lawyer.name, "load": load, "cap": settings.DISPATCH_LOAD_CAP},
            field="lawyer",
        )
    run_transition(request, "dispatch")
    request.lawyer, request.answer = lawyer, answer
    request.save()
    record_event("matters.dispatch.dispatched", request, by=by, data={"lawyer": lawyer.pk})
    return request


@transaction.atomic
def reject_dispatch(*, request: DispatchRequest, by: Any, answer: str) -> DispatchRequest:
    request = _locked_request(request)
    ensure_can(by, "matters.dispatch", request, _("只有上级单位管理员可以答复调派申请。"))
    if not answer.strip():
        raise DomainError("reason_required", _("不予调派须说明理由。"), field="answer")
    run_transition(request, "reject")
    request.answer = answer
    request.save()
    record_event("matters.dispatch.rejected", request, by=by)
    return request


# --- declared in verbs.py alongside the workflow ------------------------------------------


def judge_decline_on(*, matter: Matter, by: Any, assignment: Assignment, justified: bool) -> Any:
    """judge_decline, reached from the matter whose decline is judged."""
    if assignment.matter_id != matter.pk:
        raise DomainError("not_found", _("该指派不属于本事项。"), field="assignment")
    return judge_decline(assignment=assignment, by=by, justified=justified)


@transaction.atomic
def remind(*, matter: Matter, by: Any, note: str = "") -> Matter:
    """催办 (000 #11): the unit's office or the supervising committee office prompts the
    handling lawyers at once, without waiting for the daily supervision run."""
    from .supervision import handlers_of

    matter = _locked(matter)
    ensure_can(
        by, "matters.remind", matter, _("只有本单位法治工作机构或依法治区（县）办可以催办。")
    )
    if matter.status == MatterStatus.CLOSED:
        raise DomainError("closed", _("事项已办结，无需催办。"))
    recipients = handlers_of(matter)
    if not recipients:
        raise DomainError("no_handler", _("该事项尚未指派承办律师，无法催办。"))
    title = _("催办：“%(t)s”请于%(d)s前办结") % {
        "t": matter.title,
        "d": f"{matter.deadline:%Y-%m-%d}",
    }
    notify(recipients, title=str(title), body=note or str(title), url=matter.get_absolute_url())
    MatterStep.objects.create(
        matter=matter,
        action=MatterAction.SUPERVISED,
        from_status=matter.status,
        to_status=matter.status,
        actor=by,
        note=note or str(title),
    )
    record_event("matters.matter.reminded", matter, by=by)
    return matter


WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def issue_commission_letter(
    *, matter: Matter, by: Any, court: str, counterparty: str, authority: str = "一般授权"
) -> Document:
    """委托公函 (001 三(四)) for a litigation, arbitration or reconsideration matter."""
    ensure_can(by, "matters.run", matter, _("只有本单位法治工作机构可以出具委托公函。"))
    if matter.subtype not in LITIGATION_SUBTYPES:
        raise DomainError("not_litigation", _("只有诉讼、仲裁和复议事项需要委托公函。"))
    lawyers = [
        a.person
        for a in matter.assignments.select_related("person")
        if a.status != AssignmentStatus.DECLINED
    ]
    content = commission_letter(
        matter, court=court, counterparty=counterparty, authority=authority, lawyers=lawyers
    )
    record_event("matters.commission_letter.issued", matter, by=by)
    return Document("委托公函.docx", content, WORD)
