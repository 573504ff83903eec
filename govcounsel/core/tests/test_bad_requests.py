"""Bad input costs a 400 or a 404 with a clear message, never a 500."""

import pytest

from config.api import router
from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.tests.helpers import client_for

PREFIXES = [prefix for prefix, _viewset, _basename in router.registry]


@pytest.fixture
def bureau(tree):
    return client_for(user_with(Role.JUSTICE_BUREAU, tree.beijing))


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_non_numeric_id_is_not_found_on_every_api_route(bureau, prefix):
    for method in ("get", "patch", "delete"):
        response = getattr(bureau, method)(f"/api/v1/{prefix}/abc/", {}, format="json")
        assert response.status_code == 404, (method, prefix)
        assert response.json()["code"] == "not_found"
    action = bureau.post(f"/api/v1/{prefix}/1x/accept/", {}, format="json")
    assert action.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/certificate-applications/?q=3",
        "/api/v1/work-archives/?person=abc&year=2026",
        "/api/v1/work-archives/?person=1&year=zz",
        "/api/v1/work-archives/?person=99999999999999999999&year=2026",
        "/api/v1/coverage/?on=2026-02-30",
        "/api/v1/coverage/?region=zz",
        "/api/v1/matters/?cursor=%%%",
    ],
)
def test_malformed_query_parameters_answer_400_or_404(bureau, path):
    response = bureau.get(path)
    assert response.status_code in (200, 400, 404), response.content[:300]
    if response.status_code != 200:
        assert response.json()["message"]


def test_patching_a_region_with_nothing_is_not_a_server_error(tree):
    admin = client_for(user_with(Role.SYSTEM_ADMIN))
    response = admin.patch(f"/api/v1/regions/{tree.chaoyang.pk}/", {}, format="json")
    assert response.status_code in (200, 403, 404, 405)
