"""Declared scoping (core/scoping/): the declaration is checked, named scopes say what the
hand-written copies used to compute, and one fetch answers 404 and records the denial."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import isolate_apps

from govcounsel.accounts.choices import (
    IDENTITY_READERS,
    ORGANISATION_READERS,
    PEOPLE_MANAGERS,
    UNIT_ROLES,
    Role,
)
from govcounsel.accounts.models import RoleGrant
from govcounsel.accounts.scopes import forget_grants, holders_reaching, scope_for
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.models import AuditEvent
from govcounsel.core.scoping import (
    Mine,
    Reach,
    ScopedQuerySet,
    ScopedQuerySetMixin,
    Via,
    check_scoping,
    declaration_of,
    get_visible_or_404,
    in_reach,
    scope_of,
)
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

CORE = Path(__file__).resolve().parents[1]


# --- The declaration ---------------------------------------------------------------------


@isolate_apps("govcounsel.core")
def test_a_scoped_queryset_without_a_declaration_fails_loudly():
    class Undeclared(models.Model):  # noqa: DJ008 - a throwaway model
        objects = ScopedQuerySet.as_manager()

        class Meta:
            app_label = "core"

    with pytest.raises(ImproperlyConfigured, match="declares no `class Scoping`"):
        Undeclared.objects.visible_to(None)


@isolate_apps("govcounsel.core")
def test_a_misspelt_declaration_fails_loudly():
    class Misspelt(models.Model):  # noqa: DJ008 - a throwaway model
        objects = ScopedQuerySet.as_manager()

        class Scoping:
            roles = "DOMAIN_ROLES"
            regoin = "path"

        class Meta:
            app_label = "core"

    with pytest.raises(ImproperlyConfigured, match="unknown regoin"):
        Misspelt.objects.visible_to(None)


@isolate_apps("govcounsel.core")
def test_the_start_up_check_names_bad_lookups_role_sets_and_rules():
    class Broken(models.Model):  # noqa: DJ008 - a throwaway model
        path = models.CharField(max_length=20)
        objects = ScopedQuerySet.as_manager()

        class Scoping:
            roles = "NO_SUCH_ROLES"
            region = "nowhere__path"
            also = (Mine(person="path", user="path"), Via("path"), "not a rule")
            named = {"missing_method": "UNIT_ROLES"}

        class Meta:
            app_label = "core"

    problems = " | ".join(declaration_of(Broken).problems())
    assert "'NO_SUCH_ROLES'" in problems
    assert "'nowhere__path' does not resolve" in problems
    assert "does not lead to a model with a ScopedQuerySet" in problems
    assert "exactly one of person= and user=" in problems
    assert "not a Reach, Mine, Via or Holding" in problems
    assert "'missing_method'" in problems


@isolate_apps("govcounsel.core")
def test_everything_stays_everything_beside_an_extra(db):
    """Django drops an empty Q from an OR; an administrator's "everything" must survive it."""

    class Owned(models.Model):  # noqa: DJ008 - a throwaway model
        path = models.CharField(max_length=20)
        owner_id = models.IntegerField()
        objects = ScopedQuerySet.as_manager()

        class Scoping:
            roles = "ORGANISATION_READERS"
            region = "path"
            also = (Mine(user="owner_id"),)

        class Meta:
            app_label = "core"

    admin = user_with(Role.SYSTEM_ADMIN)
    assert declaration_of(Owned).visible_q(admin) == Q()
    assert declaration_of(Owned).visible_q(None) == Q(pk__in=[])


def test_every_scoped_model_of_the_project_is_declared_soundly():
    assert check_scoping() == []
    scoped = {
        m._meta.label
        for m in apps.get_models()
        if isinstance(m._default_manager.all(), ScopedQuerySetMixin)
    }
    assert {
        "organisations.Region",
        "organisations.Unit",
        "people.Person",
        "people.Qualification",
        "people.LegalAdviser",
        "people.SurveyUpload",
        "certificates.CertificateApplication",
        "certificates.Certificate",
        "certificates.CancellationCase",
        "coverage.Target",
        "coverage.Bulletin",
        "matters.Matter",
        "matters.DecisionItem",
        "matters.Decision",
        "matters.Expertise",
        "matters.DispatchRequest",
    } <= scoped


def test_the_special_rules_are_declared_not_written():
    matter = declaration_of(apps.get_model("matters", "Matter"))
    assert Reach(
        "CASEWORK_REGION_ROLES", region="unit__region__path", where=Q(confidential=False)
    ) in (matter.also)
    target = declaration_of(apps.get_model("coverage", "Target"))
    assert target.requires == "DOMAIN_ROLES"
    assert Via("region", with_ancestors=True) in target.also


