"""The account pages in the main menu (see core/menu.py)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.core.menu import MenuGroup, MenuItem

from .choices import IDENTITY_READERS
from .predicates import holds

ACCOUNTS = MenuGroup("accounts", _("待审批的角色授权"), weight=70, icon="bi-person-check")


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
]
