"""Passwords (MLPS 2.0 8.1.4.1 a)): complexity, no reuse of the last five, expiry for
administrators, and self-service change on a page and through the API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from govcounsel.accounts import services
from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import UserFactory, user_with
from govcounsel.tests.helpers import events

PASSWORD = "Correct-Horse-42!"


@pytest.mark.parametrize(
    "password",
    [
        "correcthorsebattery",  # one class
        "correct-horse-battery",  # two classes
        "CORRECTHORSEBATTERY1",  # two classes
        "Correct-Hooorse-42!",  # a run of three
        "Correct-Horse-4222!",
    ],
)
@pytest.mark.django_db
def test_passwords_need_three_classes_and_no_run_of_one_character(password):
    with pytest.raises(ValidationError):
        validate_password(password, UserFactory.build(username="zhangsan"))


@pytest.mark.parametrize("password", [PASSWORD, "Gov-Demo-2026!", "lan-tian-bai-yun-7"])
@pytest.mark.django_db
def test_passwords_with_three_classes_pass(password):
    validate_password(password, UserFactory.build(username="zhangsan"))


@pytest.mark.django_db
def test_none_of_the_last_five_passwords_comes_back():
    user = UserFactory()
    used = [f"Fresh-Start-{n}a" for n in range(1, 6)]
    for password in used:
        services.change_password(user=user, new_password=password)
    for password in used:
        with pytest.raises(services.DomainError, match="最近5次"):
            services.change_password(user=user, new_password=password)
    # The sixth-last is forgotten: the original password may come back after five others.
    services.change_password(user=user, new_password="Fresh-Start-6a")
    services.change_password(user=user, new_password="Fresh-Start-1a")
    assert user.password_history.count() == 5


@pytest.mark.django_db
def test_an_administrator_with_an_old_password_is_sent_to_change_it(client, settings):
    settings.ADMIN_PASSWORD_MAX_AGE_DAYS = 90
    admin = user_with(Role.AUDIT_ADMIN)
    admin.password_changed_at = timezone.now() - timedelta(days=91)
    admin.save()
    client.force_login(admin)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/"
    assert client.get("/api/v1/regions/").status_code == 403
    business = UserFactory()
    business.password_changed_at = timezone.now() - timedelta(days=400)
    business.save()
    client.force_login(business)
    assert client.get("/").status_code == 200  # expiry is for administrators


@pytest.mark.django_db
def test_changing_the_password_on_the_page_keeps_the_session_and_is_audited(client):
    user = user_with(Role.SYSTEM_ADMIN)
    user.must_change_password = True
    user.save()
    client.force_login(user)
    assert client.get("/").status_code == 302
    refused = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password": "weakweakweak", "new_password_again": "x"},
    )
    assert refused.status_code == 200
    response = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password": "Brand-New-Pass-7",
            "new_password_again": "Brand-New-Pass-7",
        },
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    user.refresh_from_db()
    assert user.check_password("Brand-New-Pass-7")
    assert not user.must_change_password
    assert len(events("accounts.password.changed")) == 1


@pytest.mark.django_db
def test_password_change_through_the_api(api):
    user = UserFactory(username="officer", must_change_password=True)
    api.force_authenticate(user)
    assert api.get("/api/v1/regions/").status_code == 403
    wrong = api.post(
        "/api/v1/auth/password/", {"old_password": "nope", "new_password": "Brand-New-Pass-7"}
    )
    assert wrong.status_code == 400
    weak = api.post(
        "/api/v1/auth/password/", {"old_password": PASSWORD, "new_password": "aaaaaaaaaaaaa"}
    )
    assert weak.status_code == 400
    done = api.post(
        "/api/v1/auth/password/", {"old_password": PASSWORD, "new_password": "Brand-New-Pass-7"}
    )
    assert done.status_code == 204
    user.refresh_from_db()
    assert user.check_password("Brand-New-Pass-7")
    assert api.get("/api/v1/regions/").status_code == 200
