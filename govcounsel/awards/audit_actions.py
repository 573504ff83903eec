"""The audit actions of award cycles (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("awards", _("评选表彰"))
for name, label in (
    ("awards.rule.created", _("登记评选规则")),
    ("awards.cycle.opened", _("启动年度评选")),
    ("awards.candidate.proposed", _("推荐评选候选")),
    ("awards.candidate.nominated", _("单位申报评选候选")),
    ("awards.candidate.withdrawn", _("撤回评选候选")),
    ("awards.cycle.locked", _("确定候选名单并提交决定")),
    ("awards.cycle.decided", _("作出表彰决定")),
):
    actions.register(name, label, group="awards")
