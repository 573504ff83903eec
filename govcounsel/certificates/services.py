"""The certificate lifecycle, one service per verb: lock, check, transition, save, record."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.uploads import validate_document_upload
from govcounsel.core.workflow import run_transition
from govcounsel.people.models import Person

from . import numbering
from .audit_actions import APPLICATION_STEP_EVENTS, CERTIFICATE_STEP_EVENTS
from .choices import ApplicationStatus, CancellationReason, CaseStatus, CertificateStatus
from .eligibility import ensure_eligible
from .models import (
    ActivePeriod,
    ApplicationStep,
    AssociationMembership,
    CancellationCase,
    Certificate,
    CertificateApplication,
    CertificateStep,
    SerialCounter,
)


def _application_step(
    application: CertificateApplication,
    action: str,
    before: str,
    by: Any,
    note: str = "",
    scan: Any = None,
) -> None:
    validate_document_upload(scan)
    ApplicationStep.objects.create(
        application=application,
        action=action,
        from_status=before,
        to_status=application.status,
        actor=by,
        note=note,
        scan=scan or "",
    )


def _certificate_step(
    certificate: Certificate,
    action: str,
    before: str,
    by: Any,
    *,
    on: date | None = None,
    note: str = "",
    scan: Any = None,
) -> None:
    validate_document_upload(scan)
    CertificateStep.objects.create(
        certificate=certificate,
        action=action,
        from_status=before,
        to_status=certificate.status,
        effective_on=on or timezone.localdate(),
        actor=by if getattr(by, "is_authenticated", False) else None,
        note=note,
        scan=scan or "",
    )


_UNIT_ONLY = _("只有申报单位的法治工作机构可以审核。")
_BUREAU_ONLY = _("只有申报单位所在地的司法局可以审批。")


def _open_period(certificate: Certificate, on: date) -> None:
    ActivePeriod.objects.create(certificate=certificate, unit_id=certificate.unit_id, started_on=on)


def _close_period(certificate: Certificate, on: date) -> None:
    """Nothing counts from `on`: periods that would begin on or after it are dropped, and
    any period still running on that day (open, or closed later) ends on it."""
    periods = ActivePeriod.objects.filter(certificate=certificate)
    periods.filter(started_on__gte=on).delete()
    periods.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on)).update(ended_on=on)


def _refuse_end_before_issue(certificate: Certificate, on: date, field: str, what: Any) -> None:
    """A certificate cannot stop counting before it was issued: such a date is a mistake
    in one of the two records, and an end before the start would corrupt the history."""
    if on < certificate.issued_on:
        raise DomainError(
            "date_before_issue",
            _(
                "%(what)s%(on)s早于公职律师证书%(number)s的颁证日期%(issued)s，两者矛盾，请核对日期。"
            )
            % {
                "what": what,
                "on": on,
                "number": certificate.number,
                "issued": certificate.issued_on,
            },
            field=field,
        )


def _require(note: str, message: Any) -> None:
    if not note.strip():
        raise DomainError("reason_required", message, field="note")


def _advance(
    locked: Any,
    *,
    by: Any,
    perm: str,
    refusal: Any,
    transition: str,
    action: str,
    note: str = "",
    scan: Any = None,
    note_required: Any = None,
) -> Any:
    """The steps every verb takes on a locked application or certificate: check the role
    and scope, require a reason where one is due, transition, save, record the step and
    the audit event."""
    ensure_can(by, perm, locked, refusal)
    if note_required:
        _require(note, note_required)
    before = locked.status
    run_transition(locked, transition)
    locked.save()
    if isinstance(locked, CertificateApplication):
        _application_step(locked, action, before, by, note, scan)
        record_event(APPLICATION_STEP_EVENTS[action], locked, by=by)
    else:
        _certificate_step(locked, action, before, by, note=note, scan=scan)
        record_event(CERTIFICATE_STEP_EVENTS[action], locked, by=by)
    return locked


# --- applications -------------------------------------------------------------------------


@transaction.atomic
def apply(
    *, person: Person, by: Any, statement: str = "", scan: Any = None
) -> CertificateApplication:
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    ensure_can(by, "certificates.apply", person, _("只有本人或所在单位法治工作机构可以提出申请。"))
    ensure_eligible(person)
    if CertificateApplication.objects.open().filter(person=person).exists():
        raise DomainError("application_open", _("该人员已有一份正在办理的申请，不能重复申请。"))
    if Certificate.objects.held().filter(person=person, unit=person.unit).exists():
        raise DomainError("already_certified", _("该人员在本单位已持有公职律师证书。"))
    application = CertificateApplication.objects.create(
        person=person, unit=person.unit, statement=statement
    )
    _application_step(application, "applied", "", by, statement, scan)
    record_event("certificates.application.created", application, by=by)
    return application


def _locked_application(application: CertificateApplication) -> CertificateApplication:
    return (
        CertificateApplication.objects.select_for_update()
        .select_related("person", "unit")
        .get(pk=application.pk)
    )


@transaction.atomic
def review(
    *, application: CertificateApplication, by: Any, passed: bool, note: str = "", scan: Any = None
) -> CertificateApplication:
    """统一审核: the unit's rule-of-law office passes the application on or returns it."""
    application = _locked_application(application)
    if passed:
        ensure_can(by, "certificates.unit_review", application, _UNIT_ONLY)
        ensure_eligible(application.person)
    return _advance(
        application,
        by=by,
        perm="certificates.unit_review",
        refusal=_UNIT_ONLY,
        transition="pass_review" if passed else "return_to_applicant",
        action="reviewed" if passed else "returned",
        note=note,
        scan=scan,
        note_required=None if passed else _("退回申请须说明理由。"),
    )


