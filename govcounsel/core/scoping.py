"""Declared scoping: who sees which rows, said once per model and applied everywhere.

A scoped model declares, in a nested `Scoping` class, the lookups that lead from its rows
to each kind of anchor a role grant can name — a region (subtree by materialised path), a
unit, a vertical system (subtree by system path) and the person an account belongs to —
and which named role set reads it. Its queryset is a `ScopedQuerySet`, whose
`visible_to(user)` and named scopes (`Unit.objects.run_by(user)`) are built from that
declaration; `get_visible_or_404` fetches one object through it. Nothing else filters by
organisation (ARCHITECTURE.md convention 1; NetBox's RestrictedQuerySet, pretix's
ScopedManager).

    class Person(models.Model):
        objects = PersonQuerySet.as_manager()        # PersonQuerySet(ScopedQuerySet)

        class Scoping:
            roles = "DOMAIN_ROLES"                   # a role set registered by accounts
            region = "unit__region__path"
            unit = "unit_id"
            system = "unit__system_path"
            person = "pk"
            named = {"manageable_by": "PEOPLE_MANAGERS"}

The few rules a set of lookups cannot say are declared too, in `also`: another role set
reaching the rows another way, with a condition (`Reach`); the account's own rows whatever
its roles (`Mine`); rows whose related object the user sees (`Via`); rows holding what the
user sees (`Holding`). A gate (`requires`) and `signed_in` cover the rest.

`core` knows no roles: the accounts app registers, at start-up, the function that turns an
account's grants into a `Scope` and the names of its role sets (`register_scope_provider`).
Subtrees are path-prefix matches, so a scope is one indexed condition per grant, never a
walk in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.apps import apps
from django.core import checks
from django.core.exceptions import (
    FieldDoesNotExist,
    FieldError,
    ImproperlyConfigured,
    ValidationError,
)
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

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


def in_reach(user: Any, roles: RoleSpec, obj: models.Model) -> bool:
    """Whether the account's grants of these roles reach this object, read through the
    lookups its model declares and tested in memory — the in-memory twin of
    `reached_by(user, roles)`. Only the anchors the scope has are read, so a unit granted
    by unit id is never asked for its region."""
    return declaration_of(type(obj)).anchors.covers(scope_of(user, roles), obj)


# --- Declarations ------------------------------------------------------------------------


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


class Extra:
    """One more way a row becomes visible, ORed with the declared lookups."""

    def q(self, model: type[models.Model], reaching: Reaching) -> Q:
        raise NotImplementedError

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
        return _check_role_set(self.roles) + _check_anchors(model, self.anchors)


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
            return _check_lookup(target, self.link) + _check_lookup(target, self.person)
        return _check_lookup(model, self.person or self.user or "")


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
        if not isinstance(related, type) or not _is_scoped(related):
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
        if not _is_scoped(held):
            return [f"Holding: {self.model} has no ScopedQuerySet."]
        return _check_lookup(held, self.field)


_DECLARED = frozenset({*KINDS, "roles", "also", "named", "requires", "signed_in"})


@dataclass(frozen=True)
class Declaration:
    """A model's `Scoping`, read and checked once."""

    model: type[models.Model]
    roles: str | None
    anchors: Anchors
    also: tuple[Extra, ...] = ()
    named: Mapping[str, str] = field(default_factory=dict)
    requires: str | None = None
    signed_in: bool = False

    def visible_q(self, user: Any) -> Q:
        if self.signed_in:
            return Q() if getattr(user, "is_authenticated", False) else NOTHING
        if self.requires and not (getattr(user, "is_active", False) and holds(user, self.requires)):
            return NOTHING
        reaching = Reaching(
            user=user, primary=scope_of(user, self.roles) if self.roles else Scope()
        )
        parts = [self.anchors.q(reaching.primary)] if self.roles else []
        parts += [extra.q(self.model, reaching) for extra in self.also]
        return _any(parts)

    def named_roles(self, name: str) -> str:
        if name not in self.named:
            raise ImproperlyConfigured(
                f"{self.model._meta.label}.Scoping declares no named scope {name!r}."
            )
        return self.named[name]

    def problems(self) -> list[str]:
        found: list[str] = []
        if not (self.roles or self.also or self.signed_in):
            found.append("declares no roles, no `also` and not `signed_in`: nobody sees it.")
        if self.roles:
            found += _check_role_set(self.roles)
            if not self.anchors.lookups():
                found.append("declares roles but no lookup (region, unit, system, person).")
        elif self.anchors.lookups():
            found.append("declares lookups but no roles to reach them with.")
        if self.requires:
            found += _check_role_set(self.requires)
        found += _check_anchors(self.model, self.anchors)
        for extra in self.also:
            if not isinstance(extra, Extra):
                found.append(f"`also` holds {extra!r}, which is not a Reach, Mine, Via or Holding.")
                continue
            found += extra.check(self.model)
        for name, roles in self.named.items():
            found += _check_role_set(roles)
            if not callable(getattr(self.model._default_manager.all(), name, None)):
                found.append(f"names the scope {name!r}, but its queryset has no such method.")
        return found


