"""Login attempts are limited per account and per client address, on the HTML form and
the token endpoint alike, with a 429 in Chinese (MLPS 2.0 8.1.4.1 b))."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client, override_settings
from rest_framework.test import APIClient

from config.settings import base
from govcounsel.accounts.tests.factories import UserFactory
from govcounsel.tests.helpers import events

PASSWORD = "Correct-Horse-42!"
REAL_LIMITS = override_settings(LOGIN_RATE_LIMITS=base.LOGIN_RATE_LIMITS)


@pytest.fixture(autouse=True)
def _within_one_minute():
    # The limits count per clock minute: a test whose attempts crossed a minute boundary
    # would start a fresh allowance halfway and never see its 429.
    with time_machine.travel(datetime(2026, 11, 23, 2, 0, 1, tzinfo=UTC), tick=False):
        yield


def test_defaults_are_ten_per_account_and_sixty_per_address_a_minute():
    assert base.LOGIN_RATE_LIMITS == {"account": "10/m", "address": "60/m"}


@REAL_LIMITS
@pytest.mark.django_db
def test_eleventh_token_request_for_one_account_in_a_minute_is_refused():
    UserFactory(username="plain")
    answers = [
        APIClient(REMOTE_ADDR=f"10.0.0.{i}")
        .post("/api/v1/auth/token/", {"username": "plain", "password": PASSWORD})
        .status_code
        for i in range(11)
    ]
    assert answers == [200] * 10 + [429]
    refused = APIClient().post("/api/v1/auth/token/", {"username": "plain", "password": PASSWORD})
    assert refused.json()["code"] == "throttled"
    assert "过于频繁" in refused.json()["message"]
    assert int(refused["Retry-After"]) > 0


@REAL_LIMITS
@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_refused_on_the_login_page():
    client = Client(REMOTE_ADDR="203.0.113.9")
    answers = [
        client.post("/login/", {"username": f"guess{i}", "password": "x"}).status_code
        for i in range(61)
    ]
    assert answers[:60] == [200] * 60
    assert answers[60] == 429
    page = client.post("/login/", {"username": "other", "password": "x"})
    assert "登录尝试过于频繁" in page.content.decode()
    assert events("accounts.login.throttled")
    # Another address is not affected.
    UserFactory(username="plain")
    other = Client(REMOTE_ADDR="203.0.113.10")
    assert other.post("/login/", {"username": "plain", "password": PASSWORD}).status_code == 302


@REAL_LIMITS
@pytest.mark.django_db
def test_login_page_and_token_endpoint_share_the_account_count():
    UserFactory(username="plain")
    for i in range(5):
        Client(REMOTE_ADDR=f"10.0.1.{i}").post(
            "/login/", {"username": "plain", "password": PASSWORD}
        )
        APIClient(REMOTE_ADDR=f"10.0.2.{i}").post(
            "/api/v1/auth/token/", {"username": "plain", "password": PASSWORD}
        )
    response = Client(REMOTE_ADDR="10.0.3.1").post(
        "/login/", {"username": "plain", "password": PASSWORD}
    )
    assert response.status_code == 429