@transaction.atomic
def submit(
    *, application: CertificateApplication, by: Any, note: str = "", scan: Any = None
) -> CertificateApplication:
    """统一申报: the unit submits the reviewed application to the justice bureau."""
    return _advance(
        _locked_application(application),
        by=by,
        perm="certificates.unit_review",
        refusal=_("只有申报单位的法治工作机构可以申报。"),
        transition="submit",
        action="submitted",
        note=note,
        scan=scan,
    )


@transaction.atomic
def approve(
    *,
    application: CertificateApplication,
    by: Any,
    note: str = "",
    scan: Any = None,
    issued_on: date | None = None,
) -> Certificate:
    """审批 and 颁证. `issued_on` enters a certificate issued on paper before the system
    (default today): the licence number takes its year as the first-approval year."""
    application = _locked_application(application)
    ensure_can(by, "certificates.decide", application, _("只有申报单位所在地的司法局可以审批。"))
    before = application.status
    run_transition(application, "approve")
    person = (
        Person.objects.select_for_update()
        .select_related("unit__region")
        .get(pk=application.person_id)
    )
    ensure_eligible(person)
    if person.unit_id != application.unit_id:
        raise DomainError("unit_changed", _("申请人已不在申报单位，请由现单位重新申请。"))
    if Certificate.objects.held().filter(person=person).exists():
        raise DomainError(
            "previous_certificate_held", _("该人员原公职律师证书尚未注销，请先完成注销后再批准。")
        )
    application.save()
    certificate = _issue(application, person, by, issued_on or timezone.localdate())
    _application_step(application, "approved", before, by, note, scan)
    record_event("certificates.application.approved", application, by=by)
    record_event(
        "certificates.certificate.issued",
        certificate,
        by=by,
        data={"number": certificate.number, "issued_on": str(certificate.issued_on)},
    )
    return certificate


def check_issue_date(person: Person, issued_on: date, certificate: Certificate | None) -> None:
    """An issue date is not in the future and keeps the person's certificates in the order
    they were issued: not before the previous one ended, not after the next one began. The
    first-approval year is read from the earliest, so that order must hold."""
    if issued_on > timezone.localdate():
        raise DomainError("issue_date_in_future", _("颁证日期不能晚于今天。"), field="issued_on")
    others = Certificate.objects.filter(person=person)
    if certificate is not None:
        later = others.filter(pk__gt=certificate.pk).order_by("issued_on").first()
        if later is not None and issued_on > later.issued_on:
            raise DomainError(
                "issue_date_after_next",
                _("颁证日期%(on)s晚于该人员下一份证书的颁证日期%(next)s，请核对日期。")
                % {"on": issued_on, "next": later.issued_on},
                field="issued_on",
            )
        others = others.filter(pk__lt=certificate.pk)
    latest = max((c.ended_on or c.issued_on for c in others), default=None)
    if latest is not None and issued_on < latest:
        raise DomainError(
            "issue_date_before_previous",
            _("颁证日期%(on)s早于该人员此前证书的终止日期%(latest)s，请核对日期。")
            % {"on": issued_on, "latest": latest},
            field="issued_on",
        )


