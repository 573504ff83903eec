"""The casebook's pages in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuItem
from govcounsel.disputes.menu import DISPUTES

# One group for the work of seed 002, so that the bar stays on one line.
CASEBOOK = DISPUTES
READERS = holds(Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN, Role.SUPERVISOR, Role.JUSTICE_BUREAU)
OFFICE = holds(Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN)

menu_items = [
    MenuItem(_("典型案例登记簿"), "casebook:cases", READERS, "bi-journal-richtext", CASEBOOK),
    MenuItem(_("推荐典型案例"), "casebook:nominable", OFFICE, "bi-hand-thumbs-up", CASEBOOK),
    MenuItem(
        _("典型案例汇编"),
        "casebook:compilations",
        "casebook.read_compilations",
        "bi-book",
        CASEBOOK,
    ),
    MenuItem(_("公开的典型案例"), "public:cases", READERS, "bi-globe", CASEBOOK),
]
