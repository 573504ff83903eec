"""Logins, failed logins and logouts go to the audit trail."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

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
