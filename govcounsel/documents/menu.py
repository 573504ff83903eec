"""The documents register in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import REGION_ROLES, UNIT_ROLES
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuGroup, MenuItem

DOCUMENTS = MenuGroup("documents", _("公文"), weight=65, icon="bi-file-earmark-text")
# Those who issue documents (unit offices, region offices) and those they are sent to;
# the administrator duties read no business records (三员分立), lawyers their own work.
ISSUERS_AND_READERS = holds(*sorted(UNIT_ROLES | REGION_ROLES))

menu_items = [
    MenuItem(
        _("公文登记"), "documents:list", ISSUERS_AND_READERS, "bi-file-earmark-text", DOCUMENTS
    ),
]