def _any(parts: list[Q]) -> Q:
    if any(not part for part in parts):
        # An empty Q is "everything"; Django would drop it from an OR, so answer it here.
        return Q()
    kept = [part for part in parts if part is not NOTHING]
    if not kept:
        return NOTHING
    condition = kept[0]
    for part in kept[1:]:
        condition |= part
    return condition


_declarations: dict[type[models.Model], Declaration] = {}


def declaration_of(model: type[models.Model]) -> Declaration:
    """The model's declared scoping; a model without one fails loudly."""
    model = model._meta.concrete_model or model
    if model in _declarations:
        return _declarations[model]
    spec = model.__dict__.get("Scoping")
    if spec is None:
        raise ImproperlyConfigured(
            f"{model._meta.label} has a ScopedQuerySet but declares no `class Scoping` "
            "(see core/scoping.py)."
        )
    names = {n for n in vars(spec) if not n.startswith("__")}
    unknown = names - _DECLARED
    if unknown:
        raise ImproperlyConfigured(
            f"{model._meta.label}.Scoping: unknown {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(_DECLARED))})."
        )
    declaration = Declaration(
        model=model,
        roles=getattr(spec, "roles", None),
        anchors=Anchors(**{kind: getattr(spec, kind, None) for kind in KINDS}),
        also=tuple(getattr(spec, "also", ())),
        named=dict(getattr(spec, "named", {})),
        requires=getattr(spec, "requires", None),
        signed_in=bool(getattr(spec, "signed_in", False)),
    )
    _declarations[model] = declaration
    return declaration


def _check_role_set(name: str) -> list[str]:
    try:
        role_set(name)
    except ImproperlyConfigured as error:
        return [str(error)]
    return []


def _check_lookup(model: type[models.Model], lookup: str) -> list[str]:
    try:
        model._default_manager.filter(**{lookup: None}).query  # noqa: B018 - builds, no query
    except (FieldError, ValueError, TypeError) as error:
        return [f"lookup {lookup!r} does not resolve on {model._meta.label}: {error}"]
    return []


def _check_anchors(model: type[models.Model], anchors: Anchors) -> list[str]:
    found: list[str] = []
    for kind, lookup in anchors.lookups():
        if isinstance(lookup, Subselect):
            try:
                target = apps.get_model(lookup.model)
            except LookupError:
                found.append(f"{kind}: no model {lookup.model!r}.")
                continue
            found += _check_lookup(target, lookup.column) + _check_lookup(model, lookup.match)
        else:
            found += _check_lookup(model, str(lookup))
    return found


# --- The queryset ------------------------------------------------------------------------

_M = TypeVar("_M", bound=models.Model, covariant=True)
_QS = TypeVar("_QS", bound="ScopedQuerySetMixin")


