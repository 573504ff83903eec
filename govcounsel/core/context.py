"""The request being served, for code far from the view (audit, services)."""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network
from typing import Any

from django.conf import settings


def new_request_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class RequestContext:
    """The request being served: who acts, from where, and the id that ties together the
    audit events and the field diffs one request writes."""

    request: Any
    client_address: str | None
    # Made here, never read from a header: a client could otherwise tie its request to
    # someone else's entries in the trail.
    request_id: str = field(default_factory=new_request_id)

    @property
    def user(self) -> Any:
        # Read late: DRF authenticates inside the view and sets the user on the request then.
        return getattr(self.request, "user", None)


_current: ContextVar[RequestContext | None] = ContextVar("govcounsel_request", default=None)


def current() -> RequestContext | None:
    return _current.get()


def request_id() -> str | None:
    """The id of the request being served (django-auditlog's AUDITLOG_CID_GETTER: a field
    diff carries it as its `cid`)."""
    ctx = _current.get()
    return ctx.request_id if ctx is not None else None


def set_current(ctx: RequestContext | None) -> Any:
    return _current.set(ctx)


def reset(token: Any) -> None:
    _current.reset(token)


def _address(text: str) -> IPv4Address | IPv6Address | None:
    try:
        return ip_address(text.strip())
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[IPv4Network | IPv6Network, ...]:
    return tuple(ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address: IPv4Address | IPv6Address) -> bool:
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    return any(address in network for network in networks)


def client_address(request: Any) -> str | None:
    """The address the request came from, as far as it can be trusted.

    `X-Forwarded-For` is anyone's to write: it is read only when the request came from a
    configured proxy (`TRUSTED_PROXIES`), from the right, up to the first hop that is not
    a trusted proxy. A malformed hop ends the walk, so the trail never records a forged or
    unparsable value and never fails on one."""
    remote = _address(request.META.get("REMOTE_ADDR") or "")
    if remote is None:
        return None
    if _trusted(remote):
        for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
            address = _address(hop)
            if address is None:
                break
            remote = address
            if not _trusted(address):
                break
    return str(remote)


def bind_api_user(user: Any) -> None:
    """Tell django-auditlog who acts: the API authenticates after the middleware has run."""
    from auditlog.context import auditlog_value

    try:
        data = auditlog_value.get()
    except LookupError:
        return
    if data.get("actor") is None and getattr(user, "is_authenticated", False):
        data["actor"] = user
