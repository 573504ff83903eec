"""Who keeps the pool, who nominates, who assigns (002 §10)."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import Role
from govcounsel.certificates.rules import runs_the_unit_of
from govcounsel.core.scoping import in_reach


def _region_of(obj: Any) -> Any:
    """The region whose centre acts on the object: a region, a rule's, a dispute's organ's,
    or that of the dispute of a draw, an assignment or a session."""
    from govcounsel.organisations.models import Region

    if obj is None or isinstance(obj, Region):
        return obj
    if hasattr(obj, "region"):
        return obj.region
    dispute = getattr(obj, "dispute", obj)
    unit = getattr(dispute, "unit", None)
    return unit.region if unit is not None else None


@rules.predicate
def centre_over(user: Any, obj: Any) -> bool:
    """The reconciliation centre of the region (or one above it)."""
    region = _region_of(obj)
    return region is not None and in_reach(user, Role.RECONCILIATION_ADMIN, region)


@rules.predicate
def oversees_region_of(user: Any, obj: Any) -> bool:
    """The rule-of-law committee office or the justice bureau over the dispute's region."""
    region = _region_of(obj)
    return region is not None and (
        in_reach(user, Role.SUPERVISOR, region) or in_reach(user, Role.JUSTICE_BUREAU, region)
    )


@rules.predicate
def office_of_the_dispute(user: Any, obj: Any) -> bool:
    dispute = getattr(obj, "dispute", None)
    return dispute is not None and runs_the_unit_of.test(user, dispute)


@rules.predicate
def office_of_the_nominee(user: Any, nomination: Any) -> bool:
    return nomination is not None and runs_the_unit_of.test(user, nomination.unit)


@rules.predicate
def keeps_a_pool(user: Any) -> bool:
    from govcounsel.accounts.scopes import roles_of

    return Role.RECONCILIATION_ADMIN in roles_of(user)


rules.add_perm("reconciliation.keep_pool", centre_over)  # obj: the region or the rule
rules.add_perm("reconciliation.nominate", runs_the_unit_of)  # obj: the unit or the nomination
rules.add_perm("reconciliation.assign", centre_over)  # obj: a dispute, assignment or session
# 复核抽取: whoever answers for the dispute may re-run its draw and see it give the same.
rules.add_perm(
    "reconciliation.verify", centre_over | oversees_region_of | office_of_the_dispute
)  # obj: the draw
