from datetime import date

import pytest
from django.core.management import call_command

from govcounsel.coverage.choices import TargetStatus
from govcounsel.coverage.models import Target
from govcounsel.coverage.status import read_target


def target(region, **fields):
    defaults = {
        "metric": "coverage",
        "percentage": 100,
        "deadline": date(2023, 12, 31),
        "source_clause": "测试",
    }
    return Target.objects.create(region=region, **{**defaults, **fields})


@pytest.mark.parametrize(
    ("fields", "today", "status"),
    [
        # Chaoyang on 2023-12-31: 1 of 2 covered (50%), work carried in 2 of 2.
        ({"percentage": 50}, date(2024, 6, 1), TargetStatus.MET),
        ({"percentage": 100}, date(2024, 6, 1), TargetStatus.MISSED),
        ({"metric": "work", "percentage": 100}, date(2024, 6, 1), TargetStatus.MET),
        (
            {"percentage": 100, "deadline": date(2026, 12, 31)},
            date(2024, 6, 1),
            TargetStatus.ON_TRACK,
        ),
        ({"enforcement": True, "percentage": 100}, date(2024, 6, 1), TargetStatus.MET),
        # Judged on the deadline day, not later: unit_a was certified 2023-06-01.
        ({"percentage": 50, "deadline": date(2023, 5, 31)}, date(2024, 6, 1), TargetStatus.MISSED),
    ],
)
def test_target_status(landscape, fields, today, status):
    reading = read_target(target(landscape.chaoyang, **fields), today=today)
    assert reading.status == status


def test_reading_reports_the_measured_day_and_rate(landscape):
    reading = read_target(target(landscape.chaoyang), today=date(2024, 6, 1))
    assert reading.measured_on == date(2023, 12, 31)
    assert reading.rate == 0.5


def test_policy_targets_load_where_their_regions_exist(tree):
    call_command("load_policy_targets", verbosity=0)
    loaded = {
        (t.region.code, t.metric, float(t.percentage), t.deadline) for t in Target.objects.all()
    }
    assert ("610722", "coverage", 40.0, date(2023, 12, 31)) in loaded
    assert ("110105", "coverage", 100.0, date(2023, 12, 31)) in loaded
    assert ("110000", "work", 100.0, date(2025, 12, 31)) in loaded  # 003 二(六) 工作实现全覆盖
    count = Target.objects.count()
    call_command("load_policy_targets", verbosity=0)
    assert Target.objects.count() == count == 7
