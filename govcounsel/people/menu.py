"""The pages of people, qualifications and advisers in the main menu (see core/menu.py)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import DOMAIN_ROLES, PEOPLE_MANAGERS, SELF_ROLES
from govcounsel.accounts.predicates import holds
from govcounsel.accounts.scopes import has_role
from govcounsel.core.menu import MenuGroup, MenuItem

PEOPLE = MenuGroup("people", _("人员"), weight=40, icon="bi-person-vcard")
# The registers of people are for the business roles that keep them, not a lawyer's own menu.
REGISTERS = holds(*sorted(DOMAIN_ROLES - SELF_ROLES))


def imports_surveys(user: Any) -> bool:
    """The survey import's own gate (views/survey._ensure_importer): a unit to manage."""
    from govcounsel.organisations.models import Unit

    return has_role(user, PEOPLE_MANAGERS) and Unit.objects.manageable_by(user).exists()


menu_items = [
    MenuItem(_("人员查询"), "people:list", REGISTERS, "bi-people", PEOPLE),
    MenuItem(_("法律职业资格"), "people:qualifications", REGISTERS, "bi-award", PEOPLE),
    MenuItem(_("法律顾问"), "people:advisers", REGISTERS, "bi-person-badge", PEOPLE),
    MenuItem(_("摸排表导入"), "people:survey", imports_surveys, "bi-file-earmark-arrow-up", PEOPLE),
]
