"""The register of issued certificates: suspend, reinstate and cancel (注销)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.permissions import ensure_can
from govcounsel.core.workflow import run_transition

from ..models import CancellationCase, Certificate
from .steps import (
    _advance,
    _certificate_step,
    _close_period,
    _open_period,
    _refuse_end_before_issue,
    _require,
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
