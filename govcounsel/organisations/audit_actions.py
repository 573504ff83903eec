"""The audit actions of regions and units (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("organisations", _("地区与单位"))
for name, label in (
    ("organisations.region.created", _("新增地区")),
    ("organisations.region.updated", _("修改地区")),
    ("organisations.unit.created", _("新增单位")),
    ("organisations.unit.updated", _("修改单位")),
    ("organisations.unit.abolished", _("撤销单位")),
):
    actions.register(name, label, group="organisations")
