"""The pages of activities in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import CASEWORK_READERS
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuItem
from govcounsel.matters.menu import MATTERS

# The casework readers: the unit's office, the lawyer, the supervisor and the justice bureau;
# not the association or the reconciliation centre.
menu_items = [
    MenuItem(
        _("争议化解与普法活动"),
        "activities:list",
        holds(*sorted(CASEWORK_READERS)),
        "bi-megaphone",
        MATTERS,
    ),
]
