"""Telling people: an in-app notification for each recipient, and an e-mail where they have
an address (Django's mail settings)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail

from .models import Notification


def notify(recipients: Iterable[Any], *, title: str, body: str = "", url: str = "") -> int:
    people = {user.pk: user for user in recipients if user is not None and user.is_active}
    Notification.objects.bulk_create(
        [Notification(recipient=user, title=title, body=body, url=url) for user in people.values()]
    )
    mails = [
        (title, f"{body}\n\n{settings.SITE_URL}{url}" if url else body, None, [user.email])
        for user in people.values()
        if user.email
    ]
    if mails:
        send_mass_mail(mails, fail_silently=True)
    return len(people)
