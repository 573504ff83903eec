"""The one cast of test users holds the role each name promises."""

from __future__ import annotations

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.scopes import roles_of
from govcounsel.core.testing import ROLES

GRANTED = {
    "own_unit": Role.UNIT_ADMIN,
    "sibling_unit": Role.UNIT_ADMIN,
    "superior": Role.SUPERIOR_ADMIN,
    "parent_region": Role.SUPERVISOR,
    "bureau": Role.JUSTICE_BUREAU,
    "other_region": Role.JUSTICE_BUREAU,
    "association": Role.ASSOCIATION,
    "reconciliation": Role.RECONCILIATION_ADMIN,
    "lawyer": Role.PUBLIC_LAWYER,
    "colleague": Role.PUBLIC_LAWYER,
    "system_admin": Role.SYSTEM_ADMIN,
    "security_admin": Role.SECURITY_ADMIN,
    "audit_admin": Role.AUDIT_ADMIN,
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_of_the_cast_holds_its_grant_and_reaches_the_home_page(cast, role):
    user = cast.user(role)
    if role == "anonymous":
        assert user is None
        assert cast.page(role).get("/").status_code == 302
        return
    assert roles_of(user) == {GRANTED[role]}
    assert getattr(cast, role) is user
    assert cast.page(role).get("/").status_code == 200
    assert cast.api(role).get("/api/v1/").status_code in (200, 403)


def test_the_two_lawyers_are_certified_colleagues_of_unit_a(cast, tree):
    assert cast.lawyer.person == tree.person_a
    assert cast.colleague.person.unit == tree.unit_a
    assert cast.lawyer.person.certificates.exists()
    assert cast.colleague.person.certificates.exists()


def test_an_unknown_role_is_refused(cast):
    with pytest.raises(KeyError):
        cast.user("owner")
    with pytest.raises(AttributeError):
        cast.owner  # noqa: B018


def test_an_answers_table_names_only_roles_of_the_cast_and_all_of_them():
    from govcounsel.core.testing.cases import answers

    assert answers(404, own_unit=200) == {r: 200 if r == "own_unit" else 404 for r in ROLES}
    with pytest.raises(ValueError, match="owner"):
        answers(404, owner=200)
    with pytest.raises(ValueError, match="no expected answer"):
        answers(own_unit=200)
