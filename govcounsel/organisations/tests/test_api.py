import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.organisations.models import Region
from govcounsel.tests.helpers import client_for


@pytest.mark.parametrize("actor", ["own_unit", "parent_region"])
def test_regions_above_the_grant_are_invisible(tree, cast, actor):
    assert (
        client_for(cast.user(actor)).get(f"/api/v1/regions/{tree.beijing.pk}/").status_code == 404
    )


def test_system_admin_creates_and_renames(tree):
    client = client_for(user_with(Role.SYSTEM_ADMIN))
    created = client.post(
        "/api/v1/regions/", {"code": "110101", "name": "东城区", "parent": "110100"}, format="json"
    )
    assert created.status_code == 201, created.json()
    assert created.json()["parent_code"] == "110100"
    assert created.json()["level"] == "county"
    renamed = client.patch(
        f"/api/v1/regions/{created.json()['id']}/", {"name": "东城"}, format="json"
    )
    assert renamed.json()["name"] == "东城"
    moved = client.patch(
        f"/api/v1/regions/{created.json()['id']}/", {"code": "110102"}, format="json"
    )
    assert moved.status_code == 400
    unit = client.post(
        "/api/v1/units/",
        {
            "name": "东城区司法局",
            "credit_code": "91350100M000100Y43",
            "kind": "government_organ",
            "level": "county",
            "region": created.json()["id"],
            "sector": "justice",
            "abbreviation": "东司",
        },
        format="json",
    )
    assert unit.status_code == 201, unit.json()
    assert (unit.json()["sector"], unit.json()["abbreviation"]) == ("justice", "东司")
    listed = client.get("/api/v1/units/", {"sector": "justice"}).json()["results"]
    assert [u["name"] for u in listed] == ["东城区司法局"]
    wrong = client.patch(f"/api/v1/units/{unit.json()['id']}/", {"sector": "x"}, format="json")
    assert wrong.status_code == 400


def test_region_refusal_speaks_chinese_with_a_code(tree):
    client = client_for(user_with(Role.SYSTEM_ADMIN))
    response = client.post(
        "/api/v1/regions/", {"code": "610723", "name": "x", "parent": "110100"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_parent"
    assert response.json()["errors"]["parent"] == ["区划代码610723不属于上级区域市辖区。"]
    assert not Region.objects.filter(code="610723").exists()


def test_unit_filters(tree):
    client = client_for(user_with(Role.SUPERVISOR, tree.beijing))
    names = lambda **q: sorted(u["name"] for u in client.get("/api/v1/units/", q).json()["results"])  # noqa: E731
    assert names(region="110105") == sorted([tree.unit_a.name, tree.unit_a2.name])
    assert names(has_enforcement_power="true") == sorted([tree.city_unit.name, tree.unit_a.name])
    assert names(q="海淀") == [tree.unit_b.name]
    assert names(vertical_superior=tree.city_unit.pk) == [tree.unit_a2.name]
