"""A person named in a request outside the caller's scope is "not found", exactly like an id
that does not exist, and their name is never given away (ADR 0008)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.accounts.scopes import forget_grants
from govcounsel.accounts.tests.factories import user_with
from govcounsel.matters import services
from govcounsel.matters.models import DispatchRequest
from govcounsel.organisations.tests.factories import UnitFactory
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.tests.helpers import client_for

UNKNOWN = 987654


def _same_answer(out_of_scope, unknown, out_of_scope_id) -> None:
    assert out_of_scope.status_code == unknown.status_code
    body = out_of_scope.content.decode().replace(str(out_of_scope_id), str(UNKNOWN))
    assert body == unknown.content.decode()


def test_assign_with_out_of_scope_person_is_not_found_and_names_nobody(tree, cast, matter):
    office = client_for(cast.own_unit)
    url = f"/api/v1/matters/{matter.pk}/assign/"
    far_away = tree.person_c  # 陈静, a staff member in Chenggu county
    out_of_scope = office.post(url, {"lawyer": far_away.pk}, format="json")
    unknown = office.post(url, {"lawyer": UNKNOWN}, format="json")
    assert out_of_scope.status_code == 400
    assert out_of_scope.json()["errors"]["lawyer"]
    assert far_away.name not in out_of_scope.content.decode()
    _same_answer(out_of_scope, unknown, far_away.pk)
    co_handler = office.post(
        url, {"lawyer": tree.person_a.pk, "co_handlers": [far_away.pk]}, format="json"
    )
    assert co_handler.status_code == 400
    assert far_away.name not in co_handler.content.decode()
    matter.refresh_from_db()
    assert matter.status == "registered"


def test_a_person_in_scope_who_is_no_public_lawyer_is_still_told_why(tree, cast, matter):
    response = client_for(cast.own_unit).post(
        f"/api/v1/matters/{matter.pk}/assign/", {"lawyer": cast.outsider.person.pk}, format="json"
    )
    assert response.json()["code"] == "not_a_public_lawyer"


@pytest.fixture
def lent(tree, clerk, certify):
    """海淀分局's lawyer, dispatched today to 朝阳分局 (unit_a2) by their superior 北京市公安局."""
    branch = UnitFactory(
        name="北京市公安局海淀分局", region=tree.haidian, vertical_superior=tree.city_unit
    )
    RoleGrant.objects.create(user=clerk, role=Role.UNIT_ADMIN, unit=branch)
    forget_grants(clerk)
    lawyer = PersonFactory(name="海淀律师", unit=branch)
    certify(lawyer)
    requester = user_with(Role.UNIT_ADMIN, tree.unit_a2, username="requester")
    superior = user_with(Role.SUPERIOR_ADMIN, tree.city_unit, username="superior")
    today = timezone.localdate()
    request = services.request_dispatch(
        unit=tree.unit_a2,
        by=requester,
        category="litigation",
        starts_on=today,
        ends_on=today + timedelta(days=30),
        reason="应诉",
    )
    return {"lawyer": lawyer, "requester": requester, "superior": superior, "request": request}


def test_a_lawyer_lent_to_the_unit_can_be_named_on_its_matter(tree, lent):
    services.dispatch(request=lent["request"], by=lent["superior"], lawyer=lent["lawyer"])
    matter = services.register_matter(
        unit=tree.unit_a2,
        by=lent["requester"],
        title="行政诉讼应诉",
        category="litigation",
        subtype="litigation",
        working_days=5,
    )
    response = client_for(lent["requester"]).post(
        f"/api/v1/matters/{matter.pk}/assign/", {"lawyer": lent["lawyer"].pk}, format="json"
    )
    assert response.status_code == 200, response.json()


def test_dispatching_an_out_of_scope_person_is_not_found_like_an_unknown_id(tree, lent):
    superior = client_for(lent["superior"])
    url = f"/api/v1/dispatch-requests/{lent['request'].pk}/dispatch/"
    far_away = tree.person_c
    out_of_scope = superior.post(url, {"lawyer": far_away.pk}, format="json")
    unknown = superior.post(url, {"lawyer": UNKNOWN}, format="json")
    assert out_of_scope.status_code == 400
    _same_answer(out_of_scope, unknown, far_away.pk)
    assert DispatchRequest.objects.get(pk=lent["request"].pk).status == "open"


def test_the_dispatch_form_answers_an_out_of_scope_lawyer_like_an_unknown_one(tree, lent, client):
    client.force_login(lent["superior"])
    url = f"/do/matters.dispatchrequest/{lent['request'].pk}/dispatch/"
    out_of_scope = client.post(url, {"lawyer": tree.person_c.pk})
    unknown = client.post(url, {"lawyer": UNKNOWN})
    # The same refusal for both, naming neither.
    assert out_of_scope.status_code == unknown.status_code == 400
    assert tree.person_c.name not in out_of_scope.content.decode()
    assert DispatchRequest.objects.get(pk=lent["request"].pk).status == "open"
    done = client.post(url, {"lawyer": lent["lawyer"].pk})
    assert done.status_code == 302
    assert DispatchRequest.objects.get(pk=lent["request"].pk).status == "dispatched"


def test_the_adviser_form_offers_only_the_units_own_people(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    page = client.get(f"/people/units/{tree.unit_a.pk}/advisers/new/")
    assert page.status_code == 200
    html = page.content.decode()
    assert tree.person_a.name in html
    assert tree.person_c.name not in html
    assert tree.person_b.name not in html
