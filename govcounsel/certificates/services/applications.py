"""Applications for a certificate: apply, review, submit, approve (and issue), reject, withdraw."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.workflow import run_transition
from govcounsel.people.models import Person

from .. import numbering
from ..eligibility import ensure_eligible, readiness
from ..models import Certificate, CertificateApplication, SerialCounter
from .steps import (
    _BUREAU_ONLY,
    _UNIT_ONLY,
    _advance,
    _application_step,
    _certificate_step,
    _open_period,
)

# --- applications -------------------------------------------------------------------------


@transaction.atomic
def apply(
    *, person: Person, by: Any, statement: str = "", scan: Any = None
) -> CertificateApplication:
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    ensure_can(by, "certificates.apply", person, _("只有本人或所在单位法治工作机构可以提出申请。"))
    ensure_eligible(person)
    # The same reading as the person page's panel, so the button and the refusal agree.
    ready = readiness(person)
    if ready.open_application is not None:
        raise DomainError("application_open", _("该人员已有一份正在办理的申请，不能重复申请。"))
    if ready.held_here is not None:
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
