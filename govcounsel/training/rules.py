"""Who sets training requirements, runs plans, enrols, records attendance and verifies
claims (000 #9, 001 三(二), 三(五))."""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q

from govcounsel.accounts.choices import Role
from govcounsel.certificates.choices import HELD_CERTIFICATE
from govcounsel.certificates.rules import runs_the_unit_of
from govcounsel.core.scoping import in_reach

REGION_BODIES = (Role.JUSTICE_BUREAU, Role.ASSOCIATION)


def _region_of(obj: Any) -> Any:
    from govcounsel.organisations.models import Region

    if isinstance(obj, Region):
        return obj
    unit = getattr(obj, "unit", None)
    return getattr(unit, "region", None) if unit is not None else getattr(obj, "region", None)


@rules.predicate
def region_body_over(user: Any, obj: Any) -> bool:
    """The justice bureau or the lawyers association of the region (a region, or the region
    of a person's or an object's unit)."""
    region = _region_of(obj)
    return region is not None and any(in_reach(user, role, region) for role in REGION_BODIES)


@rules.predicate
def owns_plan(user: Any, obj: Any) -> bool:
    """The body that made the plan (obj: a plan, a course, an enrolment)."""
    plan = getattr(obj, "plan", None) or getattr(getattr(obj, "course", None), "plan", obj)
    if plan is None:
        return False
    if plan.unit_id:
        return runs_the_unit_of(user, plan.unit)
    role = Role.ASSOCIATION if plan.owner_kind == "association" else Role.JUSTICE_BUREAU
    return in_reach(user, role, plan.region)


def in_audience(course: Any, person: Any) -> bool:
    """Whether a person may take a place on the course: the lawyers of the plan's unit (and
    of its system when it heads one), or of the units under the plan's region."""
    unit = getattr(person, "unit", None)
    if unit is None:
        return False
    plan = course.plan
    if plan.unit_id:
        return unit.pk == plan.unit_id or unit.system_path.startswith(plan.unit.system_path or "-")
    return unit.region.path.startswith(plan.region.path)


@rules.predicate
def lawyer_in_audience(user: Any, course: Any) -> bool:
    """A public lawyer whose unit the course is for."""
    person = getattr(user, "person", None)
    return (
        person is not None
        and person.certificates.filter(status__in=HELD_CERTIFICATE).exists()
        and in_audience(course, person)
    )


@rules.predicate
def office_in_audience(user: Any, course: Any) -> bool:
    """An office running a unit the course is for."""
    from govcounsel.organisations.models import Unit

    plan = course.plan
    units = Unit.objects.run_by(user)
    if plan.unit_id:
        return units.filter(
            Q(pk=plan.unit_id) | Q(system_path__startswith=plan.unit.system_path or "-")
        ).exists()
    return units.filter(region__path__startswith=plan.region.path).exists()


@rules.predicate
def enrolled_on(user: Any, course: Any) -> bool:
    person_id = getattr(user, "person_id", None)
    return (
        bool(person_id)
        and course.enrolments.filter(person_id=person_id, cancelled_at__isnull=True).exists()
    )


@rules.predicate
def is_the_person(user: Any, person: Any) -> bool:
    return person is not None and getattr(user, "person_id", None) == person.pk


@rules.predicate
def claim_verifier(user: Any, claim: Any) -> bool:
    return region_body_over(user, claim.person)


@rules.predicate
def sample_worker(user: Any, item: Any) -> bool:
    return region_body_over(user, item.sample)


# obj: the region
rules.add_perm("training.set_requirement", region_body_over)
rules.add_perm("training.draw_sample", region_body_over)
# obj: the person
rules.add_perm("training.exempt", region_body_over)
rules.add_perm("training.claim", is_the_person)
# obj: the plan, course or enrolment
rules.add_perm("training.run_plan", owns_plan)
# obj: the course
rules.add_perm("training.enrol_self", lawyer_in_audience)
rules.add_perm("training.enrol_lawyers", office_in_audience)
rules.add_perm("training.check_in", enrolled_on)
# obj: the claim
rules.add_perm("training.verify_claim", claim_verifier)
# obj: the sample item
rules.add_perm("training.work_sample", sample_worker)
