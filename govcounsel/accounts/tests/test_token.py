import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import UserFactory, user_with


@pytest.mark.django_db
def test_token_login_then_token_auth(api, tree):
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="officer")
    response = api.post(
        "/api/v1/auth/token/", {"username": "officer", "password": "Correct-Horse-42!"}
    )
    assert response.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    people = api.get("/api/v1/people/").json()
    assert [p["name"] for p in people["results"]] == ["王建国"]


@pytest.mark.django_db
def test_token_refused_with_code_and_message(api):
    UserFactory(username="officer")
    response = api.post(
        "/api/v1/auth/token/", {"username": "officer", "password": "nope-nope-nope"}
    )
    assert response.status_code == 401
    assert response.json() == {"code": "authentication_failed", "message": "用户名或密码错误。"}


@pytest.mark.django_db
def test_token_login_locks_after_five_failures(api):
    UserFactory(username="officer")
    for _ in range(5):
        api.post("/api/v1/auth/token/", {"username": "officer", "password": "nope-nope-nope"})
    response = api.post(
        "/api/v1/auth/token/", {"username": "officer", "password": "Correct-Horse-42!"}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert "锁定" in response.json()["message"]


@pytest.mark.django_db
def test_anonymous_api_request_gets_json_error(api):
    response = api.get("/api/v1/people/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response.json()["message"] == "请先登录。"
