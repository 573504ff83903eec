"""Who opens, prepares, nominates for and decides award cycles (002 §19)."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import CASEWORK_REGION_ROLES, UNIT_ROLES
from govcounsel.accounts.predicates import holds, holds_business_role
from govcounsel.core.scoping import in_reach


def _region_of(obj: Any) -> Any:
    region = getattr(obj, "region", None)
    if region is not None:
        return region
    cycle = getattr(obj, "cycle", None)
    return cycle.region if cycle is not None else obj


@rules.predicate
def supervises(user: Any, obj: Any) -> bool:
    """The rule-of-law committee office of the region, acting for its government (002 §19)."""
    return obj is not None and in_reach(user, "supervisor", _region_of(obj))


@rules.predicate
def bureau_prepares(user: Any, obj: Any) -> bool:
    """The justice bureau of the region, which prepares the selection."""
    return obj is not None and in_reach(user, "justice_bureau", _region_of(obj))


@rules.predicate
def runs_a_unit_of_the_region(user: Any, cycle: Any) -> bool:
    """The rule-of-law office of a unit of the cycle's region: nominates itself or its
    lawyers."""
    from govcounsel.organisations.models import Unit

    if cycle is None or not getattr(user, "is_authenticated", False):
        return False
    return Unit.objects.run_by(user).filter(region__path__startswith=cycle.region.path).exists()


@rules.predicate
def runs_the_candidates_unit(user: Any, candidate: Any) -> bool:
    from govcounsel.organisations.models import Unit

    if candidate is None or not getattr(user, "is_authenticated", False):
        return False
    return Unit.objects.run_by(user).filter(pk=candidate.unit_id).exists()


# obj: the region
rules.add_perm("awards.manage_rule", supervises)
rules.add_perm("awards.open_cycle", supervises)
# obj: the cycle
rules.add_perm("awards.prepare", bureau_prepares)
rules.add_perm("awards.nominate", runs_a_unit_of_the_region)
rules.add_perm("awards.decide", supervises)
# obj: the candidate
rules.add_perm("awards.withdraw_candidate", bureau_prepares | runs_the_candidates_unit)
# Pages: the business roles read the selections; the register of lawyers awarded more than
# once is for those who recommend and promote them (002 §19).
reads_awards = holds_business_role
reads_repeated = holds(*sorted(CASEWORK_REGION_ROLES | UNIT_ROLES))
rules.add_perm("awards.read", reads_awards)
rules.add_perm("awards.read_repeated", reads_repeated)
