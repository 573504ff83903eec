"""What the casebook's pages read."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from govcounsel.accounts.choices import Role
from govcounsel.disputes.models import Dispute
from govcounsel.organisations.models import Unit

from .choices import CaseStatus
from .models import Compilation, TypicalCase


def _bureau_cases(user: Any) -> QuerySet[TypicalCase]:
    """The cases of the organs in the regions the user's justice-bureau grants reach (the
    case's own Scoping reaches regions only through `also`, which `reached_by` leaves out)."""
    return TypicalCase.objects.filter(unit__in=Unit.objects.reached_by(user, Role.JUSTICE_BUREAU))


def review_queue(user: Any) -> QuerySet[TypicalCase]:
    """Nominations waiting on the justice bureau."""
    return _bureau_cases(user).filter(status=CaseStatus.NOMINATED)


def editing_queue(user: Any) -> QuerySet[TypicalCase]:
    return _bureau_cases(user).filter(status=CaseStatus.EDITING)


def nominable(user: Any) -> QuerySet[Dispute]:
    """The resolved disputes of the organs the user's office runs, not yet nominated."""
    units = Unit.objects.run_by(user)
    return (
        Dispute.objects.resolved()
        .filter(unit__in=units, typical_case__isnull=True)
        .select_related("unit")
        .order_by("-closed_at", "-id")
    )


def public_cases() -> QuerySet[TypicalCase]:
    """Published cases with the version the public reads; nothing else is loaded."""
    return (
        TypicalCase.objects.published()
        .select_related("current_revision")
        .only(
            "id",
            "status",
            "current_revision__id",
            "current_revision__number",
            "current_revision__title",
            "current_revision__subtitle",
            "current_revision__facts",
            "current_revision__resolution",
            "current_revision__key_points",
            "current_revision__year",
            "current_revision__sector",
            "current_revision__published_at",
        )
        .order_by("-current_revision__year", "-current_revision__published_at", "-id")
    )


def compilations(user: Any) -> QuerySet[Compilation]:
    return Compilation.objects.visible_to(user).select_related("document", "region")
