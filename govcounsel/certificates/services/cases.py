"""HR events and the cancellation cases they open (000 #3): recovery and completion."""

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

from ..choices import CancellationReason, CaseStatus
from ..models import CancellationCase, Certificate
from .register import cancel
from .steps import _certificate_step, _close_period, _refuse_end_before_issue

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
