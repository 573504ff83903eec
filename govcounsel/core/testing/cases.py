"""Generic role-matrix tests of a scoped endpoint, declared once per endpoint (ADR 0015).

A subclass names the endpoint, a factory that makes the object from the cast, and the
answer it expects for each role of the cast; the base class generates one test per
operation and role:

    class TestDecisionItemAPI(ScopedAPICase):
        basename = "decision-item"            # the router's: decision-item-list, -detail
        model = DecisionItem

        @staticmethod
        def make(cast):
            return services.add_decision_item(unit=cast.tree.unit_a, by=cast.own_unit, title="…")

        list_expected = answers(200, anonymous=401, system_admin=403, …)
        detail_expected = answers(404, own_unit=200, parent_region=200, anonymous=401, …)
        create = Call(payload=lambda cast: {...}, expected=answers(403, own_unit=201, …))

The world (the tree, every account of the cast and the objects) is built once per class
inside a transaction that is rolled back after the class; each test runs in a savepoint of
it, so a test per role costs one request, not one set-up.

What each generated test checks besides the status:
- list: the object is in the list exactly for the roles whose detail answers 200, and the
  request stays within its query budget in govcounsel/tests/query_counts.json (a list
  without an entry there fails);
- create: a row is added exactly when the answer is 201;
- update and verbs: a refused request leaves the object's row as it was.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest
from django.db import connection, transaction
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .cast import ROLES, Cast
from .tree import build_tree, certifier, make_clerk

QUERY_COUNTS = Path(__file__).resolve().parents[2] / "tests" / "query_counts.json"

Answers = Mapping[str, int]
Payload = Mapping[str, Any] | Callable[["Scene"], Mapping[str, Any]]


def answers(rest: int | None = None, /, **by_role: int) -> dict[str, int]:
    """The expected answer of every role: those named, and `rest` for the others.

    `answers(404, own_unit=200, parent_region=200, anonymous=401)`. Without `rest` every
    role must be named."""
    unknown = set(by_role) - set(ROLES)
    if unknown:
        raise ValueError(f"not roles of the cast: {sorted(unknown)}; roles: {ROLES}")
    missing = [role for role in ROLES if role not in by_role]
    if rest is None and missing:
        raise ValueError(f"no expected answer for {missing}; name them or give `rest`")
    return {role: by_role.get(role, rest) for role in ROLES}  # type: ignore[misc]


@dataclass(frozen=True)
class Call:
    """A writing request of a case (create, update or a verb) and its answer per role.

    `payload` is a mapping or a function of the scene; `make` builds the object the request
    acts on when it is not the case's object (a verb that needs another state), once per
    class, from the scene (its cast and extra objects)."""

    expected: Answers
    payload: Payload = field(default_factory=dict)
    make: Callable[[Scene], Model] | None = None
    format: str = "json"

    def body(self, scene: Scene) -> Mapping[str, Any]:
        return self.payload(scene) if callable(self.payload) else self.payload


@dataclass
class Scene:
    """What the tests of one case class share: the tree, the cast (every account made), the
    case's object, and the object each call acts on."""

    cast: Cast
    obj: Model | None
    targets: dict[str, Model] = field(default_factory=dict)
    # What the case's prepare() made besides: the payloads name these objects.
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def tree(self) -> Any:
        return self.cast.tree

    def target(self, name: str) -> Model:
        """The object the named call acts on: its own, or the case's object."""
        found = self.targets.get(name, self.obj)
        assert found is not None, f"{name}: the case makes no object"
        return found


@cache
def query_budgets() -> dict[str, int]:
    return dict(json.loads(QUERY_COUNTS.read_text(encoding="utf-8")))


