from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from govcounsel.coverage.models import Target
from govcounsel.coverage.policy_targets import POLICY_TARGETS
from govcounsel.organisations.models import Region


class Command(BaseCommand):
    help = "载入政策文件规定的覆盖目标（区域存在时）；已有的不重复载入。"

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        regions = {
            r.code: r
            for r in Region.objects.filter(code__in={t.region_code for t in POLICY_TARGETS})
        }
        created = 0
        for policy in POLICY_TARGETS:
            if policy.region_code not in regions:
                continue
            # A preloaded target is known by its region, its words and its level (003 二(六)
            # sets one target per level in the same words); a supervisor's later changes to
            # its figures are kept.
            _target, made = Target.objects.get_or_create(
                region=regions[policy.region_code],
                clause_text=policy.clause_text,
                level=policy.level,
                defaults={
                    "kind": policy.kind,
                    "enforcement": policy.enforcement,
                    "metric": policy.metric,
                    "percentage": policy.percentage,
                    "deadline": policy.deadline,
                    "source_clause": policy.source_clause,
                },
            )
            created += made
        self.stdout.write(f"载入覆盖目标{created}项。")
