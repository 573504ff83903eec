"""Who registers, works and reads administrative disputes (002 §5, §8, §9, §10)."""

from __future__ import annotations

from typing import Any

import rules

from govcounsel.accounts.choices import Role
from govcounsel.certificates.rules import runs_the_unit_of
from govcounsel.core.scoping import in_reach


def _unit_of(obj: Any) -> Any:
    from govcounsel.organisations.models import Unit

    return obj if isinstance(obj, Unit) else getattr(obj, "unit", None)


@rules.predicate
def centre_over(user: Any, obj: Any) -> bool:
    """The reconciliation centre of the region the organ lies in (002 §7, §10)."""
    unit = _unit_of(obj)
    return unit is not None and in_reach(user, Role.RECONCILIATION_ADMIN, unit.region)


@rules.predicate
def registered_by_this_centre(user: Any, dispute: Any) -> bool:
    return bool(getattr(dispute, "registered_by_centre", False)) and centre_over(user, dispute)


@rules.predicate
def works_on(user: Any, dispute: Any) -> bool:
    """One of the organ's public lawyers on the dispute now (not a centre mediator)."""
    person_id = getattr(user, "person_id", None)
    if not person_id or dispute is None:
        return False
    return any(
        row.person_id == person_id and row.is_active and not row.mediator
        for row in dispute.lawyers.all()
    )


# The organ's office registers and works its disputes; the centre registers them for any
# organ in its region (obj: the unit or the dispute).
rules.add_perm("disputes.register", runs_the_unit_of | centre_over)
rules.add_perm("disputes.run", runs_the_unit_of)  # obj: the dispute
# Before qualification the registrant corrects its entry: the office, or the centre that
# registered it.
rules.add_perm("disputes.correct", runs_the_unit_of | registered_by_this_centre)
rules.add_perm("disputes.work", works_on)  # obj: the dispute
# The counterparty's full phone: the organ's office and the centre, who call the party.
rules.add_perm("disputes.read_phone", runs_the_unit_of | centre_over)
