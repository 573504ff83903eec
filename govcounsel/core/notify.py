"""Telling people: an in-app notification for each recipient, and an e-mail where they have
an address (Django's mail settings) and have not turned e-mail off for that kind.

Every notification has a declared kind, so that a person can choose, kind by kind, not to be
e-mailed (the inbox always gets the notice). A workflow verb's notices are declared on the
verb (`Verb(tell=Tell(...))`, core/verbs.py) and their kind, "<app.model>.<verb>", is
registered with the verb; notices sent outside a verb are declared in `<app>/notices.py`:

    SUPERVISION = kinds.register("matters.supervision", _("督办提醒"))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from .audit import record_event
from .errors import DomainError, NotPermitted
from .models import Notification, NotificationPreference


class NoticeKinds:
    """The declared kinds of notification, with the label a person reads on the settings
    page, in declaration order."""

    def __init__(self) -> None:
        self._labels: dict[str, Any] = {}
        self._discovered = False

    def register(self, kind: str, label: Any) -> str:
        known = self._labels.get(kind)
        if known is not None and str(known) != str(label):
            raise ImproperlyConfigured(f"notification kind {kind!r} declared twice")
        self._labels[kind] = label
        return kind

    def discover(self) -> None:
        """Import every app's `verbs` and `notices` modules, so that every kind is known."""
        if not self._discovered:
            self._discovered = True
            from . import verbs

            verbs.autodiscover()
            autodiscover_modules("notices")

    def label(self, kind: str) -> Any:
        self.discover()
        return self._labels.get(kind, kind)

    def __contains__(self, kind: object) -> bool:
        self.discover()
        return kind in self._labels

    def __iter__(self) -> Iterator[str]:
        self.discover()
        return iter(list(self._labels))

    def choices(self) -> list[tuple[str, Any]]:
        return [(kind, self._labels[kind]) for kind in self]


kinds = NoticeKinds()


def notify(
    recipients: Iterable[Any], *, kind: str, title: str, body: str = "", url: str = ""
) -> int:
    """Put the notice in each active recipient's inbox now, and e-mail those with an address
    who have not turned this kind off, once the transaction has committed (a rolled-back
    action sends no mail)."""
    if kind not in kinds:
        raise ImproperlyConfigured(f"notification kind {kind!r} is not declared")
    people = {user.pk: user for user in recipients if user is not None and user.is_active}
    if not people:
        return 0
    Notification.objects.bulk_create(
        [
            Notification(recipient=user, kind=kind, title=title, body=body, url=url)
            for user in people.values()
        ]
    )
    muted = set(
        NotificationPreference.objects.filter(
            user_id__in=list(people), kind=kind, email=False
        ).values_list("user_id", flat=True)
    )
    text = f"{body}\n\n{settings.SITE_URL}{url}" if url else body
    mails = [
        (title, text, None, [user.email])
        for user in people.values()
        if user.email and user.pk not in muted
    ]
    if mails:
        transaction.on_commit(lambda: send_mass_mail(mails, fail_silently=True))
    return len(people)


def email_muted(user: Any) -> set[str]:
    """The kinds this person is not e-mailed about."""
    return set(
        NotificationPreference.objects.filter(user_id=user.pk, email=False).values_list(
            "kind", flat=True
        )
    )


@transaction.atomic
def set_email_kinds(*, user: Any, by: Any, emailed: Iterable[str]) -> set[str]:
    """A person chooses which declared kinds to be e-mailed about (the rest are muted).
    Returns the kinds whose choice changed; the change is recorded."""
    if getattr(by, "pk", None) != user.pk:
        raise NotPermitted(_("只能修改本人的通知设置。"))
    wanted = set(emailed)
    declared = set(kinds)
    unknown = wanted - declared
    if unknown:
        raise DomainError(
            "unknown_kind", _("未知的通知类别：%(k)s") % {"k": "、".join(sorted(unknown))}
        )
    before = email_muted(user)
    after = declared - wanted
    changed = (before ^ after) & declared
    if not changed:
        return set()
    NotificationPreference.objects.filter(user_id=user.pk, kind__in=changed - after).delete()
    NotificationPreference.objects.bulk_create(
        [NotificationPreference(user_id=user.pk, kind=k, email=False) for k in changed & after]
    )
    record_event(
        "core.notification_settings.changed",
        user,
        by=by,
        data={"email_off": sorted(changed & after), "email_on": sorted(changed - after)},
    )
    return changed
