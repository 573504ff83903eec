"""When an account must choose a new password before anything else (MLPS 2.0
8.1.4.1 a)): it was set up or reset by an administrator, or it holds an administrator duty
and its password is older than ADMIN_PASSWORD_MAX_AGE_DAYS."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from .choices import ADMIN_DUTIES
from .scopes import has_role


def password_expired(user: Any) -> bool:
    days = settings.ADMIN_PASSWORD_MAX_AGE_DAYS
    if not days or not has_role(user, ADMIN_DUTIES):
        return False
    since = user.password_changed_at or user.date_joined
    return bool(since and since + timedelta(days=days) < timezone.now())


def must_change_password(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.must_change_password or password_expired(user))


class PasswordIsCurrent(BasePermission):
    """The API is closed to an account until it has chosen its own, current password."""

    message = _("请先修改密码：首次登录、密码被重置或管理员密码已过期。")

    def has_permission(self, request: Any, view: Any) -> bool:
        return not must_change_password(request.user)
