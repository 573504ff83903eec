"""The audit actions of legal matters, decisions and dispatch (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("matters", _("法律事务"))
for name, label in (
    ("matters.matter.registered", _("登记法律事务")),
    ("matters.matter.assigned", _("指派主办公职律师")),
    ("matters.matter.accepted", _("接受法律事务")),
    ("matters.matter.declined", _("拒绝法律事务")),
    ("matters.matter.opinion", _("提交法律意见")),
    ("matters.matter.returned", _("退回修改法律意见")),
    ("matters.matter.closed", _("办结法律事务")),
    ("matters.matter.reminded", _("催办法律事务")),
    ("matters.matter.edited", _("修改法律事务登记信息")),
    ("matters.matter.withdrawn", _("撤回法律事务")),
    ("matters.matter.reassigned", _("改派法律事务")),
    ("matters.matter.deadline_changed", _("调整法律事务办理期限")),
    ("matters.attachment.downloaded", _("查看或下载法律事务附件")),
    ("matters.opinion_attachment.downloaded", _("查看或下载法律意见附件")),
    ("matters.decline.judged", _("认定拒绝理由")),
    ("matters.commission_letter.issued", _("出具委托函")),
    ("matters.decision_item.added", _("新增重大决策事项")),
    ("matters.decision_item.updated", _("修改重大决策事项")),
    ("matters.decision.opened", _("新建决策")),
    ("matters.decision.decided", _("作出决策")),
    ("matters.overtime.recorded", _("登记加班")),
    ("matters.dispatch.requested", _("申请调派公职律师")),
    ("matters.dispatch.dispatched", _("调派公职律师")),
    ("matters.dispatch.rejected", _("驳回调派申请")),
    ("matters.expertise.added", _("新增专长")),
    ("matters.expertise.renamed", _("修改专长名称")),
    ("matters.expertise.retired", _("停用专长")),
    ("matters.expertise.restored", _("恢复使用专长")),
    ("matters.expertise.tagged", _("标注公职律师专长")),
):
    actions.register(name, label, group="matters")

# The audit action of each matter step (MatterStep.action): services look the name up, so
# every name is written out here and can be found by search.
MATTER_STEP_EVENTS = {
    "registered": "matters.matter.registered",
    "assigned": "matters.matter.assigned",
    "accepted": "matters.matter.accepted",
    "declined": "matters.matter.declined",
    "opinion": "matters.matter.opinion",
    "returned": "matters.matter.returned",
    "closed": "matters.matter.closed",
    "withdrawn": "matters.matter.withdrawn",
    "reassigned": "matters.matter.reassigned",
}
