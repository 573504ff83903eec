"""Reads for queues (and the to-do items of certificates/todo.py); each starts from
visible_to(user)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from govcounsel.people.choices import EmploymentStatus
from govcounsel.people.models import Person, Qualification

from .choices import HELD_CERTIFICATE, OPEN_APPLICATION, ApplicationStatus
from .eligibility import readiness
from .models import (
    AssociationMembership,
    CaseQuerySet,
    Certificate,
    CertificateApplication,
)


def review_queue(user: Any) -> QuerySet[CertificateApplication]:
    """Applications waiting for the unit's office: to review, or reviewed and to submit."""
    return CertificateApplication.objects.visible_to(user).filter(
        status__in=[ApplicationStatus.APPLIED, ApplicationStatus.REVIEWED]
    )


def approval_queue(user: Any) -> QuerySet[CertificateApplication]:
    return CertificateApplication.objects.visible_to(user).filter(
        status=ApplicationStatus.SUBMITTED
    )


def open_cases(user: Any) -> CaseQuerySet:
    from .models import CancellationCase

    return CancellationCase.objects.visible_to(user).open()


def holders_without_membership(user: Any) -> QuerySet[Person]:
    """001 三(五): public lawyers who are not (or no longer) lawyers-association members."""
    current = AssociationMembership.objects.filter(person=OuterRef("pk"), ended_on__isnull=True)
    holding = Certificate.objects.filter(person=OuterRef("pk"), status__in=HELD_CERTIFICATE)
    return (
        Person.objects.visible_to(user)
        .filter(Exists(holding))
        .exclude(Exists(current))
        .select_related("unit")
    )


def qualified_not_applied(user: Any) -> QuerySet[Person]:
    """Staff in post holding a qualification, with no certificate and no application under way."""
    qualified = Qualification.objects.filter(person=OuterRef("pk"))
    holding = Certificate.objects.filter(person=OuterRef("pk"), status__in=HELD_CERTIFICATE)
    applying = CertificateApplication.objects.filter(
        person=OuterRef("pk"), status__in=OPEN_APPLICATION
    )
    return (
        Person.objects.visible_to(user)
        .filter(Exists(qualified), employment_status=EmploymentStatus.IN_POST)
        .exclude(Exists(holding))
        .exclude(Exists(applying))
        .select_related("unit")
        .prefetch_related("qualifications")
    )


def members(user: Any) -> QuerySet[AssociationMembership]:
    """The register of association memberships the user may see, current and ended."""
    return AssociationMembership.objects.visible_to(user).select_related("person__unit")


def certificate_panel(person: Person, user: Any) -> dict[str, Any]:
    """What the person page shows about applying and membership: each eligibility
    condition met or not and why, what else stands in the way, whether this user is
    offered the apply button, and the association membership (001 三(五))."""
    ready = readiness(person)
    memberships = list(AssociationMembership.objects.filter(person=person))
    return {
        "readiness": ready,
        # Offered only when the application would be accepted: not to holders, to retired
        # or otherwise ineligible people, or while an application is under way.
        "may_apply": ready.may_apply and user.has_perm("certificates.apply", person),
        "membership": next((m for m in memberships if m.is_current), None),
        "past_memberships": [m for m in memberships if not m.is_current],
        "may_record_membership": user.has_perm("certificates.record_membership", person),
    }
