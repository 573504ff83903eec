"""Signed-in browsers, one row per session, so that the security administrator can see each
account's sessions and end one (MLPS 2.0 GB/T 22239-2019 8.1.4.1: 登录失败处理、会话管理).

Django's database sessions keep the account id inside the encoded session data: they cannot
be listed by account without decoding every one. A `UserSession` is written at login
(security_signals) and points at its session row, which it follows when the key changes
(`SessionStore.cycle_key`: the second factor and a password change both renew the key); it
goes with the session row, at logout, when the session is ended and when expired sessions
are cleared (`clearsessions`), by the database's cascade."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserSession(models.Model):
    """A browser signed in to an account: when, from which address, with which browser."""

    session = models.OneToOneField(
        "sessions.Session", verbose_name=_("会话"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("账号"),
        on_delete=models.CASCADE,
        related_name="browser_sessions",
    )
    started_at = models.DateTimeField(_("登录时间"), default=timezone.now)
    client_address = models.GenericIPAddressField(_("登录地址"), null=True, blank=True)
    user_agent = models.CharField(_("浏览器"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("登录会话")
        verbose_name_plural = _("登录会话")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} ({self.started_at:%Y-%m-%d %H:%M})"

    @property
    def last_active(self) -> Any:
        """The last request: every request moves the expiry by the idle limit."""
        return self.session.expire_date - timedelta(seconds=settings.SESSION_COOKIE_AGE)


class SessionStore(DatabaseSessionStore):
    """Django's database sessions, whose `UserSession` follows a renewed key."""

    def cycle_key(self) -> None:
        # Django's own steps, with the move of the UserSession between the new row and the
        # deletion of the old one (whose cascade would otherwise take it).
        data = dict(self.items())
        key = self.session_key
        self.create()
        self._session_cache = data
        if key:
            UserSession.objects.filter(session_id=key).update(session_id=self.session_key)
            self.delete(key)
