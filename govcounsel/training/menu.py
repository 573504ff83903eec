"""The training pages in the main menu (see core/menu.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import TRAINING_REGION_ROLES, UNIT_ROLES, Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.menu import MenuGroup, MenuItem

from .selectors import reads_compliance

TRAINING = MenuGroup("training", _("培训"), weight=45, icon="bi-mortarboard")

LAWYER = holds(Role.PUBLIC_LAWYER)
# The offer (plans, courses) is read by every business role except the reconciliation
# centre, which has no part in training.
OFFER = holds(*sorted(TRAINING_REGION_ROLES | UNIT_ROLES | {Role.PUBLIC_LAWYER}))
REGION_BODIES = holds(Role.JUSTICE_BUREAU, Role.ASSOCIATION)
RECORDS = holds(*sorted(TRAINING_REGION_ROLES | UNIT_ROLES))

menu_items = [
    MenuItem(_("我的培训"), "training:mine", LAWYER, "bi-person-check", TRAINING),
    MenuItem(_("培训计划"), "training:plans", OFFER, "bi-calendar3", TRAINING),
    MenuItem(_("培训课程"), "training:courses", OFFER, "bi-easel", TRAINING),
    MenuItem(_("培训登记册"), "training:enrolments", RECORDS, "bi-journal-check", TRAINING),
    MenuItem(_("自报培训"), "training:claims", OFFER, "bi-file-earmark-check", TRAINING),
    MenuItem(_("培训达标情况"), "training:compliance", reads_compliance, "bi-bar-chart", TRAINING),
    MenuItem(_("培训要求"), "training:requirements", RECORDS, "bi-sliders", TRAINING),
    MenuItem(_("培训免除"), "training:exemptions", RECORDS, "bi-pause-circle", TRAINING),
    MenuItem(_("抽查核验"), "training:samples", REGION_BODIES, "bi-shuffle", TRAINING),
]
