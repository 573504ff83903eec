"""The awards pages in the main menu (see core/menu.py)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import SELF_ROLES
from govcounsel.accounts.scopes import roles_of
from govcounsel.core.menu import MenuItem
from govcounsel.disputes.menu import DISPUTES

from .rules import reads_awards, reads_repeated

# One group for the work of seed 002, so that the bar stays on one line.
AWARDS = DISPUTES


def reads_beyond_own_work(user: Any) -> bool:
    """The business roles, less a lawyer's menu: a lawyer's menu is the lawyer's own work."""
    return bool(reads_awards(user)) and bool(roles_of(user) - SELF_ROLES)


menu_items = [
    MenuItem(_("评选表彰"), "awards:cycles", reads_beyond_own_work, "bi-trophy", AWARDS),
    MenuItem(_("表彰名单"), "awards:awardees", reads_beyond_own_work, "bi-award", AWARDS),
    MenuItem(_("多次评优公职律师"), "awards:repeated", reads_repeated, "bi-stars", AWARDS),
    MenuItem(_("评选规则"), "awards:rules", reads_beyond_own_work, "bi-journal-text", AWARDS),
]
