"""The audit actions of persons, qualifications and legal advisers (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("people", _("人员与法律顾问"))
for name, label in (
    ("people.person.created", _("新增人员")),
    ("people.person.updated", _("修改人员信息")),
    ("people.person.identity_revealed", _("查看完整身份证号")),
    ("people.qualification.added", _("新增法律职业资格")),
    ("people.qualification.updated", _("修改法律职业资格")),
    ("people.qualification.deleted", _("删除误录的法律职业资格")),
    ("people.adviser.registered", _("登记法律顾问")),
    ("people.adviser.updated", _("修改法律顾问")),
    ("people.adviser.service_ended", _("法律顾问结束服务")),
    ("people.adviser.phone_revealed", _("查看法律顾问完整电话")),
    ("people.survey.imported", _("导入摸底调查表")),
):
    actions.register(name, label, group="people")
