"""`manage.py verify_audit`: walk the audit trail's hash chains (ADR 0010) and report the
first broken link of each; exit 1 when one is found, or when the connected role could
change the trail."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from govcounsel.core.audit_check import check_audit_trail


class Command(BaseCommand):
    help = "校验审计记录的哈希链，报告第一处断裂。"

    def handle(self, *args: Any, **options: Any) -> None:
        intact, problems = check_audit_trail()
        for line in intact:
            self.stdout.write(line)
        if problems:
            raise CommandError("\n".join(problems))
