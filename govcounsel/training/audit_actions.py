"""The audit actions of public-lawyer training (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("training", _("公职律师培训"))
for name, label in (
    ("training.requirement.set", _("设定培训要求")),
    ("training.exemption.granted", _("登记培训免除")),
    ("training.plan.created", _("制定培训计划")),
    ("training.course.added", _("添加培训课程")),
    ("training.session.added", _("添加培训场次")),
    ("training.course.enrolled", _("报名参加培训")),
    ("training.course.attendance_recorded", _("登记参训情况")),
    ("training.course.attendance_imported", _("导入培训签到表")),
    ("training.course.checked_in", _("培训现场签到")),
    ("training.enrolment.certificate_issued", _("出具培训证明")),
    ("training.claim.submitted", _("自报外部培训")),
    ("training.claim.verified", _("核验自报培训")),
    ("training.claim.refused", _("自报培训未通过核验")),
    ("training.claim.proof_downloaded", _("查看自报培训证明材料")),
    ("training.sample.drawn", _("抽取年度培训核验样本")),
    ("training.sample.checked", _("核查抽查事项")),
    ("training.reminders.sent", _("发送培训年末提醒")),
):
    actions.register(name, label, group="training")
