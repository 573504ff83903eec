"""Membership of the lawyers association (001 三(五))."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.people.models import Person

from ..models import AssociationMembership

# --- association membership (001 三(五)) -----------------------------------------------


@transaction.atomic
def record_membership(
    *, person: Person, by: Any, member_number: str, joined_on: date
) -> AssociationMembership:
    ensure_can(by, "certificates.record_membership", person, _("只有所在地律师协会可以登记会员。"))
    if AssociationMembership.objects.filter(person=person, ended_on__isnull=True).exists():
        raise DomainError("already_member", _("该人员已是律师协会会员。"))
    membership = AssociationMembership.objects.create(
        person=person, member_number=member_number, joined_on=joined_on
    )
    record_event("certificates.membership.recorded", membership, by=by)
    return membership
