"""The audit actions of administrative disputes (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("disputes", _("行政争议"))
for name, label in (
    ("disputes.dispute.registered", _("登记行政争议")),
    ("disputes.dispute.edited", _("修改行政争议登记信息")),
    ("disputes.dispute.deleted", _("删除误登记的行政争议")),
    ("disputes.dispute.qualified", _("认定为行政争议")),
    ("disputes.dispute.unqualified", _("认定不构成行政争议")),
    ("disputes.dispute.guided", _("引导行政争议化解渠道")),
    ("disputes.dispute.assigned", _("委派公职律师参与行政争议化解")),
    ("disputes.dispute.relieved", _("调整参与行政争议化解的公职律师")),
    ("disputes.dispute.conflict_reported", _("报告工作冲突")),
    ("disputes.dispute.conflict_decided", _("负责人处理工作冲突")),
    ("disputes.dispute.closed", _("办结行政争议")),
    ("disputes.dispute.phone_read", _("查看行政争议相对人完整电话")),
    ("disputes.attachment.downloaded", _("查看或下载行政争议材料")),
):
    actions.register(name, label, group="disputes")

# The audit action of each dispute step (DisputeStep.action): services look the name up, so
# every name is written out here and can be found by search.
DISPUTE_STEP_EVENTS = {
    "registered": "disputes.dispute.registered",
    "edited": "disputes.dispute.edited",
    "qualified": "disputes.dispute.qualified",
    "unqualified": "disputes.dispute.unqualified",
    "guided": "disputes.dispute.guided",
    "assigned": "disputes.dispute.assigned",
    "relieved": "disputes.dispute.relieved",
    "conflict_reported": "disputes.dispute.conflict_reported",
    "conflict_decided": "disputes.dispute.conflict_decided",
    "closed": "disputes.dispute.closed",
}
