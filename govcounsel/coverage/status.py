"""Where a target stands: met, on track, or missed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from .choices import Metric, TargetStatus
from .models import Target
from .selectors import Figures, figures_by_region


@dataclass
class TargetReading:
    target: Target
    status: TargetStatus
    measured_on: date
    figures: Figures
    rate: float | None

    @property
    def is_met(self) -> bool:
        return self.status == TargetStatus.MET

    @property
    def is_missed(self) -> bool:
        return self.status == TargetStatus.MISSED


def read_target(target: Target, today: date | None = None) -> TargetReading:
    """Past its deadline a target is judged on the figures of the deadline day; before it,
    on today's: reached already is met, not yet reached is on track."""
    today = today or timezone.localdate()
    day = min(today, target.deadline)
    figures = figures_by_region(None, target.region, target.group, day).get(
        target.region.path, Figures()
    )
    rate = figures.rate(target.metric)
    if reached(figures, target.metric, target.percentage):
        status = TargetStatus.MET
    elif today > target.deadline:
        status = TargetStatus.MISSED
    else:
        status = TargetStatus.ON_TRACK
    return TargetReading(target, status, day, figures, rate)


def reached(figures: Figures, metric: str, percentage: Decimal | int) -> bool:
    """Counted units against the target in whole numbers: 23 of 40 reach 57.5%, although
    23 / 40 * 100 in floating point falls just short of it. No units reach nothing."""
    if not figures.units:
        return False
    counted = figures.covered
    if metric == Metric.WORK:
        counted += figures.advised_only  # 001 一(二): advisers carry the work
    return counted * 100 >= Decimal(str(percentage)) * figures.units
