"""`manage.py verify_audit`: walk the audit trail's hash chains (ADR 0010) and report the
first broken link of each; exit 1 when one is found, or when the connected role could
change the trail."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core import audit_chain
from govcounsel.core.audit import verify_chains

CHAINS = {"events": _("审计事件"), "changes": _("字段变更记录")}
REASONS = {
    "previous": _("与前一条的摘要不相接（此前的记录被删除、插入或改动）"),
    "content": _("内容与摘要不符（该条记录被改动）"),
    "unsealed": _("没有摘要（该条记录绕过应用写入）"),
}


class Command(BaseCommand):
    help = "校验审计记录的哈希链，报告第一处断裂。"

    def handle(self, *args: Any, **options: Any) -> None:
        problems = []
        for chain, checked, broken in verify_chains():
            label = CHAINS[chain]
            if broken is None:
                self.stdout.write(
                    _("%(chain)s：%(count)s 条，哈希链完整。") % {"chain": label, "count": checked}
                )
                continue
            at = timezone.localtime(broken.at).strftime("%Y-%m-%d %H:%M:%S") if broken.at else ""
            problems.append(
                _("%(chain)s：哈希链在编号 %(id)s（%(at)s）处断裂：%(reason)s。")
                % {"chain": label, "id": broken.pk, "at": at, "reason": REASONS[broken.reason]}
            )
        for table in audit_chain.writable_audit_tables(connection):
            problems.append(
                _(
                    "当前数据库角色可以修改或删除审计表 %(table)s，"
                    "请按 docs/operations.md 收回权限。"
                )
                % {"table": table}
            )
        if problems:
            raise CommandError("\n".join(problems))
