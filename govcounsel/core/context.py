"""The request being served, for code far from the view (audit, services)."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RequestContext:
    request: Any
    client_address: str | None

    @property
    def user(self) -> Any:
        # Read late: DRF authenticates inside the view and sets the user on the request then.
        return getattr(self.request, "user", None)


_current: ContextVar[RequestContext | None] = ContextVar("govcounsel_request", default=None)


def current() -> RequestContext | None:
    return _current.get()


def set_current(ctx: RequestContext | None) -> Any:
    return _current.set(ctx)


def reset(token: Any) -> None:
    _current.reset(token)


def client_address(request: Any) -> str | None:
    # Behind a reverse proxy the proxy's own address is REMOTE_ADDR; production
    # deployments set the proxy to overwrite X-Forwarded-For with one address.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return str(forwarded.split(",")[0].strip()) or None
    return request.META.get("REMOTE_ADDR") or None


def bind_api_user(user: Any) -> None:
    """Tell django-auditlog who acts: the API authenticates after the middleware has run."""
    from auditlog.context import auditlog_value

    try:
        data = auditlog_value.get()
    except LookupError:
        return
    if data.get("actor") is None and getattr(user, "is_authenticated", False):
        data["actor"] = user
