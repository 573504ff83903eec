"""API tokens end when their owner logs out or the password changes (MLPS 2.0 8.1.4.1 b));
each login through the pages keeps a row of its browser session (accounts/sessions.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import pre_save
from django.dispatch import receiver

from govcounsel.core.context import client_address

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
