"""The client address in the trail: X-Forwarded-For is believed from configured proxies
only, read from the right, and a malformed value never costs the event."""

import pytest
from django.test import RequestFactory

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.context import client_address
from govcounsel.tests.helpers import events

PROXY = "10.0.0.5"


def address(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **extra))


def test_forwarded_for_from_an_untrusted_client_is_ignored(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert address("203.0.113.7", "1.2.3.4") == "203.0.113.7"


def test_forwarded_for_from_a_trusted_proxy_gives_the_hop_before_it(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    # The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
    assert address(PROXY, "1.2.3.4, 198.51.100.20") == "198.51.100.20"
    assert address(PROXY, "198.51.100.20, 10.0.0.9") == "198.51.100.20"


@pytest.mark.parametrize("forwarded", ["not-an-address", "1.2.3.4:5:6, ", "<script>", ","])
def test_malformed_forwarded_for_falls_back_to_the_proxy(settings, forwarded):
    settings.TRUSTED_PROXIES = [PROXY]
    assert address(PROXY, forwarded) == PROXY


def test_without_a_usable_remote_address_there_is_none():
    assert address("") is None


@pytest.mark.django_db
@pytest.mark.parametrize("forwarded", ["garbage", "999.1.1.1", "1.2.3.4, nonsense"])
def test_failed_login_with_a_malformed_forwarded_for_is_recorded(client, settings, forwarded):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    user_with(Role.SYSTEM_ADMIN, username="sys")
    response = client.post(
        "/login/",
        {"username": "sys", "password": "wrong-password-123"},
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert response.status_code == 200
    (event,) = events("accounts.login.failed")
    assert event.client_address == "127.0.0.1"


@pytest.mark.django_db
def test_forged_forwarded_for_does_not_reach_the_trail(client):
    user_with(Role.SYSTEM_ADMIN, username="sys")
    client.post(
        "/login/",
        {"username": "sys", "password": "wrong-password-123"},
        HTTP_X_FORWARDED_FOR="8.8.8.8",
    )
    (event,) = events("accounts.login.failed")
    assert event.client_address == "127.0.0.1"
