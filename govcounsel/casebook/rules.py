"""The organ's office nominates its own disputes; the justice bureau of the organ's region
reviews, edits, publishes and compiles (002 §18)."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.certificates.rules import runs_the_unit_of
from govcounsel.core.scoping import in_reach


@rules.predicate
def bureau_of_region(user: Any, obj: Any) -> bool:
    """The justice bureau over a region, or over the region of a case's (or a unit's) organ."""
    from govcounsel.organisations.models import Region

    if obj is None:
        return False
    region = obj if isinstance(obj, Region) else getattr(obj, "region", None)
    if region is None:
        unit = getattr(obj, "unit", None)
        region = unit.region if unit is not None else None
    return region is not None and in_reach(user, Role.JUSTICE_BUREAU, region)


# obj: the dispute (or its unit)
rules.add_perm("casebook.nominate", runs_the_unit_of)
# obj: the typical case
rules.add_perm("casebook.review", bureau_of_region)
# obj: the region
rules.add_perm("casebook.compile", bureau_of_region)
# The compilations page: the bureaus that issue them and the supervisors that read them.
rules.add_perm("casebook.read_compilations", holds(Role.JUSTICE_BUREAU, Role.SUPERVISOR))
