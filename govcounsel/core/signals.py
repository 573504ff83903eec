"""Logins, failed logins and logouts go to the audit trail; a change of the statutory
calendar drops the working days read so far."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import workdays
from .audit import record_event
from .context import client_address


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record_event(
        "accounts.login.succeeded",
        user,
        by=user,
        client_address=client_address(request) if request else None,
    )


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # The username tried is kept; the password never is.
    record_event(
        "accounts.login.failed",
        data={"username": str(credentials.get("username", ""))[:150]},
        client_address=client_address(request) if request else None,
    )


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record_event("accounts.logout", user, by=user)


@receiver(post_save, sender="core.CalendarDay")
@receiver(post_delete, sender="core.CalendarDay")
@receiver(post_save, sender="core.HolidayNotice")
@receiver(post_delete, sender="core.HolidayNotice")
def _calendar_changed(sender: Any, **kwargs: Any) -> None:
    # Deadlines must not use a calendar read before the change (services also say so).
    workdays.forget()
