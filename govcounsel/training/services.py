"""Writes of public-lawyer training: one service per act, each locking, checking, saving
and recording (000 #7, #9; 001 三(二))."""

from __future__ import annotations

import math
import random
import secrets
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.scoping import in_reach
from govcounsel.core.services import lock
from govcounsel.core.verbs import Document
from govcounsel.core.workflow import run_transition
from govcounsel.documents.choices import DocumentKind
from govcounsel.documents.services import WORD, issue_document, stored_bytes
from govcounsel.organisations.models import Region, Unit

from .choices import AttendanceSource, ClaimStatus, OwnerKind, SampleOutcome, SampleReason
from .models import (
    CategoryMinimum,
    CheckIn,
    Course,
    Enrolment,
    ExternalClaim,
    SampleItem,
    Session,
    TrainingExemption,
    TrainingPlan,
    TrainingRequirement,
    VerificationSample,
)
from .rules import in_audience

# --- requirements and exemptions ---------------------------------------------------------


@transaction.atomic
def set_requirement(
    *,
    by: Any,
    region: Region,
    effective_from: date,
    min_trainings: int = 1,
    min_hours: Decimal | None = None,
    pre_service_after: date | None = None,
    pre_service_days: int = 180,
    sample_percent: int = 10,
    risk_hours: Decimal = Decimal("12"),
    reminders: list[str] | None = None,
    note: str = "",
    minimums: Iterable[tuple[str, Decimal, int]] = (),
) -> TrainingRequirement:
    """A new requirement for the region from a day; the one it replaces is ended the day
    before (kept, so that earlier years are judged by the rule then in force)."""
    ensure_can(
        by,
        "training.set_requirement",
        region,
        _("只有本区域的司法局或律师协会可以设定培训要求。"),
    )
    for earlier in TrainingRequirement.objects.select_for_update().filter(
        region=region, effective_to__isnull=True, effective_from__lt=effective_from
    ):
        earlier.effective_to = effective_from - timedelta(days=1)
        earlier.save(update_fields=["effective_to"])
    if TrainingRequirement.objects.filter(
        region=region, effective_from__gte=effective_from
    ).exists():
        raise DomainError(
            "requirement_overlaps",
            _("该区域已有同日或更晚生效的培训要求，请调整生效日期。"),
            field="effective_from",
        )
    requirement = TrainingRequirement(
        region=region,
        effective_from=effective_from,
        min_trainings=min_trainings,
        min_hours=min_hours,
        pre_service_after=pre_service_after,
        pre_service_days=pre_service_days,
        sample_percent=sample_percent,
        risk_hours=risk_hours,
        note=note,
        created_by=by,
    )
    if reminders is not None:
        requirement.reminders = _reminder_days(reminders)
    requirement.full_clean()
    requirement.save()
    CategoryMinimum.objects.bulk_create(
        CategoryMinimum(requirement=requirement, category=c, min_hours=h, min_trainings=n)
        for c, h, n in minimums
    )
    record_event("training.requirement.set", requirement, by=by)
    return requirement


def _reminder_days(days: Iterable[str]) -> list[str]:
    cleaned = []
    for day in days:
        day = str(day).strip()
        try:
            datetime.strptime(f"2024-{day}", "%Y-%m-%d")  # naive: a month and day, no time
        except ValueError:
            raise DomainError(
                "bad_reminder",
                _("提醒日期“%(day)s”应写作“月-日”，如10-01。") % {"day": day},
                field="reminders",
            ) from None
        cleaned.append(day)
    return sorted(set(cleaned))


@transaction.atomic
def grant_exemption(
    *, by: Any, person: Any, year: int, reason: str, months: int = 12
) -> TrainingExemption:
    """Excuse a lawyer for some months of a year (long leave), with the reason."""
    ensure_can(by, "training.exempt", person, _("只有本区域的司法局或律师协会可以登记培训免除。"))
    if not reason.strip():
        raise DomainError("reason_required", _("请写明免除理由。"), field="reason")
    if TrainingExemption.objects.filter(person=person, year=year).exists():
        raise DomainError("already_exempt", _("该律师本年度已有免除记录。"), field="year")
    exemption = TrainingExemption(
        person=person, year=year, months=months, reason=reason.strip(), granted_by=by
    )
    exemption.full_clean()
    exemption.save()
    record_event(
        "training.exemption.granted", exemption, by=by, data={"months": months, "year": year}
    )
    return exemption


# --- plans, courses, sessions --------------------------------------------------------------


