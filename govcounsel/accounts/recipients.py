"""Who must act next, by duty: the accounts a notice goes to (core/verbs.py `Tell.who`).

Each helper names the nearest holders of a duty: the unit's own rule-of-law office before
the superior administrators who also run it, the justice bureau of the unit's own region
before those above it. Grants pending approval and inactive accounts tell no one, as in
`holders_reaching` (scopes.py), whose reach these helpers narrow to the nearest level."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .choices import Role
from .models import RoleGrant, User


def _nearest(grants: Any, depth: Callable[[RoleGrant], int]) -> list[User]:
    """The accounts of the grants at the greatest depth (the nearest level)."""
    found = list(grants.filter(pending=False, user__is_active=True).select_related("user"))
    if not found:
        return []
    nearest = max(depth(g) for g in found)
    users = {g.user_id: g.user for g in found if depth(g) == nearest}
    return list(users.values())


def _system_heads(unit: Any) -> list[str]:
    path = unit.system_path
    return [path[: i + 1] for i, char in enumerate(path) if char == "/"]


def superior_admins_of(unit: Any) -> list[User]:
    """The superior administrators of the nearest vertical system heading the unit (the
    unit itself when it heads one): those a dispatch request is addressed to."""
    grants = RoleGrant.objects.filter(
        role=Role.SUPERIOR_ADMIN, unit__system_path__in=_system_heads(unit)
    ).select_related("unit")
    return _nearest(grants, lambda g: len(g.unit.system_path) if g.unit else 0)


def office_of(unit: Any) -> list[User]:
    """The unit's rule-of-law office: its own unit administrators, or, where it has none,
    the superior administrators who run it (Unit.objects.run_by)."""
    own = _nearest(RoleGrant.objects.filter(role=Role.UNIT_ADMIN, unit_id=unit.pk), lambda g: 0)
    return own or superior_admins_of(unit)


def _nearest_in_region(role: Role, region: Any) -> list[User]:
    """The holders of a regional duty for the region, or for the nearest region above it."""
    step = type(region).steplen
    above = [region.path[:end] for end in range(step, len(region.path) + 1, step)]
    grants = RoleGrant.objects.filter(role=role, region__path__in=above).select_related("region")
    return _nearest(grants, lambda g: len(g.region.path) if g.region else 0)


def bureau_of(region: Any) -> list[User]:
    """The justice bureau of the region, or of the nearest region above that has one."""
    return _nearest_in_region(Role.JUSTICE_BUREAU, region)


def association_of(region: Any) -> list[User]:
    """The lawyers association of the region, or of the nearest region above that has one:
    every public lawyer must join it (001 三(五))."""
    return _nearest_in_region(Role.ASSOCIATION, region)


def supervisor_of(region: Any) -> list[User]:
    """The rule-of-law committee office of the region, or of the nearest region above it
    that has one: it decides the annual awards for the government (002 §19)."""
    return _nearest_in_region(Role.SUPERVISOR, region)


def holders_of(role: Role) -> list[User]:
    """Every active account holding a system-wide duty (the security administrators)."""
    return _nearest(RoleGrant.objects.filter(role=role), lambda g: 0)


def accounts_of(*people: Any) -> list[User]:
    """The active accounts of these people (a public lawyer, an applicant, a holder)."""
    ids = [getattr(p, "pk", p) for p in people if p is not None]
    if not ids:
        return []
    return list(User.objects.filter(person_id__in=ids, is_active=True))


def centre_of(region: Any) -> list[User]:
    """The reconciliation centre of the region, or of the nearest region above that has one:
    it keeps the mediator pool of the organs there (002 §10)."""
    return _nearest_in_region(Role.RECONCILIATION_ADMIN, region)
