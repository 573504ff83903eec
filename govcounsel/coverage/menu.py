"""The coverage pages in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.menu import MenuGroup, MenuItem

from .rules import reads_reports

COVERAGE = MenuGroup("coverage", _("覆盖率"), weight=20, icon="bi-pie-chart")

# Business reports only, never the three administrator duties (三员分立): the views' own test.
menu_items = [
    MenuItem(_("覆盖率"), "coverage:dashboard", reads_reports, "bi-pie-chart", COVERAGE),
    MenuItem(_("季度通报"), "coverage:bulletins", reads_reports, "bi-file-earmark-text", COVERAGE),
]
