"""Turning an account's role grants into a Scope, for core's declared scoping (core/scoping/):
`provide_scopes()` registers this module with core at start-up (AccountsConfig.ready)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from govcounsel.core.scoping import Scope

from .choices import ADMIN_DUTIES, Role
from .models import RoleGrant, User


def grants_of(user: Any) -> list[RoleGrant]:
    """The account's grants, read once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = user.__dict__.get("_grants")
    if cached is None:
        # A grant waiting for its business approval gives nothing yet.
        cached = list(
            RoleGrant.objects.filter(user_id=user.pk, pending=False).select_related(
                "region", "unit"
            )
        )
        user.__dict__["_grants"] = cached
    return cached


def forget_grants(user: Any) -> None:
    user.__dict__.pop("_grants", None)


def roles_of(user: Any) -> set[Role]:
    return {Role(g.role) for g in grants_of(user)}


def has_role(user: Any, roles: Iterable[Role]) -> bool:
    return bool(roles_of(user) & set(roles))


def scope_for(user: Any, roles: Iterable[str]) -> Scope:
    """What the account reaches through its grants of the given roles."""
    wanted = set(roles)
    grants = [g for g in grants_of(user) if g.role in wanted]
    if not grants:
        return Scope()
    if any(g.role in ADMIN_DUTIES for g in grants):
        return Scope(everything=True)
    region_paths: list[str] = []
    unit_ids: list[int] = []
    system_paths: list[str] = []
    person_id = None
    for grant in grants:
        if grant.region is not None:
            region_paths.append(grant.region.path)
        elif grant.role == Role.SUPERIOR_ADMIN and grant.unit is not None:
            system_paths.append(grant.unit.system_path)
        elif grant.unit_id is not None:
            unit_ids.append(grant.unit_id)
        elif grant.role == Role.PUBLIC_LAWYER:
            person_id = user.person_id
    return Scope.of(
        region_paths=region_paths,
        unit_ids=unit_ids,
        system_paths=system_paths,
        person_id=person_id,
    )


def holders_reaching(
    roles: Iterable[Role] | str, *, unit: Any = None, region: Any = None
) -> QuerySet[User]:
    """The accounts whose grants of these roles reach a unit or a region: the inverse of
    `scope_for`, for telling whoever is responsible (`holders_reaching("UNIT_ROLES",
    unit=u)` are the accounts for which u is in `Unit.objects.run_by(account)`).

    A unit is reached by a grant at the unit, a superior-administrator grant at the head of
    a vertical system above it, and a region grant at its region or above; a region by a
    region grant at it or above; anything by an administrator duty among the roles. A grant
    pending its approval reaches nothing (as in `grants_of`)."""
    from govcounsel.core.scoping import role_set

    wanted = role_set(roles)
    reach = Q(role__in=sorted(wanted & ADMIN_DUTIES))
    if unit is not None:
        path = unit.system_path
        heads = [path[: i + 1] for i, char in enumerate(path) if char == "/"]
        reach |= Q(unit_id=unit.pk) | Q(role=Role.SUPERIOR_ADMIN, unit__system_path__in=heads)
        region = unit.region
    if region is not None:
        step = type(region).steplen
        above = [region.path[:end] for end in range(step, len(region.path) + 1, step)]
        reach |= Q(region__path__in=above)
    grants = RoleGrant.objects.filter(reach, role__in=sorted(wanted), pending=False)
    return User.objects.filter(pk__in=grants.values("user_id"))


def provide_scopes() -> None:
    """Give core's declared scoping (core/scoping/) its grants and its role-set names:
    each set of choices.py under its name, and each role under its value."""
    from govcounsel.core.scoping import register_scope_provider

    from . import choices

    sets: dict[str, Iterable[Role]] = {
        name: getattr(choices, name)
        for name in (
            "REGION_ROLES",
            "UNIT_ROLES",
            "ADMIN_DUTIES",
            "SELF_ROLES",
            "DOMAIN_ROLES",
            "CASEWORK_REGION_ROLES",
            "CASEWORK_READERS",
            "DISPUTE_REGION_ROLES",
            "TRAINING_REGION_ROLES",
            "PEOPLE_MANAGERS",
            "IDENTITY_READERS",
            "ORGANISATION_READERS",
        )
    }
    sets |= {role.value: {role} for role in Role}
    register_scope_provider(scope_for=scope_for, roles_of=roles_of, role_sets=sets)
