"""三员分立: the system, security and audit administrators read no business report —
no coverage figures, no targets, no bulletins — on any page, API endpoint or the back office;
the business roles still do."""

from __future__ import annotations

import pytest
from django.urls import reverse

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.coverage.models import Bulletin, Target

ADMINISTRATORS = [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN]


@pytest.fixture
def reports(tree):
    target = Target.objects.create(
        region=tree.chaoyang, percentage=50, deadline="2026-12-31", source_clause="000 二"
    )
    bulletin = Bulletin.objects.create(region=tree.chaoyang, year=2025, quarter=4, status="done")
    return target, bulletin


def report_pages(tree, target, bulletin):
    """Every page and endpoint of the coverage URL conf and of the coverage API."""
    region = f"?region={tree.chaoyang.code}"
    return [
        ("get", reverse("coverage:dashboard") + region, None),
        ("get", reverse("coverage:dashboard") + region + "&export=regions", None),
        ("get", reverse("coverage:dashboard") + region + "&export=targets", None),
        ("get", reverse("coverage:target-create") + region, None),
        ("get", reverse("coverage:target-update", args=[target.pk]), None),
        ("get", reverse("coverage:bulletins"), None),
        ("get", reverse("coverage:bulletin", args=[bulletin.pk]), None),
        ("get", reverse("coverage:bulletin-download", args=[bulletin.pk, "pdf"]), None),
        ("get", "/api/v1/coverage/" + region, None),
        ("get", "/api/v1/targets/", None),
        ("get", f"/api/v1/targets/{target.pk}/", None),
        ("get", "/api/v1/bulletins/", None),
        ("get", f"/api/v1/bulletins/{bulletin.pk}/", None),
        ("get", f"/api/v1/bulletins/{bulletin.pk}/download/?file=pdf", None),
        ("get", "/admin/coverage/target/", None),
        ("get", "/admin/coverage/bulletin/", None),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("duty", ADMINISTRATORS)
def test_no_administrator_reads_coverage_targets_or_bulletins(tree, reports, client, duty):
    target, bulletin = reports
    client.force_login(user_with(duty, is_staff=True, is_superuser=True))
    answered = {
        url: getattr(client, method)(url).status_code
        for method, url, _body in report_pages(tree, target, bulletin)
    }
    leaked = {url: status for url, status in answered.items() if status not in {403, 404}}
    assert leaked == {}


@pytest.mark.django_db
@pytest.mark.parametrize("duty", ADMINISTRATORS)
def test_no_administrator_sets_a_target_or_requests_a_bulletin(tree, client, duty):
    client.force_login(user_with(duty, is_staff=True))
    body = {"region": tree.chaoyang.pk, "percentage": 50, "deadline": "2026-12-31"}
    assert client.post("/api/v1/targets/", body | {"source_clause": "x"}).status_code == 403
    bulletin = {"region": tree.chaoyang.code, "year": 2025, "quarter": 1}
    assert client.post("/api/v1/bulletins/", bulletin).status_code == 403
    assert not Target.objects.exists()
    assert not Bulletin.objects.exists()


@pytest.mark.django_db
def test_the_supervisor_still_reads_every_report(tree, reports, client):
    target, bulletin = reports
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    region = f"?region={tree.chaoyang.code}"
    assert client.get(reverse("coverage:dashboard") + region).status_code == 200
    assert client.get(reverse("coverage:bulletins")).status_code == 200
    assert client.get(reverse("coverage:bulletin", args=[bulletin.pk])).status_code == 200
    assert client.get(reverse("coverage:target-update", args=[target.pk])).status_code == 200
    assert client.get("/api/v1/coverage/" + region).status_code == 200
    assert [t["id"] for t in client.get("/api/v1/targets/").json()["results"]] == [target.pk]
    assert [b["id"] for b in client.get("/api/v1/bulletins/").json()["results"]] == [bulletin.pk]
