"""A lockout for the demo's security administrator to find: a staff member of the showcase
unit mistyped the password until the account locked, through the same authentication path
as the login page, so the lockout and its notice are those a real one makes."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate
from django.test import RequestFactory

from govcounsel.accounts.models import User

LOCKED_USERNAME = "zhangxiao_cy"


def seed_lockout() -> User:
    user = User(username=LOCKED_USERNAME, last_name="张晓（朝阳区市场监管局）")
    user.set_unusable_password()  # not a demo login: nobody can sign in as it
    user.save()
    request = RequestFactory().post("/login/", REMOTE_ADDR="10.10.3.27")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        authenticate(request, username=LOCKED_USERNAME, password="mistyped")  # noqa: S106
    return user
