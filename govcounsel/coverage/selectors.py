"""Coverage figures as of any date, for any region subtree and unit group.

One query annotates every unit in scope with three facts as of the date — a public lawyer
in an active period, a legal adviser in service, a qualified full-time legal officer in
post — and counts them per region; the roll-up to every ancestor region happens on those
few rows in Python. The query count does not grow with the number of regions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from govcounsel.certificates.models import ActivePeriod
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import LegalAdviser, Person, Qualification

from .choices import Metric
from .groups import UnitGroup


@dataclass
class Figures:
    units: int = 0
    covered: int = 0  # at least one public lawyer active on the day
    advised_only: int = 0  # no public lawyer, but a legal adviser in service
    shortfall: int = 0  # no public lawyer although qualified full-time legal staff are in post

    @property
    def neither(self) -> int:
        return self.units - self.covered - self.advised_only

    @property
    def coverage_rate(self) -> float | None:
        return self.covered / self.units if self.units else None

    @property
    def work_rate(self) -> float | None:
        return (self.covered + self.advised_only) / self.units if self.units else None

    def rate(self, metric: str) -> float | None:
        return self.coverage_rate if metric == Metric.COVERAGE else self.work_rate

    def __iadd__(self, other: Figures) -> Figures:
        self.units += other.units
        self.covered += other.covered
        self.advised_only += other.advised_only
        self.shortfall += other.shortfall
        return self

    def as_dict(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "covered": self.covered,
            "advised_only": self.advised_only,
            "neither": self.neither,
            "shortfall": self.shortfall,
            "coverage_rate": self.coverage_rate,
            "work_rate": self.work_rate,
        }


def flagged_units(units: QuerySet[Unit], on: date) -> Any:
    # Typed loosely: the stubs cannot see the annotations that callers filter on.
    """Units annotated with has_lawyer, has_adviser and has_candidate as of the day."""
    in_post = Q(employment_status="in_post") | Q(employment_status_date__gt=on)
    qualified = Exists(Qualification.objects.filter(person=OuterRef("pk"), obtained_on__lte=on))
    return units.annotate(
        has_lawyer=Exists(ActivePeriod.objects.filter(unit=OuterRef("pk")).covering(on)),
        has_adviser=Exists(LegalAdviser.objects.filter(unit=OuterRef("pk")).in_service(on)),
        has_candidate=Exists(
            Person.objects.filter(in_post, qualified, unit=OuterRef("pk"), full_time_legal=True)
        ),
    )


def units_in(user: Any, region: Region | None, group: UnitGroup) -> QuerySet[Unit]:
    units = Unit.objects.all() if user is None else Unit.objects.visible_to(user)
    if region is not None:
        units = units.filter(region__path__startswith=region.path)
    return units.filter(group.q())


_COUNTS = {
    "n": Count("pk"),
    "covered": Count("pk", filter=Q(has_lawyer=True)),
    "advised": Count("pk", filter=Q(has_lawyer=False, has_adviser=True)),
    "shortfall": Count("pk", filter=Q(has_lawyer=False, has_candidate=True)),
}


def figures_by_region(
    user: Any, region: Region | None, group: UnitGroup, on: date
) -> dict[str, Figures]:
    """Figures keyed by region path, each region's own units plus all below it.

    `user=None` counts every unit (target status must not depend on who looks)."""
    rows = (
        flagged_units(units_in(user, region, group), on)
        .values("region__path")
        .annotate(**_COUNTS)
        .order_by()
    )
    totals: dict[str, Figures] = defaultdict(Figures)
    step = Region.steplen
    for row in rows:
        figures = Figures(row["n"], row["covered"], row["advised"], row["shortfall"])
        path = row["region__path"]
        for end in range(step, len(path) + 1, step):
            totals[path[:end]] += figures
    return totals


def own_figures(user: Any, region: Region, group: UnitGroup, on: date) -> Figures:
    """The units that sit in the region itself (本级), not in a sub-region."""
    units = units_in(user, None, group).filter(region=region)
    row = flagged_units(units, on).aggregate(**_COUNTS)
    return Figures(row["n"], row["covered"], row["advised"], row["shortfall"])


def shortfall_units(user: Any, region: Region | None, group: UnitGroup, on: date) -> QuerySet[Unit]:
    """应设尽设: units with qualified full-time legal staff and no public lawyer."""
    return flagged_units(units_in(user, region, group), on).filter(
        has_lawyer=False, has_candidate=True
    )


def empty_units(user: Any, region: Region | None, group: UnitGroup, on: date) -> QuerySet[Unit]:
    """Units with neither a public lawyer nor a legal adviser in service."""
    return flagged_units(units_in(user, region, group), on).filter(
        has_lawyer=False, has_adviser=False
    )


def quarter_ends(until: date, count: int) -> list[date]:
    """The last day of each of the `count` quarters up to and including `until`'s quarter."""
    ends = []
    year, quarter = until.year, (until.month - 1) // 3 + 1
    for _ in range(count):
        month = quarter * 3
        day = date(year + (month == 12), 1 if month == 12 else month + 1, 1)
        ends.append(date.fromordinal(day.toordinal() - 1))
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
    return list(reversed(ends))