@transaction.atomic
def create_plan(
    *,
    by: Any,
    title: str,
    year: int,
    owner_kind: str,
    region: Region | None = None,
    unit: Unit | None = None,
    note: str = "",
) -> TrainingPlan:
    """A year's plan of a region's association or justice bureau, or of a unit (and its
    system, when the unit heads one)."""
    if owner_kind == OwnerKind.UNIT:
        if unit is None or not Unit.objects.run_by(by).filter(pk=unit.pk).exists():
            raise DomainError(
                "not_your_unit",
                _("单位培训计划只能由本单位（或上级系统）法治工作机构制定。"),
                field="unit",
            )
        region = unit.region
    else:
        role = Role.ASSOCIATION if owner_kind == OwnerKind.ASSOCIATION else Role.JUSTICE_BUREAU
        if region is None or not in_reach(by, role, region):
            raise DomainError(
                "not_your_region",
                _("区域培训计划只能由本区域的律师协会或司法局制定。"),
                field="region",
            )
        unit = None
    plan = TrainingPlan(
        title=title,
        year=year,
        owner_kind=owner_kind,
        region=region,
        unit=unit,
        note=note,
        created_by=by,
    )
    plan.full_clean()
    plan.save()
    record_event("training.plan.created", plan, by=by)
    return plan


@transaction.atomic
def add_course(*, by: Any, plan: TrainingPlan, **fields: Any) -> Course:
    ensure_can(by, "training.run_plan", plan, _("只有制定该计划的机构可以添加课程。"))
    course = Course(plan=plan, **fields)
    if course.starts_on and course.ends_on and course.ends_on < course.starts_on:
        raise DomainError("dates", _("结束日期不能早于开始日期。"), field="ends_on")
    course.full_clean()
    course.save()
    record_event("training.course.added", course, by=by)
    return course


@transaction.atomic
def add_session(*, by: Any, course: Course, starts_at: datetime, ends_at: datetime) -> Session:
    ensure_can(by, "training.run_plan", course, _("只有主办方可以安排培训场次。"))
    if ends_at <= starts_at:
        raise DomainError("times", _("结束时间应晚于开始时间。"), field="ends_at")
    session = Session.objects.create(course=course, starts_at=starts_at, ends_at=ends_at)
    record_event("training.session.added", course, by=by, data={"session": session.pk})
    return session


# --- enrolment and attendance ---------------------------------------------------------------


def _locked_course(course: Course) -> Course:
    return lock(course)


@transaction.atomic
def enrol(*, course: Course, by: Any, person: Any = None) -> Enrolment:
    """A place on the course for the lawyer (by themselves, or by their unit's office).
    The course row is locked while the places are counted, so that two last-minute
    enrolments cannot both take the last place."""
    course = _locked_course(course)
    if person is None or person.pk == getattr(by, "person_id", None):
        ensure_can(by, "training.enrol_self", course, _("您不在该课程的培训对象范围内。"))
        person = by.person
    else:
        ensure_can(
            by, "training.enrol_lawyers", course, _("只能为培训对象范围内的本单位律师报名。")
        )
        if not Unit.objects.run_by(by).filter(pk=person.unit_id).exists():
            raise DomainError("not_your_lawyer", _("只能为本单位的公职律师报名。"), field="person")
    if not in_audience(course, person):
        raise DomainError(
            "not_in_audience",
            _("%(name)s不在该课程的培训对象范围内。") % {"name": person.name},
            field="person",
        )
    live = course.enrolments.filter(cancelled_at__isnull=True)
    if live.filter(person=person).exists():
        raise DomainError("already_enrolled", _("%(name)s已报名该课程。") % {"name": person.name})
    if course.capacity is not None and live.count() >= course.capacity:
        raise DomainError("full", _("该课程名额已满。"))
    enrolment = Enrolment.objects.create(course=course, person=person, enrolled_by=by)
    record_event("training.course.enrolled", course, by=by, data={"person": person.pk})
    return enrolment


def _attend(enrolment: Enrolment, *, hours: Any, source: str, by: Any) -> None:
    enrolment.attended = True
    enrolment.hours = enrolment.course.hours if hours in (None, "") else Decimal(hours)
    enrolment.source = source
    enrolment.recorded_by = by
    enrolment.recorded_at = timezone.now()
    enrolment.save(update_fields=["attended", "hours", "source", "recorded_by", "recorded_at"])


