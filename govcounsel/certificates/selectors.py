"""Reads for to-do lists and queues; each starts from visible_to(user)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.scopes import roles_of
from govcounsel.people.choices import EmploymentStatus
from govcounsel.people.models import Person, Qualification

from .choices import HELD_CERTIFICATE, OPEN_APPLICATION, ApplicationStatus
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


def todo_counts(user: Any) -> list[dict[str, object]]:
    """The to-do cards of the home page for the roles the user holds."""
    roles = roles_of(user)
    cards: list[dict[str, object]] = []
    if roles & {Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN}:
        cards.append(
            {
                "label": _("待审核、待申报的申请"),
                "value": review_queue(user).count(),
                "url": "certificates:applications",
                "query": "queue=review",
            }
        )
        cards.append(
            {
                "label": _("具有资格但未申请"),
                "value": qualified_not_applied(user).count(),
                "url": "certificates:qualified",
            }
        )
    if Role.JUSTICE_BUREAU in roles:
        cards.append(
            {
                "label": _("待审批的申请"),
                "value": approval_queue(user).count(),
                "url": "certificates:applications",
                "query": "queue=approval",
            }
        )
    if roles & {Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN, Role.JUSTICE_BUREAU}:
        cases = open_cases(user)
        cards.append(
            {
                "label": _("待办注销案件"),
                "value": cases.count(),
                "url": "certificates:cases",
                "query": "status=open",
            }
        )
        cards.append(
            {
                "label": _("超期注销案件"),
                "value": cases.overdue().count(),
                "url": "certificates:cases",
                "query": "overdue=true",
                "danger": True,
            }
        )
    if Role.ASSOCIATION in roles:
        cards.append(
            {
                "label": _("未入会的公职律师"),
                "value": holders_without_membership(user).count(),
                "url": "certificates:non-members",
            }
        )
    return cards
