"""Reads for the accounts app: what the home page shows each role (ADR 0016), and the
security administrator's lists of locked accounts and signed-in sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q, QuerySet, Sum
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.models import AuditEvent
from govcounsel.core.todo import TodoCard, items_for, todo_for
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import LegalAdviser, Person

from .choices import ADMIN_DUTIES, DOMAIN_ROLES, Role
from .models import RoleGrant, User
from .scopes import grants_of, roles_of
from .sessions import UserSession

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
    """The home page of one user: to-do cards (declared by the apps, core/todo.py), overview
    cards, the roles they hold. `has_todo` says whether anything may wait on the user at
    all: the page then says "暂无待办" when nothing does."""

    cards: list[Card]
    todo: list[TodoCard]
    grants: list[RoleGrant]
    is_admin_duty: bool
    has_todo: bool = False

    @property
    def waiting(self) -> bool:
        return any(card.waiting for card in self.todo)

    def context(self) -> dict[str, Any]:
        return {
            "cards": self.cards,
            "todo": self.todo,
            "has_todo": self.has_todo,
            "waiting": self.waiting,
            "grants": self.grants,
            "is_admin_duty": self.is_admin_duty,
        }


def home_page(user: Any) -> HomePage:
    roles = roles_of(user)
    return HomePage(
        cards=overview_cards(user),
        todo=todo_for(user),
        grants=grants_of(user),
        is_admin_duty=bool(roles & ADMIN_DUTIES),
        has_todo=bool(items_for(user)),
    )


# --- Login security: the security administrator's page ---------------------------------


@dataclass
class Lockout:
    """An account name locked by failed logins (django-axes): who, how many failures, the
    address of the last one, when it happened and when the lock lifts by itself."""

    username: str
    failures: int
    last_at: datetime
    address: str | None
    user: User | None

    @property
    def name(self) -> str:
        return self.user.display_name if self.user is not None else self.username

    @property
    def until(self) -> datetime:
        return self.last_at + get_cool_off()


def _accounts_named(q: str) -> QuerySet[User]:
    """Accounts whose user name or full name (姓 + 名) contains `q`."""
    return User.objects.annotate(full_name=Concat("last_name", "first_name")).filter(
        Q(username__icontains=q) | Q(full_name__icontains=q)
    )


def locked_accounts(q: str = "") -> QuerySet[Any]:
    """One row per locked account name — `username`, `failures`, `last_at` — latest first.

    As django-axes decides (AXES_LOCKOUT_PARAMETERS = username): the failures recorded for
    the name within the cool-off period, from any address, reach the failure limit."""
    since = timezone.now() - get_cool_off()
    attempts = AccessAttempt.objects.filter(attempt_time__gte=since, username__isnull=False)
    q = q.strip()
    if q:
        attempts = attempts.filter(
            Q(username__icontains=q) | Q(username__in=_accounts_named(q).values("username"))
        )
    return (
        attempts.values("username")
        .annotate(failures=Sum("failures_since_start"), last_at=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_at", "username")
    )


def lockouts_of(rows: Any) -> list[Lockout]:
    """The rows of one page of `locked_accounts`, with their accounts and last addresses
    (two queries for the page)."""
    rows = list(rows)
    names = [row["username"] for row in rows]
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    address: dict[str, str | None] = {}
    for name, ip in (
        AccessAttempt.objects.filter(username__in=names)
        .order_by("username", "-attempt_time")
        .values_list("username", "ip_address")
    ):
        address.setdefault(name, ip)
    return [
        Lockout(
            row["username"],
            row["failures"],
            row["last_at"],
            address.get(row["username"]),
            users.get(row["username"]),
        )
        for row in rows
    ]


def active_sessions(q: str = "") -> QuerySet[UserSession]:
    """Signed-in browsers whose session has not expired, latest login first."""
    sessions = UserSession.objects.filter(session__expire_date__gt=timezone.now()).select_related(
        "user", "session"
    )
    q = q.strip()
    if q:
        sessions = sessions.filter(user__in=_accounts_named(q))
    return sessions
