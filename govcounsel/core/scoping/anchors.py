"""The lookups from a model to each kind of anchor, as filters and as in-memory tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models
from django.db.models import Q

from .scope import KINDS, NOTHING, Scope, role_set


@dataclass(frozen=True)
class Subselect:
    """An anchor reached through another table: the rows whose `match` is among the
    `column` values of the `model` rows whose primary key is the anchor.

    `Unit.Scoping.person = Subselect("people.Person", "unit_id")`: a person anchor reaches
    the unit the person works for, as `pk IN (SELECT unit_id FROM person WHERE id = …)`,
    not as a join that would repeat the unit once per member of its staff."""

    model: str
    column: str
    match: str = "pk"

    def q(self, anchor: Any) -> Q:
        rows = apps.get_model(self.model)._default_manager.filter(pk=anchor)
        return Q(**{f"{self.match}__in": rows.values(self.column)})

    def holds_for(self, obj: Any, anchor: Any) -> bool:
        rows = apps.get_model(self.model)._default_manager.filter(pk=anchor)
        return _value(obj, self.match) in set(rows.values_list(self.column, flat=True))


Lookup = str | Subselect | None


def _value(obj: Any, lookup: str) -> Any:
    """Follow a lookup (`unit__region__path`) through attributes in memory."""
    for part in lookup.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


@dataclass(frozen=True)
class Anchors:
    """The lookups from a model to each kind of anchor; a kind left None is not reached."""

    region: str | None = None
    unit: str | None = None
    system: str | None = None
    person: Lookup = None

    def q(self, scope: Scope) -> Q:
        if scope.everything:
            return Q()
        condition = scope.q(
            region_path=self.region,
            unit=self.unit,
            system_path=self.system,
            person=self.person if isinstance(self.person, str) else None,
        )
        if isinstance(self.person, Subselect) and scope.person_id:
            through = self.person.q(scope.person_id)
            condition = through if condition is NOTHING else condition | through
        return condition

    def covers(self, scope: Scope, obj: Any) -> bool:
        if scope.everything:
            return True
        if self.region and scope.region_paths:
            path = _value(obj, self.region)
            if path and scope.covers(region_path=path):
                return True
        if self.unit and scope.unit_ids and scope.covers(unit_id=_value(obj, self.unit)):
            return True
        if self.system and scope.system_paths:
            path = _value(obj, self.system)
            if path and scope.covers(system_path=path):
                return True
        if self.person and scope.person_id:
            if isinstance(self.person, Subselect):
                return self.person.holds_for(obj, scope.person_id)
            return bool(_value(obj, self.person) == scope.person_id)
        return False

    def lookups(self) -> list[tuple[str, Lookup]]:
        return [(kind, getattr(self, kind)) for kind in KINDS if getattr(self, kind)]


def check_role_set(name: str) -> list[str]:
    try:
        role_set(name)
    except ImproperlyConfigured as error:
        return [str(error)]
    return []


def check_lookup(model: type[models.Model], lookup: str) -> list[str]:
    try:
        model._default_manager.filter(**{lookup: None}).query  # noqa: B018 - builds, no query
    except (FieldError, ValueError, TypeError) as error:
        return [f"lookup {lookup!r} does not resolve on {model._meta.label}: {error}"]
    return []


def check_anchors(model: type[models.Model], anchors: Anchors) -> list[str]:
    found: list[str] = []
    for kind, lookup in anchors.lookups():
        if isinstance(lookup, Subselect):
            try:
                target = apps.get_model(lookup.model)
            except LookupError:
                found.append(f"{kind}: no model {lookup.model!r}.")
                continue
            found += check_lookup(target, lookup.column) + check_lookup(model, lookup.match)
        else:
            found += check_lookup(model, str(lookup))
    return found
