"""The pages of public-lawyer certificates in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import CASEWORK_READERS, DOMAIN_ROLES, SELF_ROLES, Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuGroup, MenuItem

CERTIFICATES = MenuGroup("certificates", _("证书"), weight=50, icon="bi-card-heading")
# A lawyer's menu is the lawyer's own work (their own application): not the registers.
BUSINESS = holds(*sorted(DOMAIN_ROLES - SELF_ROLES))
# The casework of units: not the association or the reconciliation centre.
CASEWORK = holds(*sorted(CASEWORK_READERS))
UNIT_CASEWORK = holds(*sorted(CASEWORK_READERS - SELF_ROLES))

menu_items = [
    MenuItem(
        _("证书申请"), "certificates:applications", CASEWORK, "bi-pencil-square", CERTIFICATES
    ),
    MenuItem(
        _("证书登记簿"), "certificates:certificates", BUSINESS, "bi-journal-bookmark", CERTIFICATES
    ),
    MenuItem(_("注销案件"), "certificates:cases", UNIT_CASEWORK, "bi-x-octagon", CERTIFICATES),
    MenuItem(
        _("具有资格但未申请"),
        "certificates:qualified",
        BUSINESS,
        "bi-hourglass-split",
        CERTIFICATES,
    ),
    # 001 三(五): the lawyers association records who has joined it.
    MenuItem(
        _("未入会的公职律师"),
        "certificates:non-members",
        holds(Role.ASSOCIATION),
        "bi-person-plus",
        CERTIFICATES,
    ),
    MenuItem(
        _("律师协会会员"),
        "certificates:members",
        holds(Role.ASSOCIATION),
        "bi-people",
        CERTIFICATES,
    ),
]
