"""The reconciliation centre's pages in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuItem
from govcounsel.disputes.menu import DISPUTES

# One group for the work of seed 002, so that the bar stays on one line.
RECONCILIATION = DISPUTES
CENTRE = holds(Role.RECONCILIATION_ADMIN)
# The organ's rule-of-law office nominates its mediators and sees its line of the ledger.
OFFICE = holds(Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN)
CENTRE_OR_OFFICE = holds(Role.RECONCILIATION_ADMIN, Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN)

menu_items = [
    MenuItem(_("待委派争议"), "reconciliation:awaiting", CENTRE, "bi-inbox", RECONCILIATION),
    MenuItem(
        _("和解调解会"), "reconciliation:sessions", CENTRE, "bi-calendar-event", RECONCILIATION
    ),
    MenuItem(
        _("和解调解员人才库"), "reconciliation:pool", CENTRE_OR_OFFICE, "bi-people", RECONCILIATION
    ),
    MenuItem(
        _("未推荐单位"), "reconciliation:missing", CENTRE, "bi-exclamation-circle", RECONCILIATION
    ),
    MenuItem(
        _("和解调解工作台账"),
        "reconciliation:ledger",
        CENTRE_OR_OFFICE,
        "bi-journal-text",
        RECONCILIATION,
    ),
    MenuItem(_("人才库规则"), "reconciliation:rules", CENTRE, "bi-sliders", RECONCILIATION),
    MenuItem(
        _("我的和解调解"),
        "reconciliation:mine",
        holds(Role.PUBLIC_LAWYER),
        "bi-person-badge",
        RECONCILIATION,
    ),
]
