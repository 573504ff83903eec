"""Membership of the lawyers association (001 三(五))."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.people.models import Person

from ..models import AssociationMembership

# --- association membership (001 三(五)) -----------------------------------------------

_ASSOCIATION_ONLY = _("只有所在地律师协会可以登记会员。")


def _not_in_future(on: date, field: str, what: Any) -> None:
    if on > timezone.localdate():
        raise DomainError(
            "date_in_future",
            _("%(what)s%(on)s晚于今天，请核对日期。") % {"what": what, "on": on},
            field=field,
        )


@transaction.atomic
def record_membership(
    *, person: Person, by: Any, member_number: str, joined_on: date
) -> AssociationMembership:
    person = Person.objects.select_for_update().select_related("unit").get(pk=person.pk)
    ensure_can(by, "certificates.record_membership", person, _ASSOCIATION_ONLY)
    member_number = member_number.strip()
    if not member_number:
        raise DomainError("number_required", _("请填写会员证号。"), field="member_number")
    _not_in_future(joined_on, "joined_on", _("入会日期"))
    if AssociationMembership.objects.current().filter(person=person).exists():
        raise DomainError("already_member", _("该人员已是律师协会会员。"))
    membership = AssociationMembership.objects.create(
        person=person, member_number=member_number, joined_on=joined_on
    )
    record_event(
        "certificates.membership.recorded",
        membership,
        by=by,
        data={"member_number": member_number, "joined_on": str(joined_on)},
    )
    return membership


@transaction.atomic
def end_membership(
    *, membership: AssociationMembership, by: Any, ended_on: date, reason: str = ""
) -> AssociationMembership:
    """退会: the membership ends on the day given; the person then shows again among the
    public lawyers who are not members, until a new membership is recorded."""
    membership = (
        AssociationMembership.objects.select_for_update()
        .select_related("person__unit")
        .get(pk=membership.pk)
    )
    ensure_can(
        by,
        "certificates.record_membership",
        membership.person,
        _("只有所在地律师协会可以办理退会。"),
    )
    if not membership.is_current:
        raise DomainError(
            "membership_ended",
            _("该会员资格已于%(on)s终止。") % {"on": membership.ended_on},
        )
    _not_in_future(ended_on, "ended_on", _("退会日期"))
    if ended_on < membership.joined_on:
        raise DomainError(
            "end_before_joining",
            _("退会日期%(on)s早于入会日期%(joined)s，请核对日期。")
            % {"on": ended_on, "joined": membership.joined_on},
            field="ended_on",
        )
    membership.ended_on = ended_on
    membership.end_reason = reason.strip()
    membership.save(update_fields=["ended_on", "end_reason"])
    record_event(
        "certificates.membership.ended",
        membership,
        by=by,
        data={"ended_on": str(ended_on), "reason": membership.end_reason},
    )
    return membership
