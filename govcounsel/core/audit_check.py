"""The audit trail checked in words (ADR 0010): each hash chain intact or its first broken
link, and any audit table the connected database role could change. Used by
`manage.py verify_audit` and by the daily check that tells the audit administrators."""

from __future__ import annotations

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import audit_chain
from .audit import verify_chains

CHAINS = {"events": _("审计事件"), "changes": _("字段变更记录")}
REASONS = {
    "previous": _("与前一条的摘要不相接（此前的记录被删除、插入或改动）"),
    "content": _("内容与摘要不符（该条记录被改动）"),
    "unsealed": _("没有摘要（该条记录绕过应用写入）"),
}


def check_audit_trail() -> tuple[list[str], list[str]]:
    """(what holds, what is wrong), one line each."""
    intact: list[str] = []
    problems: list[str] = []
    for chain, checked, broken in verify_chains():
        label = CHAINS[chain]
        if broken is None:
            intact.append(
                str(_("%(chain)s：%(count)s 条，哈希链完整。") % {"chain": label, "count": checked})
            )
            continue
        at = timezone.localtime(broken.at).strftime("%Y-%m-%d %H:%M:%S") if broken.at else ""
        problems.append(
            str(
                _("%(chain)s：哈希链在编号 %(id)s（%(at)s）处断裂：%(reason)s。")
                % {"chain": label, "id": broken.pk, "at": at, "reason": REASONS[broken.reason]}
            )
        )
    for table in audit_chain.writable_audit_tables(connection):
        problems.append(
            str(
                _(
                    "当前数据库角色可以修改或删除审计表 %(table)s，"
                    "请按 docs/operations.md 收回权限。"
                )
                % {"table": table}
            )
        )
    return intact, problems
