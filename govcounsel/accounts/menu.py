"""The account pages in the main menu (see core/menu.py)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.core.menu import MenuGroup, MenuItem

from .choices import IDENTITY_READERS
from .predicates import holds, is_security_admin

ACCOUNTS = MenuGroup("accounts", _("待审批的角色授权"), weight=70, icon="bi-person-check")
LOGIN_SECURITY = MenuGroup("login-security", _("登录安全"), weight=75, icon="bi-shield-lock")


def pending_count(user: Any) -> int:
    """Grants that read identity data and wait for this bureau's approval."""
    from .services import pending_grants_for

    return len(pending_grants_for(user))


menu_items = [
    MenuItem(
        _("待审批的角色授权"),
        "accounts:pending-grants",
        holds(*sorted(IDENTITY_READERS)),
        "bi-person-check",
        ACCOUNTS,
        badge=pending_count,
    ),
    # The security administrator's pages (views/lockouts.py, the same gate).
    MenuItem(_("被锁定的账号"), "accounts:lockouts", is_security_admin, "bi-lock", LOGIN_SECURITY),
    MenuItem(_("登录会话"), "accounts:sessions", is_security_admin, "bi-display", LOGIN_SECURITY),
]
