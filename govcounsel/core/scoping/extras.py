"""The rules a set of lookups cannot say, declared in `Scoping.also`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Exists, OuterRef, Q

from .anchors import Anchors, Lookup, check_anchors, check_lookup, check_role_set
from .scope import NOTHING, RoleSpec, Scope, role_set, scope_of


def _scoped(model: type[models.Model]) -> bool:
    # declaration.py imports this module; its queryset class is read only when checking.
    from .declaration import is_scoped

    return is_scoped(model)


@dataclass
class Reaching:
    """What one `visible_to` call works with: the user, the scope of the declared role set,
    and the scopes of other role sets, each computed once."""

    user: Any
    primary: Scope
    _scopes: dict[frozenset[str], Scope] = field(default_factory=dict)

    def scope_of(self, roles: RoleSpec) -> Scope:
        key = role_set(roles)
        if key not in self._scopes:
            self._scopes[key] = scope_of(self.user, key)
        return self._scopes[key]


class Extra(ABC):
    """One more way a row becomes visible, ORed with the declared lookups."""

    @abstractmethod
    def q(self, model: type[models.Model], reaching: Reaching) -> Q:
        """The condition under which the user reaches a row this way."""

    def check(self, model: type[models.Model]) -> list[str]:
        """Problems with the declaration, found at start-up (`manage.py check`)."""
        return []


@dataclass(frozen=True)
class Reach(Extra):
    """Holders of another role set reach the rows through these lookups, where `where`
    also holds. `Reach("REGION_ROLES", region="unit__region__path",
    where=Q(confidential=False))`: region readers see a unit's matters unless confidential."""

    roles: str
    region: str | None = None
    unit: str | None = None
    system: str | None = None
    person: Lookup = None
    where: Q | None = None

    @property
    def anchors(self) -> Anchors:
        return Anchors(region=self.region, unit=self.unit, system=self.system, person=self.person)

    def q(self, model: type[models.Model], reaching: Reaching) -> Q:
        condition = self.anchors.q(reaching.scope_of(self.roles))
        if condition is NOTHING or self.where is None:
            return condition
        return condition & self.where

    def check(self, model: type[models.Model]) -> list[str]:
        return check_role_set(self.roles) + check_anchors(model, self.anchors)


@dataclass(frozen=True)
class Mine(Extra):
    """The account's own rows, whatever its roles: the rows whose `person` lookup is the
    account's person, or whose `user` lookup is the account. With `through` (a model label)
    and `link` (its foreign key to this model), the account's person is looked for in that
    model's rows with EXISTS — no join, so no duplicate rows and the list indexes still
    serve."""

    person: str | None = None
    user: str | None = None
    through: str | None = None
    link: str | None = None

    def q(self, model: type[models.Model], reaching: Reaching) -> Q:
        if self.user:
            user_id = getattr(reaching.user, "pk", None)
            return Q(**{self.user: user_id}) if user_id is not None else NOTHING
        person_id = getattr(reaching.user, "person_id", None)
        if not person_id or not self.person:
            return NOTHING
        if self.through:
            rows = apps.get_model(self.through)._default_manager.filter(
                **{self.link or "": OuterRef("pk"), self.person: person_id}
            )
            return Q(Exists(rows))
        return Q(**{self.person: person_id})

    def check(self, model: type[models.Model]) -> list[str]:
        if bool(self.person) == bool(self.user):
            return ["Mine needs exactly one of person= and user=."]
        if self.through:
            if not self.link or not self.person:
                return ["Mine(through=…) needs link= and person=."]
            try:
                target = apps.get_model(self.through)
            except LookupError:
                return [f"Mine: no model {self.through!r}."]
            return check_lookup(target, self.link) + check_lookup(target, self.person)
        return check_lookup(model, self.person or self.user or "")


@dataclass(frozen=True)
class Via(Extra):
    """The rows whose related object (`field`, a foreign key to a scoped model) the user
    sees. With `with_ancestors`, also the rows of the regions above those — for a model
    related to a tree node (materialised path, `steplen`), such as a target set for a
    province read by a county's office."""

    field: str
    with_ancestors: bool = False

    def q(self, model: type[models.Model], reaching: Reaching) -> Q:
        related = model._meta.get_field(self.field).related_model
        assert isinstance(related, type)
        visible = related._default_manager.all().visible_to(reaching.user)  # type: ignore[attr-defined]
        condition = Q(**{f"{self.field}__in": visible})
        if self.with_ancestors:
            step = related.steplen  # type: ignore[attr-defined]
            paths = set(visible.values_list("path", flat=True))
            above = {p[:end] for p in paths for end in range(step, len(p), step)}
            condition |= Q(**{f"{self.field}__path__in": above})
        return condition

    def check(self, model: type[models.Model]) -> list[str]:
        try:
            related = model._meta.get_field(self.field).related_model
        except FieldDoesNotExist:
            return [f"Via: {model._meta.label} has no relation {self.field!r}."]
        if not isinstance(related, type) or not _scoped(related):
            return [f"Via: {self.field!r} does not lead to a model with a ScopedQuerySet."]
        if self.with_ancestors and not hasattr(related, "steplen"):
            return [f"Via({self.field!r}, with_ancestors=True) needs a tree node model."]
        return []


@dataclass(frozen=True)
class Holding(Extra):
    """The rows that hold rows of `model` the user sees (`model.field` points here): the
    regions of the units a unit administrator sees. Only needed when the user's scope
    reaches by one of `when` — a region grant already covers what its subtree holds."""

    model: str
    field: str
    when: tuple[str, ...] = ("unit", "system", "person")

    def q(self, model: type[models.Model], reaching: Reaching) -> Q:
        scope = reaching.primary
        present = {
            "region": bool(scope.region_paths),
            "unit": bool(scope.unit_ids),
            "system": bool(scope.system_paths),
            "person": bool(scope.person_id),
        }
        if not any(present[kind] for kind in self.when):
            return NOTHING
        held = apps.get_model(self.model)._default_manager.all()
        return Q(pk__in=held.visible_to(reaching.user).values(self.field))

    def check(self, model: type[models.Model]) -> list[str]:
        try:
            held = apps.get_model(self.model)
        except LookupError:
            return [f"Holding: no model {self.model!r}."]
        if not _scoped(held):
            return [f"Holding: {self.model} has no ScopedQuerySet."]
        return check_lookup(held, self.field)
