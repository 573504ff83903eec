"""The unit's rule-of-law office assigns, returns and evaluates; the lawyer answers and writes."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.certificates.rules import runs_the_unit_of


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
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.scopes import scope_for

    superior = getattr(request, "superior", None)
    if superior is None:
        return False
    paths = scope_for(user, {Role.SUPERIOR_ADMIN}).system_paths
    return any(superior.system_path.startswith(path) for path in paths)


rules.add_perm("matters.dispatch", heads_the_system_of)  # obj: the dispatch request