def test_core_imports_no_app():
    """core knows no roles: the accounts app registers the scope provider at start-up."""
    offenders = []
    for path in CORE.rglob("*.py"):
        if {"tests", "testing", "migrations"} & set(path.relative_to(CORE).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            offenders += [
                f"{path.name}: {name}" for name in names if name.startswith("govcounsel.accounts")
            ]
    assert offenders == []


def test_an_unknown_role_set_name_fails_loudly(db):
    with pytest.raises(ImproperlyConfigured, match="NOT_A_SET"):
        scope_of(None, "NOT_A_SET")


# --- Named scopes say what the copies computed -------------------------------------------


@pytest.fixture
def cast(tree):
    superior = user_with(Role.SUPERIOR_ADMIN, tree.city_unit, username="superior")
    both = user_with(Role.UNIT_ADMIN, tree.unit_b, username="both")
    RoleGrant.objects.create(user=both, role=Role.SUPERVISOR, region=tree.hanzhong)
    RoleGrant.objects.create(user=both, role=Role.JUSTICE_BUREAU, region=tree.chaoyang)
    forget_grants(both)
    lawyer = user_with(Role.PUBLIC_LAWYER, username="lawyer", person=tree.person_a)
    pending = user_with(Role.UNIT_ADMIN, tree.unit_c, username="pending")
    RoleGrant.objects.filter(user=pending).update(pending=True)
    forget_grants(pending)
    return {
        "unit_admin": user_with(Role.UNIT_ADMIN, tree.unit_a, username="unit_admin"),
        "superior": superior,
        "supervisor": user_with(Role.SUPERVISOR, tree.beijing_city, username="supervisor"),
        "bureau": user_with(Role.JUSTICE_BUREAU, tree.chenggu, username="bureau"),
        "association": user_with(Role.ASSOCIATION, tree.haidian, username="association"),
        "both": both,
        "lawyer": lawyer,
        "system_admin": user_with(Role.SYSTEM_ADMIN, username="system_admin"),
        "pending": pending,
        "nobody": user_with(Role.PUBLIC_LAWYER, username="nobody"),
    }


def _pks(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_units_run_by_are_the_old_offices_of(cast):
    for user in cast.values():
        scope = scope_for(user, UNIT_ROLES)
        offices_of = Unit.objects.filter(scope.q(unit="pk", system_path="system_path"))
        assert _pks(Unit.objects.run_by(user)) == _pks(offices_of), user.username
    assert _pks(Unit.objects.run_by(cast["superior"])) == {
        Unit.objects.get(name="北京市公安局").pk,
        Unit.objects.get(name="北京市公安局朝阳分局").pk,
    }


def test_units_and_people_manageable_by_are_the_old_computations(cast):
    for user in cast.values():
        scope = scope_for(user, PEOPLE_MANAGERS)
        units = Unit.objects.filter(
            scope.q(region_path="region__path", unit="pk", system_path="system_path")
        )
        people = Person.objects.filter(
            scope.q(
                region_path="unit__region__path", unit="unit_id", system_path="unit__system_path"
            )
        )
        assert _pks(Unit.objects.manageable_by(user)) == _pks(units), user.username
        assert _pks(Person.objects.manageable_by(user)) == _pks(people), user.username


def test_regions_supervised_by_are_the_supervisor_subtrees(tree, cast):
    for user in cast.values():
        paths = scope_for(user, {Role.SUPERVISOR}).region_paths
        subtree = Q(pk__in=[])
        for path in paths:
            subtree |= Q(path__startswith=path)
        assert _pks(Region.objects.supervised_by(user)) == _pks(Region.objects.filter(subtree))
    assert _pks(Region.objects.supervised_by(cast["supervisor"])) == {
        tree.beijing_city.pk,
        tree.chaoyang.pk,
        tree.haidian.pk,
    }


def test_system_heads_are_the_old_pool_heads(tree, cast):
    for user in cast.values():
        scope = scope_for(user, {Role.SUPERIOR_ADMIN})
        old = Unit.objects.filter(system_path__in=scope.system_paths)
        assert _pks(Unit.objects.heads_for(user)) == _pks(old)
    assert _pks(Unit.objects.heads_for(cast["superior"])) == {tree.city_unit.pk}


@pytest.mark.parametrize(
    "roles", ["UNIT_ROLES", "justice_bureau", "supervisor", "association", "superior_admin"]
)
def test_in_reach_in_memory_agrees_with_the_query(tree, cast, roles):
    for user in cast.values():
        reached = _pks(Unit.objects.reached_by(user, roles))
        for unit in Unit.objects.select_related("region"):
            assert in_reach(user, roles, unit) == (unit.pk in reached), (user.username, unit)
        regions = _pks(Region.objects.reached_by(user, roles))
        for region in Region.objects.all():
            assert in_reach(user, roles, region) == (region.pk in regions)


@pytest.mark.parametrize("roles", ["UNIT_ROLES", "supervisor", "justice_bureau"])
def test_holders_reaching_a_unit_are_the_inverse_of_reached_by(tree, cast, roles):
    for unit in Unit.objects.select_related("region"):
        holders = _pks(holders_reaching(roles, unit=unit))
        for user in cast.values():
            reaches = Unit.objects.reached_by(user, roles).filter(pk=unit.pk).exists()
            assert (user.pk in holders) == reaches, (user.username, unit, roles)


def test_a_pending_grant_reaches_nothing_either_way(tree, cast):
    assert not Unit.objects.run_by(cast["pending"]).exists()
    assert cast["pending"].pk not in _pks(holders_reaching("UNIT_ROLES", unit=tree.unit_c))


def test_organisation_readers_see_the_old_units_and_regions(tree, cast):
    for user in cast.values():
        scope = scope_for(user, ORGANISATION_READERS)
        units = scope.q(region_path="region__path", unit="pk", system_path="system_path")
        if scope.person_id:
            units |= Q(pk=user.person.unit_id)
        assert _pks(Unit.objects.visible_to(user)) == _pks(Unit.objects.filter(units))
        regions = scope.q(region_path="path")
        if scope.unit_ids or scope.system_paths or scope.person_id:
            regions |= Q(pk__in=Unit.objects.filter(units).values("region_id"))
        assert _pks(Region.objects.visible_to(user)) == _pks(Region.objects.filter(regions))
    assert _pks(Unit.objects.visible_to(cast["lawyer"])) == {tree.unit_a.pk}


def test_identity_readers_reach_the_people_of_their_region(tree, cast):
    bureau = cast["bureau"]
    assert _pks(Person.objects.reached_by(bureau, IDENTITY_READERS)) == {tree.person_c.pk}
    assert _pks(Person.objects.reached_by(bureau, "IDENTITY_READERS")) == {tree.person_c.pk}


# --- One fetch ---------------------------------------------------------------------------


def _denials():
    return list(AuditEvent.objects.filter(action="access.denied").values_list("data", flat=True))


def test_get_visible_or_404_returns_what_the_user_sees(tree, cast):
    user = cast["unit_admin"]
    assert get_visible_or_404(Person, user, pk=tree.person_a.pk) == tree.person_a
    queryset = Person.objects.select_related("unit")
    assert get_visible_or_404(queryset, user, pk=tree.person_a.pk) == tree.person_a
    assert _denials() == []


def test_out_of_scope_is_a_404_recorded_as_denied(tree, cast):
    request = RequestFactory().get(f"/people/{tree.person_c.pk}/")
    with pytest.raises(Http404):
        get_visible_or_404(Person, cast["unit_admin"], request=request, pk=tree.person_c.pk)
    (data,) = _denials()
    assert data == {
        "path": f"/people/{tree.person_c.pk}/",
        "model": "people.Person",
        "id": str(tree.person_c.pk),
    }
    event = AuditEvent.objects.get(action="access.denied")
    assert event.actor == cast["unit_admin"]


def test_missing_and_malformed_are_a_404_not_recorded(tree, cast):
    user = cast["unit_admin"]
    for lookup in ({"pk": 999999}, {"pk": "abc"}, {"code": "999999"}):
        with pytest.raises(Http404):
            get_visible_or_404(Region if "code" in lookup else Person, user, **lookup)
    assert _denials() == []


def test_a_named_scope_or_a_function_can_stand_for_visible_to(tree, cast):
    bureau = cast["bureau"]
    # The bureau sees unit_c but may not manage a unit it cannot reach: refused and recorded.
    with pytest.raises(Http404):
        get_visible_or_404(Unit, bureau, scope="manageable_by", pk=tree.unit_a.pk)
    assert get_visible_or_404(Unit, bureau, scope="manageable_by", pk=tree.unit_c.pk)
    assert get_visible_or_404(
        Unit, bureau, scope=lambda user: Unit.objects.filter(pk=tree.unit_c.pk), pk=tree.unit_c.pk
    )
    assert len(_denials()) == 1


def test_narrowing_by_the_caller_is_not_a_denial(tree, cast):
    """An object the caller's own queryset leaves out is missing, not out of scope."""
    narrowed = Person.objects.filter(name="nobody of that name")
    with pytest.raises(Http404):
        get_visible_or_404(narrowed, cast["unit_admin"], pk=tree.person_c.pk)
    assert _denials() == []