@transaction.atomic
def record_attendance(
    *, course: Course, by: Any, person: Any, hours: Decimal | None = None
) -> Enrolment:
    """The provider records that an enrolled lawyer attended (a lawyer never records their
    own attendance: the permission is the plan owner's)."""
    course = _locked_course(course)
    ensure_can(by, "training.run_plan", course, _("参训情况由主办方登记，本人不能自行登记。"))
    enrolment = course.enrolments.filter(person=person, cancelled_at__isnull=True).first()
    if enrolment is None:
        raise DomainError(
            "not_enrolled", _("%(name)s未报名该课程。") % {"name": person.name}, field="person"
        )
    if hours is not None and hours > course.hours:
        raise DomainError("too_many_hours", _("认定学时不能超过课程学时。"), field="hours")
    _attend(enrolment, hours=hours, source=AttendanceSource.PROVIDER, by=by)
    record_event("training.course.attendance_recorded", course, by=by, data={"person": person.pk})
    return enrolment


@transaction.atomic
def check_in(*, course: Course, by: Any, code: str, at: datetime | None = None) -> Enrolment:
    """The lawyer enters the code shown at a sitting, during its window; once every sitting
    of the course is checked in, the attendance is recorded with the course's hours."""
    course = _locked_course(course)
    ensure_can(by, "training.check_in", course, _("您未报名该课程，不能签到。"))
    at = at or timezone.now()
    enrolment = course.enrolments.get(person_id=by.person_id, cancelled_at__isnull=True)
    open_now = [s for s in course.sessions.all() if s.open_at(at)]
    if not open_now:
        raise DomainError("not_open", _("当前不在培训场次的签到时间内。"), field="code")
    session = next((s for s in open_now if s.code == str(code).strip()), None)
    if session is None:
        raise DomainError("wrong_code", _("签到码不正确，请核对现场公布的签到码。"), field="code")
    CheckIn.objects.get_or_create(enrolment=enrolment, session=session, defaults={"at": at})
    record_event("training.course.checked_in", course, by=by, data={"session": session.pk})
    if not enrolment.attended and enrolment.check_ins.count() >= course.sessions.count():
        _attend(enrolment, hours=None, source=AttendanceSource.CHECK_IN, by=None)
    return enrolment


@transaction.atomic
def import_attendance(*, course: Course, by: Any, content: bytes) -> Any:
    """The provider's attendance sheet: every row or, if any is wrong, none."""
    from .attendance_sheet import plan_sheet

    course = _locked_course(course)
    ensure_can(by, "training.run_plan", course, _("签到表由主办方导入。"))
    plan = plan_sheet(course, content)
    if plan.errors:
        return plan
    for enrolment, hours in plan.rows:
        _attend(enrolment, hours=hours, source=AttendanceSource.SHEET, by=by)
    record_event(
        "training.course.attendance_imported", course, by=by, data={"rows": len(plan.rows)}
    )
    return plan


@transaction.atomic
def issue_certificate(*, enrolment: Enrolment, by: Any) -> Document:
    """A 培训证明 for a completed course, through the official document layer; issued once
    and downloaded again as issued."""
    from .documents import certificate_text

    enrolment = lock(enrolment, "course", "course__plan", "person")
    ensure_can(by, "training.run_plan", enrolment, _("培训证明由主办方出具。"))
    if not enrolment.attended:
        raise DomainError("not_attended", _("尚无参训记录，不能出具培训证明。"))
    if enrolment.certificate_id is None:
        plan = enrolment.course.plan
        issuer: Unit | Region = plan.unit or plan.region
        document = issue_document(
            kind=DocumentKind.LETTER,
            issuer=issuer,
            issuer_name=plan.owner_name,
            title=str(_("培训证明")),
            render=lambda number: certificate_text(enrolment, number),
            by=by,
            subject=enrolment,
        )
        enrolment.certificate = document
        enrolment.save(update_fields=["certificate"])
        record_event(
            "training.enrolment.certificate_issued",
            enrolment,
            by=by,
            data={"number": document.number},
        )
    issued = enrolment.certificate
    assert issued is not None
    return Document(issued.filename, stored_bytes(issued), WORD)


# --- self-claimed external training ------------------------------------------------------


@transaction.atomic
def submit_claim(
    *,
    by: Any,
    title: str,
    provider: str,
    kind: str,
    category: str,
    day: date,
    hours: Decimal,
    proof: Any,
) -> ExternalClaim:
    """The lawyer's own claim of a training elsewhere, with proof; it counts once verified."""
    person = getattr(by, "person", None)
    ensure_can(by, "training.claim", person, _("只有公职律师本人可以自报外部培训。"))
    if day > timezone.localdate():
        raise DomainError("future", _("培训日期不能晚于今天。"), field="day")
    if not proof:
        raise DomainError("proof_required", _("请上传证明材料。"), field="proof")
    claim = ExternalClaim(
        person=person,
        title=title,
        provider=provider,
        kind=kind,
        category=category,
        day=day,
        hours=hours,
        proof=proof,
        submitted_by=by,
    )
    claim.full_clean(exclude=["status"])  # a protected workflow status: transitions only
    claim.save()
    record_event("training.claim.submitted", claim, by=by)
    from .notices import CLAIM_SUBMITTED

    CLAIM_SUBMITTED.send(claim, claim, by=by, words={"name": claim.person.name, "title": title})
    return claim


