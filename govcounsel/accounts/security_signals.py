"""API tokens end when their owner logs out or the password changes (MLPS 2.0 8.1.4.1 b));
each login through the pages keeps a row of its browser session (accounts/sessions.py); a
lockout tells the security administrators."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from govcounsel.core.context import client_address
from govcounsel.core.models import Notification
from govcounsel.core.notify import notify

from .choices import Role
from .notices import LOCKED_OUT
from .recipients import holders_of
from .sessions import UserSession
from .token_services import end_tokens_of


@receiver(user_logged_in)
def _keep_the_session(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key is None:  # a login without a browser session (an API client)
        return
    UserSession.objects.update_or_create(
        session_id=key,
        defaults={
            "user": user,
            "client_address": client_address(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:255],
        },
    )


@receiver(user_logged_out)
def _end_tokens_at_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        end_tokens_of(user, reason="logout", by=user)


@receiver(pre_save, sender=get_user_model())
def _end_tokens_at_password_change(
    sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any
) -> None:
    if instance.pk is None or kwargs.get("raw"):
        return
    if update_fields is not None and "password" not in update_fields:
        return
    before = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if before is not None and before != instance.password:
        end_tokens_of(instance, reason="password_changed")


@receiver(user_locked_out)
def _tell_the_security_administrators(
    sender: Any, request: Any, username: str | None = None, **kwargs: Any
) -> None:
    """Once per lockout of an existing account: guesses at names nobody holds tell no one,
    and further attempts while it stays locked add nothing."""
    account = get_user_model().objects.filter(username=username or "").first()
    if account is None:
        return
    # In the site's language, not that of whoever typed the passwords: the administrators
    # read it, and a lockout tried in two languages is still one lockout.
    with translation.override(settings.LANGUAGE_CODE):
        title = _("账号被锁定：%(name)s") % {"name": account.display_name}
        body = _("账号 %(username)s 连续登录失败已被锁定，请核实后在“被锁定的账号”中解除。") % {
            "username": account.username
        }
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    if Notification.objects.filter(kind=LOCKED_OUT, title=title, created_at__gte=since).exists():
        return
    notify(
        holders_of(Role.SECURITY_ADMIN),
        kind=LOCKED_OUT,
        title=title,
        body=body,
        url=reverse("accounts:lockouts"),
    )
