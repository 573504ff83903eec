"""The pages of legal matters in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import CASEWORK_READERS, SELF_ROLES, Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuGroup, MenuItem

MATTERS = MenuGroup("matters", _("法律事务"), weight=30, icon="bi-briefcase")
# The casework of units: not the association or the reconciliation centre.
CASEWORK = holds(*sorted(CASEWORK_READERS))
# A lawyer's menu is the lawyer's own work: the unit's registers are for those who run them
# (a lawyer who also runs an office holds that role too).
UNIT_CASEWORK = holds(*sorted(CASEWORK_READERS - SELF_ROLES))

menu_items = [
    MenuItem(_("我的承办事项"), "matters:mine", holds(Role.PUBLIC_LAWYER), "bi-inbox", MATTERS),
    MenuItem(_("法律事务"), "matters:board", UNIT_CASEWORK, "bi-briefcase", MATTERS),
    MenuItem(_("决策事项"), "matters:decisions", UNIT_CASEWORK, "bi-clipboard-check", MATTERS),
    MenuItem(_("工作档案"), "matters:archive", CASEWORK, "bi-archive", MATTERS),
    MenuItem(_("跨单位调派"), "matters:dispatches", UNIT_CASEWORK, "bi-arrow-left-right", MATTERS),
    # The talent pool of the superior unit's vertical system (views/dispatch.pool).
    MenuItem(_("人才库"), "matters:pool", holds(Role.SUPERIOR_ADMIN), "bi-people", MATTERS),
]
