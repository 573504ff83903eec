"""The audit actions of applications, certificates and cancellation cases
(see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("certificates", _("公职律师证书"))
for name, label in (
    ("certificates.application.created", _("提出证书申请")),
    ("certificates.application.reviewed", _("审核通过证书申请")),
    ("certificates.application.returned", _("退回证书申请")),
    ("certificates.application.submitted", _("申报证书申请")),
    ("certificates.application.approved", _("批准证书申请")),
    ("certificates.application.rejected", _("不予批准证书申请")),
    ("certificates.application.withdrawn", _("撤回证书申请")),
    ("certificates.certificate.issued", _("颁发证书")),
    ("certificates.certificate.suspended", _("暂停执业")),
    ("certificates.certificate.reinstated", _("恢复执业")),
    ("certificates.certificate.cancelled", _("注销证书")),
    ("certificates.case.opened", _("立注销案件")),
    ("certificates.case.recovered", _("收回证书")),
    ("certificates.case.completed", _("办结注销案件")),
    ("certificates.membership.recorded", _("登记律师协会会员")),
    ("certificates.membership.ended", _("律师协会会员退会")),
    ("certificates.scan.downloaded", _("下载扫描件")),
):
    actions.register(name, label, group="certificates")

# The audit action of each workflow step (the step's `action`): services look the name up,
# so every name is written out here and can be found by search.
APPLICATION_STEP_EVENTS = {
    "reviewed": "certificates.application.reviewed",
    "returned": "certificates.application.returned",
    "submitted": "certificates.application.submitted",
    "rejected": "certificates.application.rejected",
    "withdrawn": "certificates.application.withdrawn",
}
CERTIFICATE_STEP_EVENTS = {
    "suspended": "certificates.certificate.suspended",
    "reinstated": "certificates.certificate.reinstated",
}
