"""The one cast of test users: one account per role a scoped endpoint must be tested for,
placed around `tree.unit_a` and `tree.person_a` (govcounsel/conftest.py draws the tree).

    own_unit        UNIT_ADMIN of unit_a                  the owner's rule-of-law office
    sibling_unit    UNIT_ADMIN of unit_a2                 same district, another unit
    superior        SUPERIOR_ADMIN of city_unit           vertical system over unit_a2
    parent_region   SUPERVISOR of 朝阳区                   依法治区办 over both units
    bureau          JUSTICE_BUREAU of 朝阳区
    other_region    JUSTICE_BUREAU of 城固县               another province
    association     ASSOCIATION of 朝阳区
    reconciliation  RECONCILIATION_ADMIN of 朝阳区
    lawyer          PUBLIC_LAWYER: person_a, certified
    colleague       PUBLIC_LAWYER: a second certified lawyer of unit_a
    system_admin, security_admin, audit_admin             the three separated duties (staff)
    anonymous       None

Accounts are made on first use and kept for the test, so that a test pays only for the
roles it asks for; `lawyer` and `colleague` certify their person when first asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.test import Client
from rest_framework.test import APIClient

from govcounsel.accounts.choices import ADMIN_DUTIES, Role

if TYPE_CHECKING:
    from govcounsel.accounts.models import User
    from govcounsel.people.models import Person

ROLES: tuple[str, ...] = (
    "own_unit",
    "sibling_unit",
    "superior",
    "parent_region",
    "bureau",
    "other_region",
    "association",
    "reconciliation",
    "lawyer",
    "colleague",
    "system_admin",
    "security_admin",
    "audit_admin",
    "anonymous",
)

# The roles granted on a region or a unit of the tree: (role, attribute of the tree).
_GRANTED_AT: dict[str, tuple[Role, str | None]] = {
    "own_unit": (Role.UNIT_ADMIN, "unit_a"),
    "sibling_unit": (Role.UNIT_ADMIN, "unit_a2"),
    "superior": (Role.SUPERIOR_ADMIN, "city_unit"),
    "parent_region": (Role.SUPERVISOR, "chaoyang"),
    "bureau": (Role.JUSTICE_BUREAU, "chaoyang"),
    "other_region": (Role.JUSTICE_BUREAU, "chenggu"),
    "association": (Role.ASSOCIATION, "chaoyang"),
    "reconciliation": (Role.RECONCILIATION_ADMIN, "chaoyang"),
    "system_admin": (Role.SYSTEM_ADMIN, None),
    "security_admin": (Role.SECURITY_ADMIN, None),
    "audit_admin": (Role.AUDIT_ADMIN, None),
}


class Cast:
    """One account per role of the role matrix, made on first use (see the module docstring).

    `cast.user(role)` or `cast.<role>` is the account (None for "anonymous"); `cast.page(role)`
    a logged-in page client past the second factor; `cast.api(role)` an authenticated
    APIClient. `cast.roles` lists every role, in the order the matrices use."""

    roles: tuple[str, ...] = ROLES

    def __init__(self, tree: Any, certify: Callable[..., Any]) -> None:
        self.tree = tree
        self._certify = certify
        self._users: dict[str, User | None] = {"anonymous": None}
        self._colleague_person: Person | None = None
        self._sessions: dict[str, str | None] = {}

    def __getattr__(self, name: str) -> Any:
        if name in ROLES:
            return self.user(name)
        raise AttributeError(name)

    def user(self, role: str) -> User | None:
        if role not in ROLES:
            raise KeyError(f"no such role in the cast: {role!r}; roles: {', '.join(ROLES)}")
        if role not in self._users:
            self._users[role] = self._make(role)
        return self._users[role]

    def everyone(self) -> dict[str, User | None]:
        """Every role's account, all made now (for tests that compare roles side by side)."""
        return {role: self.user(role) for role in ROLES}

    @property
    def colleague_person(self) -> Person:
        """The second certified public lawyer of unit_a, whose account is `colleague`."""
        if self._colleague_person is None:
            from govcounsel.people.tests.factories import PersonFactory

            person: Person = PersonFactory(name="钱律师", unit=self.tree.unit_a)  # type: ignore[assignment]
            self._certify(person)
            self._colleague_person = person
        return self._colleague_person

    def page(self, role: str, *, fresh: bool = False) -> Client:
        """A page client logged in as `role`, both factors passed (ADR 0012); anonymous
        gets a fresh client. The clients of one role share one session, made at the first
        call (a login writes an audit event; the generic cases make them with the world);
        `fresh=True` logs in anew."""
        client = Client()
        user = self.user(role)
        if user is None:
            return client
        key = None if fresh else self._sessions.get(role)
        if key is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = key
            return client
        from govcounsel.accounts.two_factor import VERIFIED_SESSION_KEY

        client.force_login(user)
        session = client.session
        session[VERIFIED_SESSION_KEY] = user.pk
        session.save()
        self._sessions[role] = session.session_key
        return client

    def api(self, role: str) -> APIClient:
        """An APIClient authenticated as `role` (force_authenticate: no session, so the
        second-factor gate of the pages does not apply, as for a token client)."""
        client = APIClient()
        user = self.user(role)
        if user is not None:
            # A fresh copy, as a real request loads the account anew: nothing cached on the
            # instance by an earlier request (its role grants) carries over.
            client.force_authenticate(type(user)._default_manager.get(pk=user.pk))
        return client

    def certify(self, person: Person, **kwargs: Any) -> Any:
        """Take `person` to an issued certificate (the `certify` fixture)."""
        return self._certify(person, **kwargs)

    def _make(self, role: str) -> User:
        from govcounsel.accounts.tests.factories import user_with

        if role == "lawyer":
            person = self.tree.person_a
            if not person.certificates.exists():
                self._certify(person)
            return user_with(Role.PUBLIC_LAWYER, person=person, username=role)
        if role == "colleague":
            return user_with(Role.PUBLIC_LAWYER, person=self.colleague_person, username=role)
        grant, where = _GRANTED_AT[role]
        # The three duties work in the back office, as their accounts are set up (seed_demo).
        staff = grant in ADMIN_DUTIES
        return user_with(
            grant, getattr(self.tree, where) if where else None, username=role, is_staff=staff
        )
