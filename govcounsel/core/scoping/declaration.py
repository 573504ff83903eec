"""A model's `Scoping`, read and checked once, and the queryset that applies it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.apps import apps
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q

from .anchors import Anchors, check_anchors, check_role_set
from .extras import Extra, Reaching
from .scope import KINDS, NOTHING, RoleSpec, Scope, holds, provider_registered, scope_of

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
            found += check_role_set(self.roles)
            if not self.anchors.lookups():
                found.append("declares roles but no lookup (region, unit, system, person).")
        elif self.anchors.lookups():
            found.append("declares lookups but no roles to reach them with.")
        if self.requires:
            found += check_role_set(self.requires)
        found += check_anchors(self.model, self.anchors)
        for extra in self.also:
            if not isinstance(extra, Extra):
                found.append(f"`also` holds {extra!r}, which is not a Reach, Mine, Via or Holding.")
                continue
            found += extra.check(self.model)
        for name, roles in self.named.items():
            found += check_role_set(roles)
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
            "(see core/scoping/)."
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


def in_reach(user: Any, roles: RoleSpec, obj: models.Model) -> bool:
    """Whether the account's grants of these roles reach this object, read through the
    lookups its model declares and tested in memory — the in-memory twin of
    `reached_by(user, roles)`. Only the anchors the scope has are read, so a unit granted
    by unit id is never asked for its region."""
    return declaration_of(type(obj)).anchors.covers(scope_of(user, roles), obj)


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


def is_scoped(model: type[models.Model]) -> bool:
    return isinstance(model._default_manager.all(), ScopedQuerySetMixin)


@checks.register()
def check_scoping(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every model with a ScopedQuerySet declares a sound `Scoping` (`manage.py check`)."""
    errors: list[checks.CheckMessage] = []
    if not provider_registered():
        return errors  # the provider's own app is not installed: nothing to check against
    for model in apps.get_models():
        if not is_scoped(model):
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
