"""One way to check a permission in services: raise a domain error that speaks to the person."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from .errors import NotPermitted


def ensure_can(user: Any, perm: str, obj: Any = None, message: Any = None) -> None:
    if not getattr(user, "is_authenticated", False) or not user.has_perm(perm, obj):
        raise NotPermitted(message or _("您没有执行该操作的权限。"))
