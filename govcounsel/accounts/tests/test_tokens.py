"""API tokens expire, are stored hashed, end at logout and password change, and can be listed
and revoked by their owner and by the security administrator (MLPS 2.0 8.1.4.1 b))."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import UserFactory, user_with
from govcounsel.accounts.tokens import ApiToken
from govcounsel.tests.helpers import events

PASSWORD = "Correct-Horse-42!"


def obtain(username):
    response = APIClient().post("/api/v1/auth/token/", {"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def as_token(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.mark.django_db
def test_token_is_stored_only_as_a_hash_and_its_issue_recorded():
    UserFactory(username="plain")
    key = obtain("plain")
    token = ApiToken.objects.get()
    assert key not in {token.key_hash, token.prefix}
    assert not ApiToken.objects.filter(key_hash__contains=key).exists()
    assert events("accounts.token.issued")


@pytest.mark.django_db
def test_each_login_issues_a_new_token():
    UserFactory(username="plain")
    assert obtain("plain") != obtain("plain")


@pytest.mark.django_db
def test_token_ends_after_eight_idle_hours(tree):
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="officer")
    key = obtain("officer")
    start = timezone.now()
    with time_machine.travel(start + timedelta(hours=7, minutes=59)):
        assert as_token(key).get("/api/v1/people/").status_code == 200
    with time_machine.travel(start + timedelta(hours=15, minutes=58)):
        assert as_token(key).get("/api/v1/people/").status_code == 200
    with time_machine.travel(start + timedelta(hours=24)):
        response = as_token(key).get("/api/v1/people/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


@pytest.mark.django_db
def test_token_ends_seven_days_after_issue_even_when_used(tree):
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="officer")
    key = obtain("officer")
    start = timezone.now()
    for hours in range(6, 7 * 24, 6):
        with time_machine.travel(start + timedelta(hours=hours)):
            assert as_token(key).get("/api/v1/people/").status_code == 200
    with time_machine.travel(start + timedelta(days=7, minutes=1)):
        assert as_token(key).get("/api/v1/people/").status_code == 401


@pytest.mark.django_db
def test_logout_ends_the_users_tokens(client):
    user = UserFactory(username="plain")
    key = obtain("plain")
    client.force_login(user)
    client.post("/logout/")
    assert as_token(key).get("/api/v1/auth/tokens/").status_code == 401
    assert events("accounts.token.revoked")[0].data["reason"] == "logout"


@pytest.mark.django_db
def test_password_change_ends_the_users_tokens():
    user = UserFactory(username="plain")
    key = obtain("plain")
    user.set_password("Another-Horse-43!")
    user.save()
    assert as_token(key).get("/api/v1/auth/tokens/").status_code == 401


@pytest.mark.django_db
def test_saving_the_account_without_a_new_password_keeps_its_tokens():
    user = UserFactory(username="plain")
    key = obtain("plain")
    user.first_name = "三"
    user.save()
    assert as_token(key).get("/api/v1/auth/tokens/").status_code == 200


@pytest.mark.django_db
def test_owner_lists_and_revokes_own_tokens_but_not_others():
    UserFactory(username="alice")
    UserFactory(username="bob")
    alice = as_token(obtain("alice"))
    obtain("bob")
    listed = alice.get("/api/v1/auth/tokens/").json()
    assert [t["username"] for t in listed] == ["alice"]
    assert listed[0]["current"] is True
    assert "key_hash" not in listed[0]
    bobs = ApiToken.objects.get(user__username="bob")
    assert alice.delete(f"/api/v1/auth/tokens/{bobs.pk}/").status_code == 404
    assert alice.delete(f"/api/v1/auth/tokens/{listed[0]['id']}/").status_code == 204
    assert alice.get("/api/v1/auth/tokens/").status_code == 401
    assert events("accounts.token.revoked")


@pytest.mark.django_db
def test_security_administrator_lists_and_revokes_anyones_token(client):
    UserFactory(username="bob")
    bob = as_token(obtain("bob"))
    security = user_with(Role.SECURITY_ADMIN, username="sec")
    api = APIClient()
    api.force_login(security)
    listed = api.get("/api/v1/auth/tokens/?user=bob").json()
    assert [t["username"] for t in listed] == ["bob"]
    client.force_login(security)
    page = client.get("/security/").content.decode()
    assert "bob" in page
    response = client.post(f"/security/tokens/{listed[0]['id']}/revoke/")
    assert response.status_code == 302
    assert bob.get("/api/v1/auth/tokens/").status_code == 401
    revoked = events("accounts.token.revoked")[0]
    assert revoked.actor_name == "sec"


@pytest.mark.django_db
def test_owner_page_lists_only_own_tokens(client):
    alice = UserFactory(username="alice")
    UserFactory(username="bob")
    obtain("alice")
    obtain("bob")
    client.force_login(alice)
    page = client.get("/security/").content.decode()
    assert "<td>alice</td>" in page
    assert "<td>bob</td>" not in page
    bobs = ApiToken.objects.get(user__username="bob")
    assert client.post(f"/security/tokens/{bobs.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=bobs.pk).exists()


@pytest.mark.django_db
def test_garbage_token_is_refused_with_json():
    response = as_token("not-a-token").get("/api/v1/people/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
