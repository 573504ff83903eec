"""The security administrator's page of login security: locked accounts lifted with a
reason, signed-in sessions ended, both in the audit trail; no one else opens it."""

from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.backends.db import SessionStore as PlainStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from govcounsel.accounts.sessions import SessionStore, UserSession
from govcounsel.accounts.tests.factories import UserFactory
from govcounsel.core.models import AuditEvent
from govcounsel.core.testing.cast import ROLES

PASSWORD = "Correct-Horse-42!"
WRONG = "wrong-password-123"
BEIJING = ZoneInfo("Asia/Shanghai")


def login(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


@pytest.fixture
def locked(db):
    """An account of 赵雷, locked by five failed logins from the same browser."""
    user = UserFactory(username="zhaolei", last_name="赵", first_name="雷")
    client = Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(5):
        login(client, "zhaolei", WRONG)
    assert login(client, "zhaolei", PASSWORD).status_code == 403
    return user


@pytest.mark.parametrize("name", ["accounts:lockouts", "accounts:sessions"])
def test_only_the_security_administrator_opens_the_pages(cast, name):
    for role in ROLES:
        response = cast.page(role).get(reverse(name))
        expected = {"security_admin": 200, "anonymous": 302}.get(role, 403)
        assert response.status_code == expected, role
    for role in ("own_unit", "audit_admin"):
        response = cast.page(role).post(
            reverse("accounts:unlock"), {"username": "x", "reason": "y"}
        )
        assert response.status_code == 403


def test_a_locked_account_is_listed_by_name_with_its_failures_address_and_time(cast, locked):
    page = cast.page("security_admin").get(reverse("accounts:lockouts"))
    [lock] = page.context["lockouts"]
    assert (lock.name, lock.failures, lock.address) == ("赵雷", 6, "10.0.0.7")
    html = page.content.decode()
    assert "赵雷" in html
    assert "连续登录失败 6 次" in html
    # Shown in Beijing time.
    assert f"{lock.last_at.astimezone(BEIJING):%Y-%m-%d %H:%M}" in html
    found = cast.page("security_admin").get(reverse("accounts:lockouts"), {"q": "赵"})
    assert len(found.context["lockouts"]) == 1
    none = cast.page("security_admin").get(reverse("accounts:lockouts"), {"q": "钱"})
    assert none.context["lockouts"] == []


def test_unlocking_with_a_reason_is_audited_and_the_account_logs_in_again(cast, locked):
    response = cast.page("security_admin").post(
        reverse("accounts:unlock"), {"username": "zhaolei", "reason": "本人电话确认，忘记密码"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="zhaolei").exists()
    event = AuditEvent.objects.get(action="accounts.lockout.unlocked")
    assert event.actor == cast.security_admin
    assert event.data["reason"] == "本人电话确认，忘记密码"
    assert event.data["username"] == "zhaolei"
    assert login(Client(), "zhaolei", PASSWORD).status_code == 302


@pytest.mark.parametrize("reason", ["", "   "])
def test_unlocking_without_a_reason_is_refused_and_changes_nothing(cast, locked, reason):
    response = cast.page("security_admin").post(
        reverse("accounts:unlock"), {"username": "zhaolei", "reason": reason}
    )
    assert response.status_code == 400
    assert "请填写解除锁定的理由" in response.content.decode()
    assert AccessAttempt.objects.filter(username="zhaolei").exists()
    assert not AuditEvent.objects.filter(action="accounts.lockout.unlocked").exists()
    assert login(Client(), "zhaolei", PASSWORD).status_code == 403


def test_unlocking_an_account_that_is_not_locked_says_so(cast):
    response = cast.page("security_admin").post(
        reverse("accounts:unlock"), {"username": "nobody", "reason": "核实"}
    )
    assert response.status_code == 400
    assert "该账号当前没有被锁定" in response.content.decode()


def test_a_login_keeps_its_session_and_a_logout_removes_it(db):
    UserFactory(username="wangwu")
    browser = Client(HTTP_USER_AGENT="Firefox/128")
    assert login(browser, "wangwu", PASSWORD).status_code == 302
    kept = UserSession.objects.get(user__username="wangwu")
    assert kept.session_id == browser.session.session_key
    assert kept.user_agent == "Firefox/128"
    browser.post("/logout/")
    assert not UserSession.objects.exists()


def test_a_renewed_session_key_keeps_its_row(db):
    user = UserFactory(username="wangwu")
    browser = Client()
    login(browser, "wangwu", PASSWORD)
    store = SessionStore(browser.session.session_key)
    store.load()
    old = store.session_key
    store.cycle_key()  # as the second factor and a password change do
    assert store.session_key != old
    assert UserSession.objects.get(user=user).session_id == store.session_key
    assert not Session.objects.filter(pk=old).exists()
    assert isinstance(store, PlainStore)


def test_ending_a_session_logs_that_browser_out_and_is_audited(cast):
    browser = cast.page("own_unit", fresh=True)
    assert browser.get("/").status_code == 200
    admin = cast.page("security_admin")
    page = admin.get(reverse("accounts:sessions"), {"q": "own_unit"})
    [session] = list(page.context["page_obj"])
    assert session.session_id == browser.cookies["sessionid"].value
    response = admin.post(reverse("accounts:end-session", args=[session.pk]))
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="accounts.session.ended")
    assert event.actor == cast.security_admin
    assert event.data["username"] == "own_unit"
    assert browser.get("/").status_code == 302  # back to the login page
    assert admin.get("/").status_code == 200  # the administrator's own session goes on
    # An ended session is gone: ending it again finds nothing.
    assert admin.post(reverse("accounts:end-session", args=[session.pk])).status_code == 404


def test_no_one_else_ends_a_session(cast):
    browser = cast.page("own_unit", fresh=True)
    key = browser.cookies["sessionid"].value
    session = UserSession.objects.get(session_id=key)
    response = cast.page("sibling_unit").post(reverse("accounts:end-session", args=[session.pk]))
    assert response.status_code == 403
    assert browser.get("/").status_code == 200


def test_a_lockout_tells_the_security_administrators_once(cast):
    from govcounsel.accounts.notices import LOCKED_OUT
    from govcounsel.core.models import Notification

    security = cast.security_admin  # made before the lockout, as the notice needs a holder
    UserFactory(username="qianfeng", last_name="钱", first_name="峰")
    client = Client(REMOTE_ADDR="10.0.0.8")
    for attempt in range(7):  # locked at the fifth; the attempts after it add nothing
        # The language of whoever types the passwords changes nothing.
        client.cookies["django_language"] = "en" if attempt % 2 else "zh-hans"
        login(client, "qianfeng", WRONG)
    [notice] = Notification.objects.filter(kind=LOCKED_OUT)
    assert notice.recipient == security
    assert notice.title == "账号被锁定：钱峰"
    assert notice.url == reverse("accounts:lockouts")
    # A guess at a name nobody holds tells no one.
    for _ in range(6):
        login(Client(REMOTE_ADDR="10.0.0.9"), "nobody-here", WRONG)
    assert Notification.objects.filter(kind=LOCKED_OUT).count() == 1
