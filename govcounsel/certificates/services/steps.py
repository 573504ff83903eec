"""What every certificate verb shares: history steps, active periods, the common advance."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.uploads import validate_document_upload
from govcounsel.core.workflow import run_transition

from ..audit_actions import APPLICATION_STEP_EVENTS, CERTIFICATE_STEP_EVENTS
from ..models import (
    ActivePeriod,
    ApplicationStep,
    Certificate,
    CertificateApplication,
    CertificateStep,
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
