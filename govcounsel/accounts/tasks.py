"""Background jobs of the accounts app (django-q2): the daily check of the audit trail,
whose result waits for the audit administrators when anything is wrong (ADR 0010)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from govcounsel.core.audit_check import check_audit_trail
from govcounsel.core.notify import notify

from .choices import Role
from .notices import AUDIT_TRAIL_BROKEN
from .recipients import holders_of


def verify_audit_trail() -> list[str]:
    """Walk the hash chains; tell the audit administrators what is wrong, if anything.
    Returns the problems (the job's result in the back office)."""
    _intact, problems = check_audit_trail()
    if problems:
        notify(
            holders_of(Role.AUDIT_ADMIN),
            kind=AUDIT_TRAIL_BROKEN,
            title=_("审计记录校验发现问题"),
            body="\n".join(problems),
            url=reverse("audit:events"),
        )
    return problems
