"""The audit actions of the reconciliation centre (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("reconciliation", _("和解中心"))
for name, label in (
    ("reconciliation.rule.created", _("新增人才库规则")),
    ("reconciliation.rule.updated", _("修改人才库规则")),
    ("reconciliation.rule.retired", _("终止人才库规则")),
    ("reconciliation.nomination.created", _("推荐和解调解员")),
    ("reconciliation.nomination.renewed", _("和解调解员续期")),
    ("reconciliation.nomination.ended", _("和解调解员退出人才库")),
    ("reconciliation.nomination.reminded", _("提醒未按期推荐和解调解员的单位")),
    ("reconciliation.draw.made", _("抽取和解调解员")),
    ("reconciliation.draw.verified", _("复核和解调解员抽取")),
    ("reconciliation.mediator.withdrawn", _("和解调解员回避或未到场")),
    ("reconciliation.session.scheduled", _("安排和解调解会")),
    ("reconciliation.session.held", _("登记和解调解会已举行")),
    ("reconciliation.session.cancelled", _("取消和解调解会")),
):
    actions.register(name, label, group="reconciliation")
