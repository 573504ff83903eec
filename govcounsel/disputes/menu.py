"""The disputes pages in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import DISPUTE_REGION_ROLES, UNIT_ROLES, Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuGroup, MenuItem

from .figures import reads_dispute_figures

DISPUTES = MenuGroup("disputes", _("争议化解"), weight=35, icon="bi-chat-square-text")

# The organ's office works the register; the supervisor, the justice bureau and the
# reconciliation centre read their region's (scoping decides the rows).
REGISTER_READERS = holds(*sorted(UNIT_ROLES | DISPUTE_REGION_ROLES))

menu_items = [
    MenuItem(_("我的行政争议"), "disputes:mine", holds(Role.PUBLIC_LAWYER), "bi-inbox", DISPUTES),
    MenuItem(_("行政争议登记"), "disputes:list", REGISTER_READERS, "bi-journal-text", DISPUTES),
    MenuItem(
        _("化解情况统计"), "disputes:figures", reads_dispute_figures, "bi-bar-chart", DISPUTES
    ),
]
