"""The shape of a user's reach into the organisation tree, turned into query filters.

Every scoped model's `visible_to(user)` builds its filter from a Scope; nothing
else filters by organisation. Subtrees are path-prefix matches on materialised
paths, so a scope is one indexed condition per grant, never a walk in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

NOTHING = Q(pk__in=[])


def _outermost(paths: list[str]) -> tuple[str, ...]:
    """Drop paths that lie under another path of the list: the outer one covers them."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not any(path.startswith(outer) for outer in kept):
            kept.append(path)
    return tuple(kept)


@dataclass(frozen=True)
class Scope:
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