def _locked_claim(claim: ExternalClaim) -> ExternalClaim:
    return lock(claim, "person", "person__unit", "person__unit__region")


@transaction.atomic
def verify_claim(*, claim: ExternalClaim, by: Any, note: str = "") -> ExternalClaim:
    claim = _locked_claim(claim)
    ensure_can(by, "training.verify_claim", claim, _("自报培训由本区域律师协会或司法局核验。"))
    run_transition(claim, "verify")
    claim.decided_by = by
    claim.reason = note
    claim.save()
    record_event("training.claim.verified", claim, by=by)
    return claim


@transaction.atomic
def refuse_claim(*, claim: ExternalClaim, by: Any, reason: str) -> ExternalClaim:
    claim = _locked_claim(claim)
    ensure_can(by, "training.verify_claim", claim, _("自报培训由本区域律师协会或司法局核验。"))
    if not reason.strip():
        raise DomainError("reason_required", _("请写明未通过的理由。"), field="reason")
    run_transition(claim, "refuse")
    claim.decided_by = by
    claim.reason = reason.strip()
    claim.save()
    record_event("training.claim.refused", claim, by=by)
    return claim


# --- the yearly verification sample --------------------------------------------------------


def sample_ids(ids: Iterable[int], *, seed: int, percent: int) -> list[int]:
    """The random share of the claims: the same ids, seed and share always give the same
    draw (ids sorted first, so the order they were read in does not matter)."""
    pool = sorted(ids)
    size = math.ceil(len(pool) * percent / 100)
    # Reproducible by design (a stored seed), not a secret: the seed is drawn with secrets.
    return sorted(random.Random(seed).sample(pool, size))  # noqa: S311


@transaction.atomic
def draw_sample(
    *, region: Region, year: int, by: Any, seed: int | None = None
) -> VerificationSample:
    """Draw the year's sample of the region's verified self-claims: the random share (seed
    stored) and every claim above the risk threshold of the region's requirement."""
    from .compliance import _requirements, requirement_for

    ensure_can(
        by, "training.draw_sample", region, _("只有本区域的司法局或律师协会可以抽取核验样本。")
    )
    if VerificationSample.objects.filter(region=region, year=year).exists():
        raise DomainError("already_drawn", _("该区域本年度已抽取核验样本。"), field="year")
    requirement = requirement_for(region.path, _requirements(year))
    percent = requirement.sample_percent if requirement else 10
    risk_hours = requirement.risk_hours if requirement else Decimal("12")
    seed = secrets.randbits(48) if seed is None else seed
    claims = ExternalClaim.objects.filter(
        status=ClaimStatus.VERIFIED,
        day__year=year,
        person__unit__region__path__startswith=region.path,
    )
    risky = set(claims.filter(hours__gt=risk_hours).values_list("pk", flat=True))
    drawn = set(sample_ids(claims.values_list("pk", flat=True), seed=seed, percent=percent))
    sample = VerificationSample.objects.create(
        region=region, year=year, seed=seed, percent=percent, risk_hours=risk_hours, drawn_by=by
    )
    SampleItem.objects.bulk_create(
        SampleItem(
            sample=sample,
            claim_id=pk,
            reason=SampleReason.RISK if pk in risky else SampleReason.RANDOM,
        )
        for pk in sorted(drawn | risky)
    )
    record_event(
        "training.sample.drawn",
        sample,
        by=by,
        data={"seed": seed, "random": len(drawn), "risk": len(risky)},
    )
    return sample


@transaction.atomic
def check_item(*, item: SampleItem, by: Any, outcome: str, note: str = "") -> SampleItem:
    """Record what checking a sampled claim found; a claim found untrue no longer counts."""
    item = lock(item, "sample", "sample__region")
    ensure_can(by, "training.work_sample", item, _("抽查由本区域司法局或律师协会核查。"))
    if item.outcome:
        raise DomainError("already_checked", _("该事项已核查。"))
    if outcome == SampleOutcome.OVERTURNED:
        if not note.strip():
            raise DomainError("reason_required", _("请写明核查不实的情况。"), field="note")
        claim = lock(item.claim)
        run_transition(claim, "revoke")
        claim.reason = note.strip()
        claim.save()
    item.outcome = outcome
    item.note = note.strip()
    item.checked_by = by
    item.checked_at = timezone.now()
    item.save()
    record_event("training.sample.checked", item, by=by, data={"outcome": outcome})
    return item
