"""The pages of regions and units in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import ORGANISATION_READERS, SELF_ROLES
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuGroup, MenuItem

ORGANISATIONS = MenuGroup("organisations", _("区域与单位"), weight=10, icon="bi-diagram-3")
# The tree is read by the business roles and by the duties that configure it or grant on it.
# A lawyer's menu is the lawyer's own work, not the organisation registers.
reads_organisations = holds(*sorted(ORGANISATION_READERS - SELF_ROLES))

menu_items = [
    MenuItem(
        _("区域与单位"), "organisations:tree", reads_organisations, "bi-diagram-3", ORGANISATIONS
    ),
    MenuItem(_("单位"), "organisations:units", reads_organisations, "bi-building", ORGANISATIONS),
]
