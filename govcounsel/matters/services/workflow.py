"""The matter workflow itself: register, assign, accept or decline, opinion, close; overtime."""

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
from govcounsel.core.uploads import sniff, validate_document_upload
from govcounsel.core.workdays import add_workdays
from govcounsel.core.workflow import run_transition
from govcounsel.organisations.models import Unit
from govcounsel.people.models import LegalAdviser, Person

from ..audit_actions import MATTER_STEP_EVENTS
from ..choices import ENDED_ASSIGNMENTS, AssignmentStatus
from ..models import Assignment, Matter, MatterStep, Opinion, OpinionAttachment, Overtime
from ..selectors import public_lawyers_of

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
    ensure_assignable(matter, [lawyer, *(co_handlers or [])])
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


def ensure_assignable(matter: Matter, people: list[Person]) -> None:
    """Only the unit's public lawyers with a valid certificate, its own or lent to it for
    today, may be put on its matter (001 一(三)); assigning and reassigning check alike."""
    ensure_public_lawyers_of(matter.unit, people)


def ensure_public_lawyers_of(unit: Unit, people: list[Person]) -> None:
    """Each person is one of the unit's public lawyers today (`public_lawyers_of`): the one
    check for whoever a unit puts on its work, a matter or an administrative dispute
    (002 §9)."""
    eligible = set(public_lawyers_of(unit).values_list("pk", flat=True))
    for person in people:
        if person.pk not in eligible:
            raise DomainError(
                "not_a_public_lawyer",
                _("%(name)s不是本单位持有效证书的公职律师，不能指派。") % {"name": person.name},
                field="lawyer",
            )


def _lead_assignment(matter: Matter) -> Assignment:
    lead = (
        matter.assignments.select_for_update()
        .filter(is_lead=True)
        .exclude(status__in=ENDED_ASSIGNMENTS)
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
def submit_opinion(
    *, matter: Matter, by: Any, text: str, attachments: list[Any] | None = None
) -> Opinion:
    """The lead lawyer's opinion, with its files, kept as submitted (001 二(三)4)."""
    matter = _locked(matter)
    ensure_can(by, "matters.handle", matter, _LEAD_ONLY)
    if not text.strip():
        raise DomainError("opinion_required", _("请填写法律意见。"), field="text")
    kinds = [_checked_upload(upload) for upload in attachments or []]
    before = run_transition(matter, "submit_opinion")
    matter.save()
    version = matter.opinions.count() + 1
    opinion = Opinion.objects.create(matter=matter, version=version, author=by.person, text=text)
    for upload, kind in zip(attachments or [], kinds, strict=True):
        OpinionAttachment.objects.create(
            opinion=opinion,
            file=upload,
            name=str(upload.name).rsplit("/", 1)[-1][:200],
            content_type=kind,
            size=upload.size,
        )
    _step(matter, "opinion", before, by, _("第%(v)d版") % {"v": version})
    return opinion


def _checked_upload(upload: Any) -> str:
    """Every file is checked by content before anything is written: one refused file
    refuses the opinion, and nothing of it is kept."""
    try:
        validate_document_upload(upload)
    except ValidationError as refusal:
        raise DomainError(
            "upload_refused",
            _("%(name)s：%(reason)s") % {"name": upload.name, "reason": refusal.messages[0]},
            field="attachments",
        ) from None
    return sniff(upload) or "application/octet-stream"


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


# --- declared in verbs.py alongside the workflow ------------------------------------------


def judge_decline_on(*, matter: Matter, by: Any, assignment: Assignment, justified: bool) -> Any:
    """judge_decline, reached from the matter whose decline is judged."""
    if assignment.matter_id != matter.pk:
        raise DomainError("not_found", _("该指派不属于本事项。"), field="assignment")
    return judge_decline(assignment=assignment, by=by, justified=justified)
