"""Reads for the accounts app: what the home page shows each role (ADR 0016)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.certificates.selectors import todo_counts
from govcounsel.core.models import AuditEvent
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import LegalAdviser, Person

from .choices import ADMIN_DUTIES, DOMAIN_ROLES, Role
from .models import RoleGrant, User
from .scopes import grants_of, roles_of

# A card: label, value, and where it leads ("url" with an optional "query", or "admin").
Card = dict[str, object]


def overview_cards(user: Any) -> list[Card]:
    """The counts each role holds in its scope: the business roles their units, staff and
    advisers; each administrator duty what that duty watches."""
    roles = roles_of(user)
    cards: list[Card] = []
    if roles & DOMAIN_ROLES:
        cards += _business_cards(user)
    if Role.SYSTEM_ADMIN in roles:
        cards += [
            {"label": _("行政区域"), "value": Region.objects.count(), "url": "organisations:tree"},
            {"label": _("单位"), "value": Unit.objects.count(), "url": "organisations:units"},
        ]
    if Role.SECURITY_ADMIN in roles:
        cards += [
            {
                "label": _("账号"),
                "value": User.objects.filter(is_active=True).count(),
                "admin": "accounts/user",
            },
            {
                "label": _("24小时内登录失败"),
                "value": AuditEvent.objects.filter(
                    action="accounts.login.failed", at__gte=timezone.now() - timedelta(days=1)
                ).count(),
            },
        ]
    if Role.AUDIT_ADMIN in roles:
        since = timezone.now() - timedelta(days=1)
        cards += [
            {
                "label": _("24小时内审计事件"),
                "value": AuditEvent.objects.filter(at__gte=since).count(),
                "url": "audit:events",
            },
            {
                "label": _("24小时内拒绝访问"),
                "value": AuditEvent.objects.filter(action="access.denied", at__gte=since).count(),
                "url": "audit:events",
                "query": "action=access.denied",
            },
        ]
    return cards


def _business_cards(user: Any) -> list[Card]:
    today = timezone.localdate()
    people = Person.objects.visible_to(user)
    return [
        {
            "label": _("单位"),
            "value": Unit.objects.visible_to(user).count(),
            "url": "organisations:units",
        },
        {"label": _("人员"), "value": people.count(), "url": "people:list"},
        {
            "label": _("具有法律职业资格人员"),
            "value": people.filter(qualifications__isnull=False).distinct().count(),
            "url": "people:list",
            "query": "qualified=true",
        },
        {
            "label": _("在任法律顾问"),
            "value": LegalAdviser.objects.visible_to(user).in_service(today).count(),
            "url": "people:advisers",
            "query": f"in_service_on={today:%Y-%m-%d}",
        },
    ]


@dataclass
class HomePage:
    """The home page of one user: to-do cards, overview cards, the roles they hold."""

    cards: list[Card]
    todo: list[Card]
    grants: list[RoleGrant]
    is_admin_duty: bool

    def context(self) -> dict[str, Any]:
        return {
            "cards": self.cards,
            "todo": self.todo,
            "grants": self.grants,
            "is_admin_duty": self.is_admin_duty,
        }


def home_page(user: Any) -> HomePage:
    roles = roles_of(user)
    return HomePage(
        cards=overview_cards(user),
        todo=todo_counts(user) if roles & DOMAIN_ROLES else [],
        grants=grants_of(user),
        is_admin_duty=bool(roles & ADMIN_DUTIES),
    )