def _issue(
    application: CertificateApplication, person: Person, by: Any, issued_on: date
) -> Certificate:
    check_issue_date(person, issued_on, None)
    # 000 #1, the Ministry's 17-digit scheme: the serial is kept for life and the number
    # carries the year of FIRST approval, so a re-issue takes both from the first certificate.
    first = Certificate.objects.filter(person=person).order_by("issued_on", "id").first()
    if first is not None:
        serial, first_year = first.serial, first.first_approved_year
    else:
        counter, _created = SerialCounter.objects.select_for_update().get_or_create(pk=1)
        counter.last += 1
        counter.save(update_fields=["last"])
        serial, first_year = counter.last, issued_on.year
    certificate = Certificate.objects.create(
        application=application,
        person=person,
        unit=person.unit,
        serial=serial,
        first_approved_year=first_year,
        number=numbering.encode(
            region_code=person.unit.region.code,
            first_year=first_year,
            sex=person.sex,
            serial=serial,
        ),
        issued_on=issued_on,
    )
    _certificate_step(certificate, "issued", "", by, on=issued_on)
    _open_period(certificate, issued_on)
    return certificate


@transaction.atomic
def reject(
    *, application: CertificateApplication, by: Any, note: str, scan: Any = None
) -> CertificateApplication:
    return _advance(
        _locked_application(application),
        by=by,
        perm="certificates.decide",
        refusal=_BUREAU_ONLY,
        transition="reject",
        action="rejected",
        note=note,
        scan=scan,
        note_required=_("不予批准须说明理由。"),
    )


@transaction.atomic
def withdraw(
    *, application: CertificateApplication, by: Any, note: str = ""
) -> CertificateApplication:
    return _advance(
        _locked_application(application),
        by=by,
        perm="certificates.withdraw",
        refusal=_("只有申请人本人或申报单位可以撤回申请。"),
        transition="withdraw",
        action="withdrawn",
        note=note,
    )


# --- certificates -------------------------------------------------------------------------


def _locked_certificate(certificate: Certificate) -> Certificate:
    return (
        Certificate.objects.select_for_update()
        .select_related("person", "unit")
        .get(pk=certificate.pk)
    )


@transaction.atomic
def suspend(*, certificate: Certificate, by: Any, note: str, scan: Any = None) -> Certificate:
    certificate = _advance(
        _locked_certificate(certificate),
        by=by,
        perm="certificates.manage_certificate",
        refusal=_("只有所在地司法局可以暂停执业。"),
        transition="suspend",
        action="suspended",
        note=note,
        scan=scan,
        note_required=_("暂停执业须说明理由。"),
    )
    _close_period(certificate, timezone.localdate())
    return certificate


@transaction.atomic
def reinstate(
    *, certificate: Certificate, by: Any, note: str = "", scan: Any = None
) -> Certificate:
    certificate = _advance(
        _locked_certificate(certificate),
        by=by,
        perm="certificates.manage_certificate",
        refusal=_("只有所在地司法局可以恢复执业。"),
        transition="reinstate",
        action="reinstated",
        note=note,
        scan=scan,
    )
    today = timezone.localdate()
    if certificate.ended_on is None or certificate.ended_on > today:
        _open_period(certificate, today)
    return certificate


@transaction.atomic
def cancel(
    *, certificate: Certificate, by: Any, note: str, on: date | None = None, scan: Any = None
) -> Certificate:
    """注销: the certificate ends; an open cancellation case for it is completed too."""
    certificate = _locked_certificate(certificate)
    ensure_can(
        by, "certificates.manage_certificate", certificate, _("只有所在地司法局可以注销证书。")
    )
    _require(note, _("注销证书须说明理由。"))
    on = on or timezone.localdate()
    _refuse_end_before_issue(certificate, on, "on", _("注销日期"))
    before = certificate.status
    run_transition(certificate, "cancel", on)
    certificate.save()
    _close_period(certificate, certificate.ended_on or on)
    _certificate_step(
        certificate, "cancelled", before, by, on=certificate.ended_on, note=note, scan=scan
    )
    for case in CancellationCase.objects.select_for_update().open().filter(certificate=certificate):
        case.complete()
        case.save()
        record_event("certificates.case.completed", case, by=by)
    record_event(
        "certificates.certificate.cancelled",
        certificate,
        by=by,
        data={"on": str(certificate.ended_on)},
    )
    return certificate


