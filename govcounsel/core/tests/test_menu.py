"""The main menu: every role reaches every page it may use, and every link it sees opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.core import menu
from govcounsel.core.testing import ROLES

# The pages each role must find in its menu (DOMAIN.md "Roles and what each may see").
MUST_REACH: dict[str, set[str]] = {
    "own_unit": {
        "organisations:tree",
        "coverage:dashboard",
        "matters:board",
        "matters:decisions",
        "people:list",
        "people:survey",
        "certificates:applications",
        "certificates:qualified",
    },
    "sibling_unit": {"matters:board", "people:survey", "certificates:applications"},
    "superior": {"matters:pool", "matters:dispatches", "people:survey"},
    "parent_region": {"coverage:dashboard", "coverage:bulletins", "matters:board"},
    "bureau": {
        "accounts:pending-grants",
        "people:survey",
        "certificates:applications",
        "certificates:cases",
    },
    "other_region": {"accounts:pending-grants", "certificates:certificates"},
    "association": {"certificates:non-members", "certificates:certificates"},
    "reconciliation": {"coverage:dashboard"},
    "lawyer": {"matters:mine", "matters:archive", "certificates:applications"},
    "colleague": {"matters:mine"},
    "system_admin": {"organisations:tree", "organisations:units", "calendar:years"},
    "security_admin": {"organisations:tree", "accounts:lockouts", "accounts:sessions"},
    "audit_admin": {"audit:events", "audit:changes"},
    "anonymous": set(),
}

# Pages a role must not be offered: the three duties read no business records (三员分立).
MUST_NOT_SEE: dict[str, set[str]] = {
    "system_admin": {"coverage:dashboard", "people:list", "audit:events"},
    "security_admin": {"coverage:bulletins", "matters:board", "calendar:years"},
    "audit_admin": {"organisations:tree", "people:list", "certificates:applications"},
    "lawyer": {"people:survey", "matters:pool", "certificates:non-members", "audit:events"},
    "parent_region": {"people:survey", "accounts:pending-grants"},
}


def _seen(user) -> set[str]:
    return {item.url_name for item in menu.visible_items(user)}


def test_every_app_declares_its_pages_once():
    names = [item.url_name for item in menu.registered()]
    assert len(names) == len(set(names))
    for name in names:
        reverse(name)  # each names a page that exists


@pytest.mark.parametrize("role", ROLES)
def test_each_role_finds_its_pages_and_every_link_it_sees_opens(cast, role):
    user = cast.user(role)
    seen = _seen(user)
    assert MUST_REACH[role] <= seen, MUST_REACH[role] - seen
    assert not (MUST_NOT_SEE.get(role, set()) & seen)
    if user is None:
        assert seen == set()
        return
    client = cast.page(role)
    home = client.get("/").content.decode()
    for item in menu.visible_items(user):
        response = client.get(item.url)
        assert response.status_code == 200, (role, item.url_name, response.status_code)
        assert f'data-testid="{item.testid}"' in home, (role, item.url_name)


def test_the_back_office_is_offered_to_staff_accounts_only(cast):
    admin = cast.system_admin
    admin.is_staff = False
    assert "admin:index" not in _seen(admin)
    admin.is_staff = True
    admin.save()
    assert "admin:index" in _seen(admin)
    assert cast.page("system_admin").get(reverse("admin:index")).status_code == 200


def test_the_pending_grants_item_counts_what_waits_for_this_bureau(cast, tree):
    from govcounsel.accounts.tests.factories import UserFactory

    applicant = UserFactory()
    RoleGrant.objects.create(
        user=applicant, role=Role.JUSTICE_BUREAU, region=tree.chaoyang, pending=True
    )
    page = cast.page("bureau").get("/").content.decode()
    assert 'data-testid="menu-accounts-pending-grants"' in page
    assert 'rounded-pill bg-warning text-dark">1</span>' in page


def test_the_current_page_is_marked_in_the_menu(cast):
    page = cast.page("own_unit").get(reverse("people:survey")).content.decode()
    assert 'class="dropdown-item active" href="/people/survey/"' in page


def test_the_layout_holds_no_role_names():
    """Who sees which link is declared with the item, never spelled out in the template."""
    base = (Path(__file__).resolve().parents[2] / "templates" / "base.html").read_text()
    assert "user_roles" not in base
