"""The audit actions of activities (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("activities", _("争议化解与普法活动"))
for name, label in (
    ("activities.activity.recorded", _("登记争议化解或普法活动")),
    ("activities.activity.corrected", _("更正争议化解或普法活动")),
    ("activities.activity.deleted", _("删除误录的活动")),
):
    actions.register(name, label, group="activities")
