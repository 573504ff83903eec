from datetime import date

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.coverage.models import Target
from govcounsel.tests.helpers import client_for


def test_coverage_endpoint(landscape):
    client = client_for(user_with(Role.SUPERVISOR, landscape.beijing))
    body = client.get("/api/v1/coverage/", {"region": "110100", "on": "2023-12-31"}).json()
    assert body["figures"]["units"] == 3
    assert body["figures"]["coverage_rate"] == pytest.approx(1 / 3)
    assert [(c["code"], c["figures"]["covered"]) for c in body["children"]] == [
        ("110105", 1),
        ("110108", 0),
    ]
    enforcement = client.get(
        "/api/v1/coverage/", {"region": "110100", "enforcement": "true", "on": "2023-12-31"}
    )
    assert enforcement.json()["figures"]["units"] == 1


def test_coverage_is_scoped_and_validated(landscape):
    client = client_for(user_with(Role.SUPERVISOR, landscape.chaoyang))
    assert client.get("/api/v1/coverage/").json()["region"]["code"] == "110105"
    hidden = client.get("/api/v1/coverage/", {"region": "110000"})
    assert (hidden.status_code, hidden.json()["code"]) == (400, "not_found")
    bad = client.get("/api/v1/coverage/", {"on": "31/12/2023"})
    assert bad.json()["errors"]["on"] == ["日期应为YYYY-MM-DD格式的有效日期。"]
    assert client_for(None).get("/api/v1/coverage/").status_code == 401


TARGET = {
    "metric": "coverage",
    "percentage": "80.00",
    "deadline": "2024-12-31",
    "source_clause": "000 二",
    "level": "county",
}


@pytest.mark.parametrize(
    ("role", "anchor", "status"),
    [
        (Role.SUPERVISOR, "chaoyang", 201),
        (Role.SUPERVISOR, "beijing", 201),
        (Role.SUPERVISOR, "haidian", 400),  # Chaoyang is not a region it can see
        (Role.JUSTICE_BUREAU, "chaoyang", 403),
        (Role.UNIT_ADMIN, "unit_a", 403),
    ],
)
def test_who_sets_targets(landscape, role, anchor, status):
    client = client_for(user_with(role, getattr(landscape, anchor)))
    response = client.post(
        "/api/v1/targets/", {**TARGET, "region": landscape.chaoyang.pk}, format="json"
    )
    assert response.status_code == status, response.json()
    assert Target.objects.exists() is (status == 201)


def test_targets_report_their_status(landscape):
    supervisor = user_with(Role.SUPERVISOR, landscape.chaoyang)
    client = client_for(supervisor)
    created = client.post(
        "/api/v1/targets/",
        {**TARGET, "region": landscape.chaoyang.pk, "percentage": "50", "deadline": "2023-12-31"},
        format="json",
    ).json()
    assert (created["status"], created["measured_rate"]) == ("met", 50.0)  # 1 of 2 on 2023-12-31
    changed = client.patch(
        f"/api/v1/targets/{created['id']}/", {"enforcement": False}, format="json"
    ).json()
    assert changed["status"] == "missed"
    listed = (
        client_for(user_with(Role.UNIT_ADMIN, landscape.unit_a))
        .get("/api/v1/targets/")
        .json()["results"]
    )
    assert [t["id"] for t in listed] == [created["id"]]
    assert (
        client_for(user_with(Role.SUPERVISOR, landscape.chenggu))
        .get("/api/v1/targets/")
        .json()["results"]
        == []
    )


def test_percentage_is_bounded(landscape):
    client = client_for(user_with(Role.SUPERVISOR, landscape.chaoyang))
    response = client.post(
        "/api/v1/targets/",
        {**TARGET, "region": landscape.chaoyang.pk, "percentage": "120"},
        format="json",
    )
    assert response.status_code == 400
    assert "percentage" in response.json()["errors"]


def test_policy_targets_visible_through_the_api(landscape):
    from django.core.management import call_command

    call_command("load_policy_targets", verbosity=0)
    landscape.unit_c.has_enforcement_power = True
    landscape.unit_c.save()
    client = client_for(user_with(Role.SUPERVISOR, landscape.chenggu))
    (forty,) = [
        t for t in client.get("/api/v1/targets/").json()["results"] if t["percentage"] == "40.00"
    ]
    assert forty["deadline"] == str(date(2023, 12, 31))
    assert forty["status"] == "met"  # unit_c was certified in 2022
