from typing import Any

from django.core.management.base import BaseCommand

from govcounsel.coverage.models import Target
from govcounsel.coverage.policy_targets import POLICY_TARGETS
from govcounsel.organisations.models import Region


class Command(BaseCommand):
    help = "载入政策文件规定的覆盖目标（区域存在时）；已有的不重复载入。"

    def handle(self, *args: Any, **options: Any) -> None:
        regions = {
            r.code: r for r in Region.objects.filter(code__in={t[0] for t in POLICY_TARGETS})
        }
        created = 0
        for code, level, kind, enforcement, metric, percentage, deadline, clause in POLICY_TARGETS:
            if code not in regions:
                continue
            _target, made = Target.objects.get_or_create(
                region=regions[code],
                level=level,
                kind=kind,
                enforcement=enforcement,
                metric=metric,
                deadline=deadline,
                defaults={"percentage": percentage, "source_clause": clause},
            )
            created += made
        self.stdout.write(f"载入覆盖目标{created}项。")