# --- HR events and cancellation cases (000 #3) ------------------------------------------


@transaction.atomic
def end_by_hr_event(
    *, person: Person, reason: str, on: date, by: Any = None
) -> list[CancellationCase]:
    """A holder retired, left or was transferred: the certificate stops counting as active
    from that day, and a cancellation case is opened at once. A day before the certificate
    was issued is refused (the person's record is then left unsaved)."""
    cases = []
    held = list(Certificate.objects.select_for_update().held().filter(person=person))
    for certificate in held:
        _refuse_end_before_issue(
            certificate, on, "employment_status_date", _("退休、离职或调离日期")
        )
    for certificate in held:
        if certificate.ended_on is None or certificate.ended_on > on:
            certificate.ended_on = on
            certificate.save(update_fields=["ended_on"])
            _close_period(certificate, on)
            _certificate_step(
                certificate,
                "ended",
                certificate.status,
                by,
                on=on,
                note=str(CancellationReason(reason).label),
            )
        case = CancellationCase.objects.open().filter(certificate=certificate).first()
        if case is None:
            case = CancellationCase.objects.create(
                certificate=certificate,
                reason=reason,
                event_on=on,
                due_on=CancellationCase.due_date(timezone.localdate()),
            )
            record_event(
                "certificates.case.opened", case, by=by, data={"reason": reason, "on": str(on)}
            )
        cases.append(case)
    return cases


def _locked_case(case: CancellationCase) -> CancellationCase:
    return (
        CancellationCase.objects.select_for_update()
        .select_related("certificate__unit")
        .get(pk=case.pk)
    )


@transaction.atomic
def record_recovery(
    *, case: CancellationCase, by: Any, on: date | None = None, note: str = "", scan: Any = None
) -> CancellationCase:
    """The unit has taken back the paper certificate."""
    case = _locked_case(case)
    ensure_can(
        by,
        "certificates.recover_certificate",
        case.certificate,
        _("只有持证人所在单位或司法局可以登记收回证书。"),
    )
    run_transition(case, "record_recovery", on or timezone.localdate())
    case.save()
    _certificate_step(
        case.certificate,
        "recovered",
        case.certificate.status,
        by,
        on=case.recovered_on,
        note=note,
        scan=scan,
    )
    record_event("certificates.case.recovered", case, by=by)
    return case


def complete_case(
    *, case: CancellationCase, by: Any, note: str = "", scan: Any = None
) -> Certificate:
    """The justice bureau files the cancellation: the certificate ends on the event day."""
    case = CancellationCase.objects.select_related("certificate").get(pk=case.pk)
    if case.status == CaseStatus.COMPLETED:
        raise DomainError("invalid_transition", _("该注销案件已办结。"))
    reason = note or str(case.get_reason_display())
    return cancel(certificate=case.certificate, by=by, note=reason, on=case.event_on, scan=scan)


# --- association membership (001 三(五)) -----------------------------------------------


@transaction.atomic
def record_membership(
    *, person: Person, by: Any, member_number: str, joined_on: date
) -> AssociationMembership:
    ensure_can(by, "certificates.record_membership", person, _("只有所在地律师协会可以登记会员。"))
    if AssociationMembership.objects.filter(person=person, ended_on__isnull=True).exists():
        raise DomainError("already_member", _("该人员已是律师协会会员。"))
    membership = AssociationMembership.objects.create(
        person=person, member_number=member_number, joined_on=joined_on
    )
    record_event("certificates.membership.recorded", membership, by=by)
    return membership


__all__ = [
    "ApplicationStatus",
    "CertificateStatus",
    "apply",
    "approve",
    "cancel",
    "complete_case",
    "end_by_hr_event",
    "record_membership",
    "record_recovery",
    "reinstate",
    "reject",
    "review",
    "submit",
    "suspend",
    "withdraw",
]
