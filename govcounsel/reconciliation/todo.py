"""What waits on the centre and on an organ's office (see core/todo.py): disputes with no
mediator yet and today's sessions; an organ without a mediator in the pool this year."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.todo import TodoCard, TodoItem
from govcounsel.disputes.models import Dispute
from govcounsel.organisations.choices import UnitKind
from govcounsel.organisations.models import Region, Unit

from . import selectors
from .choices import SessionStatus
from .models import MediationSession, Nomination, PoolRule
from .views import centre_paths, under

CENTRE = holds(Role.RECONCILIATION_ADMIN)
OFFICE = holds(Role.UNIT_ADMIN)


def awaiting(user: Any) -> Iterator[TodoCard]:
    disputes = Dispute.objects.visible_to(user).filter(
        under(centre_paths(user), "unit__region__path")
    )
    count = selectors.awaiting_mediator(disputes).count()
    if count:
        yield TodoCard(_("待委派和解调解员的争议"), count, reverse("reconciliation:awaiting"))


def sessions_today(user: Any) -> Iterator[TodoCard]:
    today = timezone.localdate()
    count = (
        MediationSession.objects.visible_to(user)
        .on(today)
        .filter(status=SessionStatus.SCHEDULED)
        .count()
    )
    if count:
        url = f"{reverse('reconciliation:sessions')}?day={today.isoformat()}&status=scheduled"
        yield TodoCard(_("今日和解调解会"), count, url)


def nomination_missing(user: Any) -> Iterator[TodoCard]:
    """002 §10: each organ under a centre's rule nominates one or two mediators a year; red
    once the rule's due date has passed."""
    today = timezone.localdate()
    units = list(
        Unit.objects.run_by(user)
        .filter(kind=UnitKind.GOVERNMENT_ORGAN, abolished_on__isnull=True)
        .select_related("region")[:50]
    )
    if not units:
        return
    above = {
        u.region.path[:end]
        for u in units
        for end in range(Region.steplen, len(u.region.path) + 1, Region.steplen)
    }
    rules = list(
        PoolRule.objects.in_force(today).filter(region__path__in=above).select_related("region")
    )
    governed = {
        u.pk: rule for u in units for rule in rules if u.region.path.startswith(rule.region.path)
    }
    if not governed:
        return
    nominated = set(
        Nomination.objects.counting()
        .filter(unit_id__in=governed, year=today.year)
        .values_list("unit_id", flat=True)
    )
    missing = [u for u in units if u.pk in governed and u.pk not in nominated]
    if missing:
        late = any(governed[u.pk].due_on(today.year) < today for u in missing)
        yield TodoCard(
            _("本年度未推荐和解调解员"),
            len(missing),
            reverse("reconciliation:nominate"),
            danger=late,
            note="、".join(u.name for u in missing[:5]),
        )


todo_items = [
    TodoItem(_("待委派争议"), CENTRE, "reconciliation:awaiting", cards=awaiting),
    TodoItem(_("今日和解调解会"), CENTRE, "reconciliation:sessions", cards=sessions_today),
    TodoItem(_("和解调解员推荐"), OFFICE, "reconciliation:nominate", cards=nomination_missing),
]