class ScopedQuerySetMixin:
    """`visible_to(user)` and named scopes, from the model's `Scoping` declaration. Mixed
    into a queryset class (`ScopedQuerySet`, or a tree's `MP_NodeQuerySet`)."""

    model: Any

    if TYPE_CHECKING:

        def filter(self: _QS, *args: Any, **kwargs: Any) -> _QS: ...

    def visible_to(self: _QS, user: Any) -> _QS:
        """The rows the user may see (ARCHITECTURE.md convention 1)."""
        return self.filter(declaration_of(self.model).visible_q(user))

    def reached_by(self: _QS, user: Any, roles: RoleSpec) -> _QS:
        """The rows the user's grants of these roles reach, through the declared lookups
        (no `also` rules: those describe visibility, not a role's reach)."""
        return self.filter(declaration_of(self.model).anchors.q(scope_of(user, roles)))

    def named_scope(self: _QS, name: str, user: Any) -> _QS:
        """A scope declared in `Scoping.named`: the reach of a role set under a name."""
        return self.reached_by(user, declaration_of(self.model).named_roles(name))


class ScopedQuerySet(ScopedQuerySetMixin, models.QuerySet[_M], Generic[_M]):
    """The queryset of every scoped model (see the module docstring)."""


def _is_scoped(model: type[models.Model]) -> bool:
    return isinstance(model._default_manager.all(), ScopedQuerySetMixin)


@checks.register()
def check_scoping(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every model with a ScopedQuerySet declares a sound `Scoping` (`manage.py check`)."""
    errors: list[checks.CheckMessage] = []
    if _provider is None:
        return errors  # the provider's own app is not installed: nothing to check against
    for model in apps.get_models():
        if not _is_scoped(model):
            continue
        try:
            problems = declaration_of(model).problems()
        except ImproperlyConfigured as error:
            problems = [str(error)]
        errors += [
            checks.Error(f"{model._meta.label}.Scoping {text}", obj=model, id="core.E101")
            for text in problems
        ]
    return errors


# --- Fetching one object ---------------------------------------------------------------------


def get_visible_or_404(
    queryset_or_model: Any,
    user: Any,
    *,
    request: Any = None,
    scope: str | Callable[[Any], QuerySet[Any]] | None = "visible_to",
    **lookup: Any,
) -> Any:
    """The one object `lookup` names, if the user may see it; otherwise 404.

    Pass the model, or an unscoped queryset of it (with the caller's select_related or
    narrowing): the user's scope (`visible_to`, or another named scope such as
    `manageable_by`) is applied here, so no caller can forget it. A missing object and an
    object outside the scope answer the same 404, so that ids cannot be probed; the second
    is recorded as `access.denied` (ARCHITECTURE.md convention 1). A malformed id is a 404
    too, never a 500.

    `scope` may also be a function of the user returning the scoped queryset (for a model
    without a ScopedQuerySet); `scope=None` says the queryset given is already the user's
    scope (a viewset's `get_queryset()`), and whether the object exists is then asked of the
    model's default manager."""
    given = _queryset_of(queryset_or_model)
    if scope is None:
        scoped, base = given, given.model._default_manager.all()
    elif callable(scope):
        scoped, base = scope(user), given
    else:
        method = getattr(given, scope, None)
        if method is None:
            raise ImproperlyConfigured(
                f"{given.model._meta.label} has no queryset method {scope!r} to fetch through."
            )
        scoped, base = method(user), given
    try:
        return scoped.get(**lookup)
    except given.model.DoesNotExist:
        pass
    except (ValueError, TypeError, ValidationError):
        raise Http404 from None
    found = base.filter(**lookup).values_list("pk", flat=True).first()
    if found is not None:
        from .audit import record_event
        from .context import current

        if request is None and (ctx := current()) is not None:
            request = ctx.request
        record_event(
            "access.denied",
            by=user,
            data={
                "path": getattr(request, "path", ""),
                "model": base.model._meta.label,
                "id": str(found),
            },
        )
    raise Http404


def _queryset_of(queryset_or_model: Any) -> QuerySet[Any]:
    if isinstance(queryset_or_model, QuerySet):
        return queryset_or_model
    if isinstance(queryset_or_model, type) and issubclass(queryset_or_model, models.Model):
        return queryset_or_model._default_manager.all()
    raise TypeError(f"Expected a model or a queryset, got {queryset_or_model!r}.")
