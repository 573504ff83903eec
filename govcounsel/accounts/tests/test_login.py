from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import UserFactory, user_with
from govcounsel.tests.helpers import events

PASSWORD = "Correct-Horse-42!"
WRONG = "wrong-password-123"


def login(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


@pytest.mark.django_db
def test_login_lands_on_the_home_page_and_is_recorded(client):
    user_with(Role.SYSTEM_ADMIN, username="sys")
    response = login(client, "sys", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert len(events("accounts.login.succeeded")) == 1


@pytest.mark.django_db
def test_wrong_password_and_unknown_user_get_the_same_message(client):
    UserFactory(username="known")
    wrong = login(client, "known", WRONG).content.decode()
    unknown = login(client, "nobody", WRONG).content.decode()
    message = "用户名或密码错误"
    assert message in wrong
    assert message in unknown
    failed = events("accounts.login.failed")
    assert {e.data["username"] for e in failed} == {"known", "nobody"}
    assert all(WRONG not in str(e.data) for e in failed)


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["known", "nobody"])
def test_five_failures_lock_the_account_for_fifteen_minutes(client, username):
    UserFactory(username="known")
    for _ in range(5):
        login(client, username, WRONG)
    locked = login(client, username, PASSWORD if username == "known" else WRONG)
    assert locked.status_code == 403
    assert "锁定15分钟" in locked.content.decode()
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME


@pytest.mark.django_db
def test_four_failures_do_not_lock_and_success_resets(client):
    UserFactory(username="known")
    for _ in range(4):
        login(client, "known", WRONG)
    assert login(client, "known", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_idle_session_ends_after_thirty_minutes(client):
    user = user_with(Role.SYSTEM_ADMIN)
    client.force_login(user)
    assert client.get("/").status_code == 200
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    # Each request moves the expiry on; thirty idle minutes later the session is gone.
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.django_db
def test_activity_extends_the_session(client):
    client.force_login(user_with(Role.SYSTEM_ADMIN))
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    client.get("/")
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=29)


@pytest.mark.django_db
def test_logout_ends_the_server_session(client):
    client.force_login(user_with(Role.SYSTEM_ADMIN))
    assert Session.objects.count() == 1
    client.post("/logout/")
    assert Session.objects.count() == 0
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_forms_require_csrf():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    UserFactory(username="known")
    assert strict.post("/login/", {"username": "known", "password": PASSWORD}).status_code == 403


@pytest.mark.parametrize(
    "password", ["short-pw1!", "password1234", "123456789012345", "zhangsan-2024"]
)
@pytest.mark.django_db
def test_weak_passwords_are_refused(password):
    user = UserFactory.build(username="zhangsan", first_name="san", last_name="zhang")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_production_hashes_with_argon2():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
