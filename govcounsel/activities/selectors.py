"""Reads of activities: whom a user may record for, and the register's rows."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from govcounsel.certificates.choices import CertificateStatus
from govcounsel.certificates.models import Certificate
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from .models import Activity


def recordable_people(user: Any) -> QuerySet[Person]:
    """The public lawyers the user may record an activity for: themself (a lawyer), and the
    certified lawyers of the units whose office the user is."""
    mine = Q(pk=getattr(user, "person_id", None) or 0)
    certified = Exists(
        Certificate.objects.filter(person=OuterRef("pk"), status=CertificateStatus.ACTIVE)
    )
    return (
        Person.objects.visible_to(user)
        .filter(mine | Q(unit__in=Unit.objects.run_by(user)))
        .filter(certified)
        .select_related("unit")
        .order_by("unit__name", "name_pinyin", "pk")
    )


def may_record(user: Any) -> bool:
    """Whether the user has anyone to record an activity for (the menu and the new button)."""
    return bool(getattr(user, "is_authenticated", False)) and recordable_people(user).exists()


def register(user: Any) -> QuerySet[Activity]:
    return Activity.objects.visible_to(user).select_related("unit", "recorded_by")
