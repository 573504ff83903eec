import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with


@pytest.fixture
def client(client, db):
    client.force_login(user_with(Role.SYSTEM_ADMIN))
    return client


@pytest.mark.django_db
def test_schema_and_docs_are_for_logged_in_users_only():
    from django.test import Client

    anonymous = Client()
    assert anonymous.get("/api/schema/").status_code in (401, 403)
    assert anonymous.get("/api/docs/").status_code in (401, 403)


@pytest.mark.django_db
def test_openapi_schema_lists_every_resource(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for resource in ["regions", "units", "people", "qualifications", "advisers"]:
        assert f"/api/v1/{resource}/" in paths
        assert f"/api/v1/{resource}/{{id}}/" in paths
    assert "/api/v1/auth/token/" in paths
    assert "/api/v1/people/{id}/identity/" in paths
    for verb in ["submit", "review", "approve", "reject", "withdraw"]:
        assert f"/api/v1/certificate-applications/{{id}}/{verb}/" in paths
    for verb in ["suspend", "reinstate", "cancel"]:
        assert f"/api/v1/certificates/{{id}}/{verb}/" in paths
    assert "/api/v1/certificates/decode/" in paths
    assert "/api/v1/cancellation-cases/{id}/complete/" in paths
    assert "/api/v1/coverage/" in paths
    assert "/api/v1/targets/{id}/" in paths
    for verb in ["assign", "accept", "decline", "submit-opinion", "return", "close"]:
        assert f"/api/v1/matters/{{id}}/{verb}/" in paths
    assert "/api/v1/decisions/{id}/decide/" in paths
    assert "/api/v1/decision-items/" in paths


@pytest.mark.django_db
def test_swagger_ui_is_served_offline(client):
    page = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn" not in page.lower()
    assert "unpkg" not in page.lower()
