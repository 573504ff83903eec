"""Rate limits on logging in, per account and per client address (MLPS 2.0 8.1.4.1 b):
login failure handling; GB/T 22239 限制非法登录次数).

django-axes still locks an account name after five failures; these limits also count
successful attempts and two-factor codes, and slow down one address trying many names.
The HTML login and the token endpoint share the counters, so switching between them buys
nothing. The counts live in the `ratelimit` cache, which every worker must share: Redis
when `REDIS_URL` is set, else a database table (ADR 0012)."""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _
from rest_framework.throttling import BaseThrottle

from govcounsel.core.audit import record_event
from govcounsel.core.context import client_address

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def message(wait: int) -> str:
    return str(_("登录尝试过于频繁，请%(seconds)s秒后再试。") % {"seconds": wait})


def _parse(rate: str) -> tuple[int, int]:
    number, period = rate.split("/")
    return int(number), _PERIODS[period.strip()[0]]


def _hit(scope: str, ident: str) -> int | None:
    """Count one attempt; the seconds to wait when the window's allowance is used up."""
    allowed, period = _parse(settings.LOGIN_RATE_LIMITS[scope])
    now = time.time()
    window = int(now // period)
    key = f"login-rate:{scope}:{ident}:{window}"
    cache = caches["ratelimit"]
    if cache.add(key, 1, period + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, period + 1)
            count = 1
    if count > allowed:
        return int(period - now % period) + 1
    return None


def check_login(request: Any, username: str) -> int | None:
    """Count a login attempt by `username` from the request's address; None if allowed,
    else the seconds to wait. A refused attempt is recorded."""
    address = client_address(request) or "unknown"
    account = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    waits = [w for w in (_hit("address", address), _hit("account", account)) if w]
    if not waits:
        return None
    record_event(
        "accounts.login.throttled",
        data={"username": username[:150]},
        client_address=address if address != "unknown" else None,
    )
    return max(waits)


class LoginRateThrottle(BaseThrottle):
    """DRF throttle for the token endpoint, on the same counters as the HTML login."""

    wait_seconds: int | None = None

    def allow_request(self, request: Any, view: Any) -> bool:
        if request.method != "POST":
            return True
        username = request.data.get("username", "") if hasattr(request.data, "get") else ""
        self.wait_seconds = check_login(request, str(username))
        return self.wait_seconds is None

    def wait(self) -> float | None:
        return self.wait_seconds
