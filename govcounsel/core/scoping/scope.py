"""The shape of a user's reach, and the provider that computes it from role grants."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

NOTHING = Q(pk__in=[])

KINDS = ("region", "unit", "system", "person")


def _outermost(paths: list[str]) -> tuple[str, ...]:
    """Drop paths that lie under another path of the list: the outer one covers them."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not any(path.startswith(outer) for outer in kept):
            kept.append(path)
    return tuple(kept)


@dataclass(frozen=True)
class Scope:
    """What an account reaches through some of its grants: everything, or region subtrees,
    units, vertical-system subtrees and its own person."""

    everything: bool = False
    region_paths: tuple[str, ...] = ()
    unit_ids: tuple[int, ...] = ()
    system_paths: tuple[str, ...] = ()
    person_id: int | None = None

    @classmethod
    def of(
        cls,
        *,
        everything: bool = False,
        region_paths: list[str] | None = None,
        unit_ids: list[int] | None = None,
        system_paths: list[str] | None = None,
        person_id: int | None = None,
    ) -> Scope:
        return cls(
            everything=everything,
            region_paths=_outermost(region_paths or []),
            unit_ids=tuple(sorted(set(unit_ids or []))),
            system_paths=_outermost(system_paths or []),
            person_id=person_id,
        )

    @property
    def is_empty(self) -> bool:
        return not (
            self.everything
            or self.region_paths
            or self.unit_ids
            or self.system_paths
            or self.person_id
        )

    def q(
        self,
        *,
        region_path: str | None = None,
        unit: str | None = None,
        system_path: str | None = None,
        person: str | None = None,
    ) -> Q:
        """A filter for a model, given the lookups that lead from it to each kind of anchor."""
        if self.everything:
            return Q()
        condition = Q()
        parts = 0
        if region_path:
            for path in self.region_paths:
                condition |= Q(**{f"{region_path}__startswith": path})
                parts += 1
        if unit and self.unit_ids:
            condition |= Q(**{f"{unit}__in": self.unit_ids})
            parts += 1
        if system_path:
            for path in self.system_paths:
                condition |= Q(**{f"{system_path}__startswith": path})
                parts += 1
        if person and self.person_id:
            condition |= Q(**{person: self.person_id})
            parts += 1
        return condition if parts else NOTHING

    def covers(
        self,
        *,
        region_path: str | None = None,
        unit_id: int | None = None,
        system_path: str | None = None,
        person_id: int | None = None,
    ) -> bool:
        """The same test as `q()`, on values already in memory (no query)."""
        if self.everything:
            return True
        return bool(
            (region_path and any(region_path.startswith(p) for p in self.region_paths))
            or (unit_id is not None and unit_id in self.unit_ids)
            or (system_path and any(system_path.startswith(p) for p in self.system_paths))
            or (person_id is not None and self.person_id and person_id == self.person_id)
        )


# --- The provider: the accounts app turns grants into scopes -------------------------------

# A role set: the name accounts registered it under ("DOMAIN_ROLES", or one role's value
# such as "supervisor"), or the roles themselves.
RoleSpec = str | Iterable[str]


@dataclass(frozen=True)
class _Provider:
    scope_for: Callable[[Any, frozenset[str]], Scope]
    roles_of: Callable[[Any], Iterable[str]]
    role_sets: Mapping[str, frozenset[str]]


_provider: _Provider | None = None


def register_scope_provider(
    *,
    scope_for: Callable[[Any, frozenset[str]], Scope],
    roles_of: Callable[[Any], Iterable[str]],
    role_sets: Mapping[str, Iterable[str]],
) -> None:
    """Called once at start-up by the app that owns accounts and grants (core imports no
    app): `scope_for(user, roles)` gives the account's reach through those roles,
    `roles_of(user)` the roles it holds, `role_sets` the names declarations may use."""
    global _provider
    _provider = _Provider(
        scope_for=scope_for,
        roles_of=roles_of,
        role_sets={name: frozenset(str(r) for r in roles) for name, roles in role_sets.items()},
    )


def provider_registered() -> bool:
    return _provider is not None


def _the_provider() -> _Provider:
    if _provider is None:
        raise ImproperlyConfigured(
            "No scope provider is registered: the accounts app registers it in its ready()."
        )
    return _provider


def role_set(roles: RoleSpec) -> frozenset[str]:
    """The roles a name stands for (unknown names fail loudly), or the roles given."""
    if isinstance(roles, str):
        sets = _the_provider().role_sets
        if roles not in sets:
            raise ImproperlyConfigured(f"No role set is registered under the name {roles!r}.")
        return sets[roles]
    return frozenset(str(r) for r in roles)


def scope_of(user: Any, roles: RoleSpec) -> Scope:
    """What the account reaches through its grants of these roles."""
    return _the_provider().scope_for(user, role_set(roles))


def holds(user: Any, roles: RoleSpec) -> bool:
    """Whether the account holds any of these roles (a pending grant gives nothing)."""
    held = {str(r) for r in _the_provider().roles_of(user)}
    return bool(held & role_set(roles))
