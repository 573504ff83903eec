"""Reads of training: whose compliance a reader sees, and what waits on whom."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from govcounsel.accounts.choices import TRAINING_REGION_ROLES, UNIT_ROLES, Role
from govcounsel.accounts.scopes import has_role
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

from .compliance import Standing, standings

READERS = TRAINING_REGION_ROLES | UNIT_ROLES


def reads_compliance(user: Any) -> bool:
    """The region's supervisor, bureau and association and the unit offices read the
    compliance of the lawyers in their reach (not the reconciliation centre)."""
    return has_role(user, READERS)


def compliance_people(user: Any) -> QuerySet[Person]:
    """The staff whose compliance the reader sees: through the people's own scoping, for
    the training readers only; a lawyer sees their own."""
    if reads_compliance(user):
        return Person.objects.visible_to(user)
    person_id = getattr(user, "person_id", None)
    return Person.objects.filter(pk=person_id) if person_id else Person.objects.none()


def standings_for(
    user: Any, year: int, *, region: Region | None = None, unit: Unit | None = None
) -> list[Standing]:
    people = compliance_people(user)
    if region is not None:
        people = people.filter(unit__region__path__startswith=region.path)
    if unit is not None:
        people = people.filter(unit=unit)
    return standings(people, year)


def my_standing(user: Any, year: int | None = None) -> Standing | None:
    person_id = getattr(user, "person_id", None)
    if not person_id:
        return None
    rows = standings(Person.objects.filter(pk=person_id), year or timezone.localdate().year)
    return rows[0] if rows else None


def region_bodies(user: Any) -> QuerySet[Region]:
    """The regions where the user is the justice bureau or the association."""
    return Region.objects.filter(
        pk__in=Region.objects.reached_by(user, Role.JUSTICE_BUREAU).values("pk")
    ) | Region.objects.filter(pk__in=Region.objects.reached_by(user, Role.ASSOCIATION).values("pk"))