def check_query_budget(key: str, count: int) -> None:
    report = os.environ.get("GOVCOUNSEL_CASES_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as out:
            out.write(json.dumps({"budget": key, "queries": count}) + "\n")
    budgets = query_budgets()
    if key not in budgets:
        pytest.fail(
            f"{key} has no query budget: add it to {QUERY_COUNTS.name} "
            f'(measured now: "{key}": {count})'
        )
    assert count <= budgets[key], (
        f"{key} took {count} queries; its budget in {QUERY_COUNTS.name} is {budgets[key]}"
    )


def _row(obj: Model) -> dict[str, Any] | None:
    """The object's stored values (None when it is gone)."""
    return type(obj)._default_manager.filter(pk=obj.pk).values().first()


def _said(response: Any) -> str:
    return response.content[:400].decode(errors="replace")


def observe(case: Any, test: str, role: str, response: Any, verb: str = "") -> None:
    """While writing a case: with GOVCOUNSEL_CASES_REPORT=<file>, every generated test
    appends the answer it got, to compare with the table (see ADR 0015)."""
    report = os.environ.get("GOVCOUNSEL_CASES_REPORT")
    if report:
        line = {"case": type(case).__name__, "test": test, "verb": verb, "role": role}
        line["status"] = response.status_code
        with open(report, "a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")


class ScopedCase:
    """What the API and page cases share: the world built once per class (`scene`), and the
    parametrisation of each generated test by role. A class of other tests that need the
    same world (the URL table) derives from it too."""

    # Who may do what does not depend on the hour: the clock runs of scripts/test skip these.
    pytestmark = [pytest.mark.matrix]
    model: ClassVar[type[Model]]
    list_expected: ClassVar[Answers | None] = None
    detail_expected: ClassVar[Answers | None] = None
    create: ClassVar[Call | None] = None
    update: ClassVar[Call | None] = None
    verbs: ClassVar[Mapping[str, Call]] = {}
    # Whether the list shows the object to exactly the roles whose detail answers 200.
    list_matches_detail: ClassVar[bool] = True

    # Generated tests, by the attribute that declares them.
    _generated: ClassVar[dict[str, str]] = {
        "test_list": "list_expected",
        "test_detail": "detail_expected",
        "test_create": "create",
        "test_update": "update",
    }

    # The object the list, detail and update requests are about: a function of the cast
    # (a staticmethod, or `make = staticmethod(factory)`); none by default.
    make: ClassVar[Callable[..., Any]] = staticmethod(lambda cast: None)

    @staticmethod
    def prepare(cast: Cast) -> Mapping[str, Any]:
        """Anything else the world of this case needs, made before the object and kept by
        name in `scene.extra` (a lawyer in the pool, the matter a decision rests on)."""
        return {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Only the operations a case declares become tests: no empty, skipped ones.
        for test, declared in cls._generated.items():
            if getattr(cls, declared) is not None and test not in cls.__dict__:
                setattr(cls, test, getattr(cls, "_" + test))
        if cls.verbs and "test_verb" not in cls.__dict__:
            cls.test_verb = cls._test_verb  # type: ignore[attr-defined]

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        name = metafunc.definition.originalname
        if name == "test_verb":
            metafunc.parametrize(
                ("verb", "role", "expected"),
                [
                    (verb, role, call.expected.get(role))
                    for verb, call in self.verbs.items()
                    for role in ROLES
                ],
                ids=[f"{verb}-{role}" for verb in self.verbs for role in ROLES],
            )
        elif name in self._generated:
            declared = getattr(self, self._generated[name])
            table = declared.expected if isinstance(declared, Call) else declared
            metafunc.parametrize(
                ("role", "expected"), [(role, table.get(role)) for role in ROLES], ids=ROLES
            )

    @pytest.fixture(scope="class")
    @classmethod
    def scene(
        cls, request: pytest.FixtureRequest, django_db_setup: None, django_db_blocker: Any
    ) -> Iterator[Scene]:
        """The tree, the whole cast and the objects, made once for the class in a
        transaction rolled back at its end; each test runs in a savepoint inside it."""
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                built = cls.build_scene()
            except BaseException:
                outer.__exit__(*sys.exc_info())
                raise
        try:
            yield built
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)

    @classmethod
    def build_scene(cls) -> Scene:
        tree = build_tree()
        cast = Cast(tree, certifier(make_clerk(tree)))
        # Every account and its page session now: one made lazily inside a test would vanish
        # with the test's savepoint.
        for role in cast.everyone():
            cast.page(role)
        extra = cls.prepare(cast)
        scene = Scene(cast=cast, obj=cls.make(cast), extra=extra)
        calls = {"create": cls.create, "update": cls.update, **cls.verbs}
        for name, call in calls.items():
            if call is not None and call.make is not None:
                scene.targets[name] = call.make(scene)
        return scene

    @staticmethod
    def _known(role: str, expected: int | None) -> int:
        if expected is None:
            pytest.fail(f"the case gives no expected answer for the role {role!r}")
        return expected


class ScopedAPICase(ScopedCase):
    """The role matrix of one REST endpoint (a router `basename`): list, detail, create
    (POST), update (PATCH) and each verb (POST <detail>/<verb>/) for every role."""

    basename: ClassVar[str]

    def list_url(self, scene: Scene) -> str:
        return reverse(f"{self.basename}-list")

    def detail_url(self, scene: Scene, obj: Model) -> str:
        return reverse(f"{self.basename}-detail", kwargs={"pk": obj.pk})

    @property
    def budget_key(self) -> str:
        return f"api:{self.basename}-list"

    def _test_list(self, db: None, scene: Scene, role: str, expected: int | None) -> None:
        expected = self._known(role, expected)
        url = self.list_url(scene)
        response = scene.cast.api(role).get(url)
        observe(self, "list", role, response)
        assert response.status_code == expected, f"{role}: {_said(response)}"
        if response.status_code != 200:
            return
        if self.list_matches_detail and scene.obj is not None and self.detail_expected:
            ids = {row.get("id") for row in response.json()["results"]}
            assert (scene.obj.pk in ids) is (self.detail_expected.get(role) == 200), (
                f"{role}: the list {'hides' if scene.obj.pk not in ids else 'shows'} the "
                f"object whose detail answers {self.detail_expected.get(role)}"
            )
        # Measured on a second request: the first may fill process-wide caches.
        client = scene.cast.api(role)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        check_query_budget(self.budget_key, len(queries))

    def _test_detail(self, db: None, scene: Scene, role: str, expected: int | None) -> None:
        expected = self._known(role, expected)
        assert scene.obj is not None, "a detail matrix needs make()"
        response = scene.cast.api(role).get(self.detail_url(scene, scene.obj))
        observe(self, "detail", role, response)
        assert response.status_code == expected, f"{role}: {_said(response)}"

    def _test_create(self, db: None, scene: Scene, role: str, expected: int | None) -> None:
        expected = self._known(role, expected)
        call = self.create
        assert call is not None
        before = self.model._default_manager.count()
        response = scene.cast.api(role).post(
            self.list_url(scene), call.body(scene), format=call.format
        )
        observe(self, "create", role, response)
        assert response.status_code == expected, f"{role}: {_said(response)}"
        after = self.model._default_manager.count()
        # 202: accepted and queued (a bulletin), the row is there already.
        added = 1 if expected in (201, 202) else 0
        assert after == before + added, f"{role}: {before} rows before, {after} after"

    def _test_update(self, db: None, scene: Scene, role: str, expected: int | None) -> None:
        expected = self._known(role, expected)
        call = self.update
        assert call is not None
        obj = scene.target("update")
        before = _row(obj)
        response = scene.cast.api(role).patch(
            self.detail_url(scene, obj), call.body(scene), format=call.format
        )
        observe(self, "update", role, response)
        assert response.status_code == expected, f"{role}: {_said(response)}"
        if expected >= 400:
            assert _row(obj) == before, f"{role}: a refused update changed the object"
        else:
            assert _row(obj) != before, f"{role}: the update answered {expected}, changed nothing"

    def _test_verb(
        self, db: None, scene: Scene, verb: str, role: str, expected: int | None
    ) -> None:
        expected = self._known(role, expected)
        call = self.verbs[verb]
        obj = scene.target(verb)
        before = _row(obj)
        response = scene.cast.api(role).post(
            f"{self.detail_url(scene, obj)}{verb}/", call.body(scene), format=call.format
        )
        observe(self, "verb", role, response, verb)
        assert response.status_code == expected, f"{verb} by {role}: {_said(response)}"
        if expected >= 400:
            assert _row(obj) == before, f"{verb} by {role}: a refused verb changed the object"


class ScopedViewCase(ScopedCase):
    """The role matrix of one set of pages: the list and detail pages (GET), and the create
    and update forms (POST) for every role. Pages answer anonymous visitors with a redirect
    to the login page (302); a success of a form redirects too (302), and a form sent back
    with errors answers 200."""

    list_name: ClassVar[str | None] = None
    detail_name: ClassVar[str | None] = None
    create_name: ClassVar[str | None] = None
    update_name: ClassVar[str | None] = None
    # Where the object's id goes in the detail and update URLs.
    detail_kwarg: ClassVar[str] = "pk"

    def detail_url(self, name: str, obj: Model) -> str:
        return reverse(name, kwargs={self.detail_kwarg: obj.pk})

    def create_url(self, scene: Scene) -> str:
        assert self.create_name
        return reverse(self.create_name)

    @property
    def budget_key(self) -> str:
        return f"page:{self.list_name}"

    def _test_list(self, db: None, scene: Scene, role: str, expected: int | None) -> None:
        expected = self._known(role, expected)
        assert self.list_name
        url = reverse(self.list_name)
        response = scene.cast.page(role).get(url)
        observe(self, "list", role, response)
        assert response.status_code == expected, f"{role}: {_said(response)}"
        if response.status_code != 200:
            return
        client = scene.cast.page(role)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        check_query_budget(self.budget_key, len(queries))

    def _test_detail(self, db: None, scene: Scene, role: str, expected: int | None) -> None:
        expected = self._known(role, expected)
        assert self.detail_name
        assert scene.obj is not None
        response = scene.cast.page(role).get(self.detail_url(self.detail_name, scene.obj))
        observe(self, "detail", role, response)
        assert response.status_code == expected, f"{role}: {_said(response)}"

    def _test_create(self, db: None, scene: Scene, role: str, expected: int | None) -> None:
        expected = self._known(role, expected)
        call = self.create
        assert call is not None
        before = self.model._default_manager.count()
        response = scene.cast.page(role).post(self.create_url(scene), call.body(scene))
        observe(self, "create", role, response)
        assert response.status_code == expected, f"{role}: {_said(response)}"
        added = self.model._default_manager.count() - before
        assert added == (1 if expected == 302 and role != "anonymous" else 0), (
            f"{role}: {added} rows added"
        )

    def _test_update(self, db: None, scene: Scene, role: str, expected: int | None) -> None:
        expected = self._known(role, expected)
        call = self.update
        assert call is not None
        assert self.update_name
        obj = scene.target("update")
        before = _row(obj)
        response = scene.cast.page(role).post(
            self.detail_url(self.update_name, obj), call.body(scene)
        )
        observe(self, "update", role, response)
        assert response.status_code == expected, f"{role}: {_said(response)}"
        if expected != 302 or role == "anonymous":
            assert _row(obj) == before, f"{role}: a refused update changed the object"
