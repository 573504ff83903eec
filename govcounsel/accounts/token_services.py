"""Issuing and ending API tokens; every issue and every end is an audit event."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from govcounsel.core.audit import record_event
from govcounsel.core.context import current

from .choices import Role
from .scopes import has_role
from .tokens import ApiToken, absolute_limit, digest


def issue_token(*, user: Any) -> tuple[ApiToken, str]:
    """A new token for `user`; the key is returned once and never stored."""
    key = secrets.token_urlsafe(32)
    now = timezone.now()
    ctx = current()
    token = ApiToken.objects.create(
        user=user,
        key_hash=digest(key),
        prefix=key[:8],
        created_at=now,
        last_used_at=now,
        expires_at=now + absolute_limit(),
        client_address=ctx.client_address if ctx else None,
    )
    record_event("accounts.token.issued", user, by=user, data={"token": token.prefix})
    return token, key


def tokens_visible_to(user: Any) -> QuerySet[ApiToken]:
    """The owner sees their own tokens; the security administrator sees everyone's."""
    qs = ApiToken.objects.select_related("user")
    if has_role(user, {Role.SECURITY_ADMIN}):
        return qs
    return qs.filter(user_id=user.pk)


@transaction.atomic
def revoke_token(*, token: ApiToken, by: Any) -> None:
    record_event(
        "accounts.token.revoked",
        token.user,
        by=by,
        data={"token": token.prefix, "reason": "revoked"},
    )
    token.delete()


def end_tokens_of(user: Any, *, reason: str, by: Any = None) -> int:
    """End every token of `user` (logout, password change); one audit event if any ended.
    `by` defaults to whoever acts in the current request."""
    prefixes = list(ApiToken.objects.filter(user_id=user.pk).values_list("prefix", flat=True))
    if not prefixes:
        return 0
    ApiToken.objects.filter(user_id=user.pk).delete()
    record_event(
        "accounts.token.revoked",
        user,
        by=by,
        data={"tokens": prefixes, "reason": reason},
    )
    return len(prefixes)
