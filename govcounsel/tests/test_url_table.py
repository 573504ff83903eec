"""Every named URL is in the table (url_table.py), and answers a GET as the table says, role
by role, with real ids of the objects the table's world makes."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from govcounsel.core.testing import ROLES
from govcounsel.core.testing.cases import ScopedCase, observe

from . import url_table
from .url_table import ADMIN_OBJECT, ADMIN_ROLES, ROUTES, Case, Get


def routed_names() -> set[str]:
    """Every named route of config/urls.py, with its namespaces (`people:person`)."""

    def walk(patterns: list[Any], namespace: str | None) -> set[str]:
        names = set()
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                full = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                names |= walk(pattern.url_patterns, full)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
        return names

    return walk(get_resolver().url_patterns, None)


def test_every_named_route_is_in_the_table():
    routed = routed_names()
    admin = set(url_table.admin_routes())
    missing = sorted(routed - set(ROUTES) - admin)
    assert not missing, f"routes missing from govcounsel/tests/url_table.py: {missing}"
    vanished = sorted(set(ROUTES) - routed)
    assert not vanished, f"rows of url_table.py for routes no longer routed: {vanished}"


def test_the_cases_named_by_the_table_declare_that_table():
    for name, row in ROUTES.items():
        if isinstance(row, Case):
            assert getattr(row.case, f"{row.test}_expected") is not None, name


def _client(scene: Any, role: str, path: str) -> Any:
    return scene.cast.api(role) if path.startswith("/api/") else scene.cast.page(role)


def _answers(scene: Any, name: str, url: str, roles: tuple[str, ...], query: Any) -> dict:
    got = {}
    for role in roles:
        response = _client(scene, role, url).get(url, query)
        observe(TestURLTable(), name, role, response)
        got[role] = response.status_code
    return got


class TestURLTable(ScopedCase):
    """The world of the table: the tree, the cast and one object of each kind a route names."""

    @staticmethod
    def prepare(cast):
        return url_table.build_objects(cast)

    @pytest.mark.parametrize("name", sorted(n for n, row in ROUTES.items() if isinstance(row, Get)))
    def test_get(self, db, scene, name):
        row = ROUTES[name]
        kwargs = row.kwargs(scene) if row.kwargs else {}
        ids = {key: obj.pk for key, obj in scene.extra.items()}
        query = {key: str(value).format(**ids) for key, value in row.query.items()}
        got = _answers(scene, name, reverse(name, kwargs=kwargs), ROLES, query)
        wrong = {r: (row.expected.get(r), got[r]) for r in ROLES if got[r] != row.expected.get(r)}
        assert not wrong, f"{name}: role: (expected, got) {wrong}"

    @pytest.mark.parametrize(
        "name",
        sorted(n for n in url_table.admin_routes() if not n.endswith(ADMIN_OBJECT)),
    )
    def test_admin(self, db, scene, name):
        model, view = url_table.admin_routes()[name]
        expected = url_table.admin_expected(model, view)
        got = _answers(scene, name, reverse(name), ADMIN_ROLES, {})
        wrong = {r: (expected[r], got[r]) for r in ADMIN_ROLES if got[r] != expected[r]}
        assert not wrong, f"{name}: role: (expected, got) {wrong}"
