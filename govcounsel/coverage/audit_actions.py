"""The audit actions of coverage targets and bulletins (see core/audit_actions.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit_actions import actions

actions.group("coverage", _("覆盖率与通报"))
for name, label in (
    ("coverage.target.created", _("新增覆盖率目标")),
    ("coverage.target.updated", _("修改覆盖率目标")),
    ("coverage.target.retired", _("终止覆盖率目标")),
    ("coverage.target.deleted", _("删除误录的覆盖率目标")),
    ("coverage.bulletin.requested", _("申请生成通报")),
    ("coverage.bulletin.generated", _("生成通报")),
    ("coverage.bulletin.downloaded", _("下载通报")),
    ("coverage.bulletin.retried", _("重新生成通报")),
):
    actions.register(name, label, group="coverage")
