"""API tokens end when their owner logs out or the password changes (MLPS 2.0 8.1.4.1 b))."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import pre_save
from django.dispatch import receiver

from .token_services import end_tokens_of


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
