"""The certificate lifecycle, one service per verb: lock, check, transition, save, record.

One module per part of the domain; callers keep using `services.<verb>` from here."""

from ..choices import ApplicationStatus, CertificateStatus
from .applications import apply, approve, check_issue_date, reject, review, submit, withdraw
from .cases import complete_case, end_by_hr_event, record_recovery
from .membership import end_membership, record_membership
from .register import cancel, reinstate, suspend

__all__ = [
    "ApplicationStatus",
    "CertificateStatus",
    "apply",
    "approve",
    "cancel",
    "check_issue_date",
    "complete_case",
    "end_by_hr_event",
    "end_membership",
    "record_membership",
    "record_recovery",
    "reinstate",
    "reject",
    "review",
    "submit",
    "suspend",
    "withdraw",
]
