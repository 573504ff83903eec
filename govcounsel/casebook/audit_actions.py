"""The audit actions of typical cases and their compilation (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("casebook", _("典型案例"))
for name, label in (
    ("casebook.case.nominated", _("推荐典型案例")),
    ("casebook.case.accepted", _("采用典型案例并进入编辑")),
    ("casebook.case.declined", _("不予采用典型案例")),
    ("casebook.case.edited", _("编辑典型案例")),
    ("casebook.case.anonymised", _("典型案例隐名处理")),
    ("casebook.case.published", _("发布典型案例")),
    ("casebook.case.revised", _("修订已发布的典型案例")),
    ("casebook.case.withdrawn", _("撤下典型案例")),
    ("casebook.compilation.issued", _("印发典型案例汇编")),
    ("casebook.compilation.downloaded", _("下载典型案例汇编")),
):
    actions.register(name, label, group="casebook")
