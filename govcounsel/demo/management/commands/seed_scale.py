"""A national-size data set for the speed benchmarks (benchmarks/coverage.py)."""

from typing import Any

from auditlog.context import disable_auditlog
from django.core.management.base import BaseCommand, CommandError

from govcounsel.demo.scale import ScaleSize, build, build_disputes, build_matters
from govcounsel.organisations.models import Unit


class Command(BaseCommand):
    help = (
        "生成全国规模的测试数据：约3,000个县级区域、50,000个单位、1,000,000名人员、150,000张证书。"
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="规模系数，如0.1为十分之一")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--matters", type=int, default=None, help="法律事务数量，默认为规模系数×5,000,000"
        )
        parser.add_argument(
            "--disputes", type=int, default=None, help="行政争议数量，默认为规模系数×500,000"
        )

    def handle(
        self,
        *args: Any,
        scale: float,
        seed: int,
        matters: int | None,
        disputes: int | None = None,
        **options: Any,
    ) -> None:
        if Unit.objects.exists():
            raise CommandError("数据库中已有单位数据；请在空数据库上运行（如单独的基准测试库）。")
        size = ScaleSize().scaled(scale)
        self.stdout.write(f"生成规模：{size}")
        with disable_auditlog():
            build(size, seed=seed, say=self.stdout.write)
            build_matters(
                int(5_000_000 * scale) if matters is None else matters, say=self.stdout.write
            )
            build_disputes(
                int(500_000 * scale) if disputes is None else disputes, say=self.stdout.write
            )
        self.stdout.write(self.style.SUCCESS("完成。"))
