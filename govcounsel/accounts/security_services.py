"""The security administrator's verbs on login security: lifting a lockout and ending a
signed-in session. Each is recorded in the audit trail with the administrator's reason."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError

from .services import _ensure_security_admin
from .sessions import UserSession


def _required_reason(reason: str, message: Any) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("reason_required", message, field="reason")
    return reason


@transaction.atomic
def unlock_attempts(*, attempts: QuerySet[AccessAttempt], by: Any, reason: str) -> int:
    """Clear the failed attempts that lock an account name (django-axes), one event each;
    the attempts themselves are copied into the trail as they go (core.audit)."""
    _ensure_security_admin(by)
    reason = _required_reason(reason, _("请填写解除锁定的理由。"))
    for attempt in attempts:
        record_event(
            "accounts.lockout.unlocked",
            attempt,
            by=by,
            data={"username": attempt.username, "ip_address": attempt.ip_address, "reason": reason},
        )
    return int(attempts.delete()[0])


def unlock_account(*, username: str, by: Any, reason: str) -> int:
    """Lift the lockout of one account name: every failed attempt recorded for it."""
    _ensure_security_admin(by)
    if not AccessAttempt.objects.filter(username=username).exists():
        raise DomainError("not_locked", _("该账号当前没有被锁定。"), field="username")
    return unlock_attempts(
        attempts=AccessAttempt.objects.filter(username=username), by=by, reason=reason
    )


@transaction.atomic
def end_session(*, session: UserSession, by: Any) -> None:
    """Sign a browser out: its session row goes, and with it the UserSession (cascade); the
    next request from that browser finds no session and is sent to the login page."""
    _ensure_security_admin(by)
    record_event(
        "accounts.session.ended",
        session.user,
        by=by,
        data={
            "username": session.user.username,
            "started_at": session.started_at.isoformat(),
            "client_address": session.client_address,
        },
    )
    Session.objects.filter(pk=session.session_id).delete()
