"""API tokens that expire, are stored hashed and can be revoked (MLPS 2.0 8.1.4.2 身份鉴别:
session end and re-authentication; 8.1.4.1 a), b)). ADR 0012.

A client sends `Authorization: Token <key>`. Only the SHA-256 digest of the key is kept: the
key has 256 random bits, so a slow hash would add nothing. A token ends after
`API_TOKEN_IDLE_HOURS` without use, `API_TOKEN_MAX_DAYS` after it was issued, when its owner
logs out or changes the password, and when the owner or the security administrator revokes it.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

# Writing last use on every request would turn each read into a write; a minute is enough
# precision for an idle limit counted in hours.
_TOUCH_EVERY = timedelta(minutes=1)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def idle_limit() -> timedelta:
    return timedelta(hours=settings.API_TOKEN_IDLE_HOURS)


def absolute_limit() -> timedelta:
    return timedelta(days=settings.API_TOKEN_MAX_DAYS)


class ApiToken(models.Model):
    """An API access token of one account; only the hash of its key is stored (MLPS 8.1.4.2)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("账号"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    key_hash = models.CharField(_("令牌摘要"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        _("令牌前缀"), max_length=8, editable=False, help_text=_("用于识别令牌，不能用于登录。")
    )
    created_at = models.DateTimeField(_("签发时间"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("最近使用时间"), default=timezone.now)
    expires_at = models.DateTimeField(_("最迟失效时间"))
    client_address = models.GenericIPAddressField(_("签发时地址"), null=True, blank=True)

    class Meta:
        verbose_name = _("接口令牌")
        verbose_name_plural = _("接口令牌")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}…"

    @property
    def idle_expires_at(self) -> Any:
        return self.last_used_at + idle_limit()

    @property
    def ends_at(self) -> Any:
        """When the token ends if it is not used again."""
        return min(self.expires_at, self.idle_expires_at)

    def is_expired(self, now: Any = None) -> bool:
        return (now or timezone.now()) >= self.ends_at


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, checked against the stored hash and both time limits."""

    keyword = "Token"

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        token = ApiToken.objects.select_related("user").filter(key_hash=digest(key)).first()
        now = timezone.now()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("令牌无效或已失效，请重新获取。"))
        if token.is_expired(now):
            token.delete()
            raise exceptions.AuthenticationFailed(_("令牌无效或已失效，请重新获取。"))
        if now - token.last_used_at >= _TOUCH_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token
