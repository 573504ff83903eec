"""Turning an account's role grants into a Scope (see core.scoping)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govcounsel.core.scoping import Scope

from .choices import ADMIN_DUTIES, Role
from .models import RoleGrant


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


def scope_for(user: Any, roles: Iterable[Role]) -> Scope:
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
