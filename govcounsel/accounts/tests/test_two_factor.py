"""Two-factor login (MLPS 2.0 8.1.4.1 d)): required for the three administrators and for
roles that read identity, optional for others; nothing opens before the second factor."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import UserFactory, user_with
from govcounsel.accounts.two_factor import secret_of
from govcounsel.tests.browser import totp_now
from govcounsel.tests.helpers import events

PASSWORD = "Correct-Horse-42!"


def password_login(username):
    client = Client()
    response = client.post("/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def after_failure_slowdown():
    """django-otp makes a device wait after a wrong code (1 s, then 2, 4, …)."""
    return time_machine.travel(timezone.now() + timedelta(seconds=3), tick=True)


def with_device(user):
    return TOTPDevice.objects.create(user=user, name="totp", confirmed=True)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN])
def test_administrator_without_device_is_sent_to_set_up_before_anything(role):
    user_with(role, username="admin")
    client = password_login("admin")
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/security/two-factor/setup/")
    assert client.get("/admin/")["Location"].startswith("/security/two-factor/setup/")
    api = client.get("/api/v1/regions/")
    assert api.status_code == 403
    assert api.json()["code"] == "two_factor_required"


@pytest.mark.django_db
def test_justice_bureau_must_set_up_two_factor(tree):
    user_with(Role.JUSTICE_BUREAU, tree.chaoyang, username="bureau")
    client = password_login("bureau")
    assert client.get("/people/")["Location"].startswith("/security/two-factor/setup/")


@pytest.mark.django_db
def test_set_up_shows_qr_and_secret_and_a_right_code_opens_the_system():
    user_with(Role.SYSTEM_ADMIN, username="admin")
    client = password_login("admin")
    page = client.get("/security/two-factor/setup/?next=/").content.decode()
    assert "data:image/svg+xml;base64," in page
    device = TOTPDevice.objects.get(user__username="admin", confirmed=False)
    secret = secret_of(device)
    assert secret in page
    wrong = client.post("/security/two-factor/setup/", {"code": "000000", "next": "/"})
    assert "动态验证码错误" in wrong.content.decode()
    with after_failure_slowdown():
        done = client.post("/security/two-factor/setup/", {"code": totp_now(secret), "next": "/"})
    assert done.status_code == 200
    assert 'data-testid="recovery-codes"' in done.content.decode()
    assert client.get("/").status_code == 200
    assert events("accounts.two_factor.enabled")


@pytest.mark.django_db
def test_administrator_with_device_needs_the_code_and_a_wrong_code_is_refused_and_recorded():
    device = with_device(user_with(Role.AUDIT_ADMIN, username="auditor"))
    client = password_login("auditor")
    assert client.get("/audit/")["Location"].startswith("/security/two-factor/verify/")
    # A device already set up cannot be replaced with the password alone.
    assert client.get("/security/two-factor/setup/")["Location"].startswith(
        "/security/two-factor/verify/"
    )
    wrong = client.post("/security/two-factor/verify/", {"code": "123456", "next": "/audit/"})
    assert wrong.status_code == 200
    assert "动态验证码错误" in wrong.content.decode()
    assert client.get("/audit/").status_code == 302
    failed = events("accounts.two_factor.failed")
    assert [e.actor_name for e in failed] == ["auditor"]
    with after_failure_slowdown():
        right = client.post(
            "/security/two-factor/verify/",
            {"code": totp_now(secret_of(device)), "next": "/audit/"},
        )
    assert right["Location"] == "/audit/"
    assert client.get("/audit/").status_code == 200


@pytest.mark.django_db
def test_verify_does_not_redirect_off_site():
    device = with_device(user_with(Role.SYSTEM_ADMIN, username="admin"))
    client = password_login("admin")
    response = client.post(
        "/security/two-factor/verify/",
        {"code": totp_now(secret_of(device)), "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_recovery_code_works_once():
    user_with(Role.SYSTEM_ADMIN, username="admin")
    client = password_login("admin")
    client.get("/security/two-factor/setup/")
    secret = secret_of(TOTPDevice.objects.get(user__username="admin"))
    done = client.post("/security/two-factor/setup/", {"code": totp_now(secret)})
    codes = done.context["codes"]
    first = password_login("admin")
    assert first.post("/security/two-factor/verify/", {"code": codes[0]})["Location"] == "/"
    again = password_login("admin")
    assert again.post("/security/two-factor/verify/", {"code": codes[0]}).status_code == 200


@pytest.mark.django_db
def test_optional_user_logs_in_without_code_and_may_turn_two_factor_on(tree):
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="officer")
    client = password_login("officer")
    assert client.get("/").status_code == 200
    client.get("/security/two-factor/setup/")
    secret = secret_of(TOTPDevice.objects.get(user__username="officer"))
    client.post("/security/two-factor/setup/", {"code": totp_now(secret)})
    # Once on, the next login asks for the code like anyone else's.
    later = password_login("officer")
    assert later.get("/")["Location"].startswith("/security/two-factor/verify/")
    # And the user may turn it off again; an administrator may not.
    later.post("/security/two-factor/verify/", {"code": totp_now(secret, ahead=1)})
    later.post("/security/two-factor/disable/")
    assert not TOTPDevice.objects.filter(user__username="officer").exists()


@pytest.mark.django_db
def test_administrator_cannot_turn_two_factor_off():
    device = with_device(user_with(Role.SECURITY_ADMIN, username="sec"))
    client = password_login("sec")
    client.post("/security/two-factor/verify/", {"code": totp_now(secret_of(device))})
    client.post("/security/two-factor/disable/")
    assert TOTPDevice.objects.filter(user__username="sec").exists()


@pytest.mark.django_db
def test_token_for_a_two_factor_account_needs_the_code(api):
    device = with_device(user_with(Role.SYSTEM_ADMIN, username="admin"))
    data = {"username": "admin", "password": PASSWORD}
    missing = api.post("/api/v1/auth/token/", data)
    assert missing.status_code == 401
    assert "otp" in missing.json()["message"]
    wrong = api.post("/api/v1/auth/token/", {**data, "otp": "000000"})
    assert wrong.status_code == 401
    assert events("accounts.two_factor.failed")
    with after_failure_slowdown():
        right = api.post("/api/v1/auth/token/", {**data, "otp": totp_now(secret_of(device))})
    assert right.status_code == 200
    assert right.json()["token"]


@pytest.mark.django_db
def test_token_refused_to_an_administrator_without_a_device(api):
    user_with(Role.SECURITY_ADMIN, username="sec")
    response = api.post("/api/v1/auth/token/", {"username": "sec", "password": PASSWORD})
    assert response.status_code == 403
    assert response.json()["code"] == "two_factor_setup_required"


@pytest.mark.django_db
def test_optional_user_gets_a_token_without_code(api):
    UserFactory(username="plain")
    response = api.post("/api/v1/auth/token/", {"username": "plain", "password": PASSWORD})
    assert response.status_code == 200
