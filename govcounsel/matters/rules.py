"""The unit's rule-of-law office assigns, returns and evaluates; the lawyer answers and writes."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.certificates.rules import runs_the_unit_of
from govcounsel.core.scoping import in_reach


@rules.predicate
def is_assigned_lead(user: Any, matter: Any) -> bool:
    person_id = getattr(user, "person_id", None)
    lead = matter.lead if matter is not None else None
    return bool(person_id and lead is not None and lead.person_id == person_id)


rules.add_perm("matters.run", runs_the_unit_of)  # obj: the matter or its unit
rules.add_perm("matters.handle", is_assigned_lead)  # obj: the matter


@rules.predicate
def heads_the_system_of(user: Any, request: Any) -> bool:
    """The superior unit's administrator, for requests addressed to its vertical system."""
    superior = getattr(request, "superior", None)
    if superior is None:
        return False
    # In memory, through Unit's declared lookups: the system path decides, no query.
    return in_reach(user, "superior_admin", superior)


rules.add_perm("matters.dispatch", heads_the_system_of)  # obj: the dispatch request


@rules.predicate
def supervises_region_of(user: Any, matter: Any) -> bool:
    """The rule-of-law committee office over the matter's region (000 #11 督办)."""
    if matter is None or getattr(matter, "confidential", False):
        return False
    return in_reach(user, "supervisor", matter.unit.region)


rules.add_perm("matters.remind", runs_the_unit_of | supervises_region_of)  # obj: the matter


@rules.predicate
def heads_a_system(user: Any) -> bool:
    """A superior unit's administrator: keeps the shared list of fields of expertise."""
    from govcounsel.organisations.models import Unit

    if not getattr(user, "is_authenticated", False):
        return False
    return Unit.objects.heads_for(user).exists()


@rules.predicate
def heads_the_pool_of(user: Any, person: Any) -> bool:
    """The person is a lawyer of the talent pool of a system the user heads (001 一(三))."""
    from govcounsel.organisations.models import Unit

    from .selectors import talent_pool

    if person is None or not getattr(user, "is_authenticated", False):
        return False
    return any(
        talent_pool(head).filter(pk=person.pk).exists() for head in Unit.objects.heads_for(user)
    )


rules.add_perm("matters.manage_expertise", heads_a_system)
rules.add_perm("matters.tag_expertise", heads_the_pool_of)  # obj: the person
