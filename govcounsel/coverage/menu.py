"""The coverage pages in the main menu (see core/menu.py)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import SELF_ROLES
from govcounsel.accounts.scopes import roles_of
from govcounsel.core.menu import MenuGroup, MenuItem

from .rules import reads_reports

COVERAGE = MenuGroup("coverage", _("覆盖率"), weight=20, icon="bi-pie-chart")


def reads_reports_beyond_own_work(user: Any) -> bool:
    """The views' own test (business roles only, never the three administrator duties,
    三员分立), less a lawyer's menu: a lawyer's menu is the lawyer's own work."""
    return reads_reports(user) and bool(roles_of(user) - SELF_ROLES)


menu_items = [
    MenuItem(
        _("覆盖率"), "coverage:dashboard", reads_reports_beyond_own_work, "bi-pie-chart", COVERAGE
    ),
    MenuItem(
        _("季度通报"),
        "coverage:bulletins",
        reads_reports_beyond_own_work,
        "bi-file-earmark-text",
        COVERAGE,
    ),
]
