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

from .anchors import Anchors, Lookup, Subselect
from .declaration import (
    Declaration,
    ScopedQuerySet,
    ScopedQuerySetMixin,
    check_scoping,
    declaration_of,
    in_reach,
)
from .extras import Extra, Holding, Mine, Reach, Reaching, Via
from .fetch import get_visible_or_404
from .scope import (
    KINDS,
    NOTHING,
    RoleSpec,
    Scope,
    holds,
    register_scope_provider,
    role_set,
    scope_of,
)

__all__ = [
    "KINDS",
    "NOTHING",
    "Anchors",
    "Declaration",
    "Extra",
    "Holding",
    "Lookup",
    "Mine",
    "Reach",
    "Reaching",
    "RoleSpec",
    "Scope",
    "ScopedQuerySet",
    "ScopedQuerySetMixin",
    "Subselect",
    "Via",
    "check_scoping",
    "declaration_of",
    "get_visible_or_404",
    "holds",
    "in_reach",
    "register_scope_provider",
    "role_set",
    "scope_of",
]
