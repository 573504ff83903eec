"""Coverage figures as of any date, for any region subtree and unit group.

Everything is read as it stood on the day (ADR 0009): a unit counts if one of its dated
versions covers the day, and the group (level, kind, enforcement power) is matched against
that version; a person counts for the unit, status and flags of their version of the day.
One query joins each unit in scope to its version of the day, annotates three facts — a
public lawyer in an active period, a legal adviser in service, a 应设尽设 candidate — and
counts them per region; the roll-up to every ancestor region happens on those few rows in
Python. The query count does not grow with the number of regions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
)

from govcounsel.certificates.models import ActivePeriod
from govcounsel.core.history import covering_q
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.choices import EmploymentStatus
from govcounsel.people.models import LegalAdviser, PersonVersion, Qualification

from .choices import Metric
from .groups import ORGAN_KINDS, UnitGroup

# The unit's version of the day, joined once; group conditions and as-of attributes use it.
ON_DAY = "on_day"


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


def candidates(on: date) -> QuerySet[PersonVersion]:
    """应设尽设 candidates on the day (000 #1, 001 一(四)): a civil servant, full time on legal
    affairs, in post — all as of the day — who holds a qualification obtained by then."""
    qualified = Qualification.objects.filter(person=OuterRef("person_id"), obtained_on__lte=on)
    return PersonVersion.objects.filter(
        covering_q(on),
        Exists(qualified),
        is_civil_servant=True,
        full_time_legal=True,
        employment_status=EmploymentStatus.IN_POST,
    )


def units_in(user: Any, region: Region | None, group: UnitGroup, on: date) -> QuerySet[Unit]:
    """The units in scope that existed on the day and belonged to the group on the day.

    Scope and region are today's (who may see a unit, where it sits); existence and group
    membership are the day's. The unit's version of the day is joined as `on_day`."""
    units = Unit.objects.all() if user is None else Unit.objects.visible_to(user)
    if region is not None:
        units = units.filter(region__path__startswith=region.path)
    # One filter() call, so that the group's conditions reuse the one join of the day.
    return units.annotate(
        **{ON_DAY: FilteredRelation("versions", condition=covering_q(on, "versions__"))}
    ).filter(Q(**{f"{ON_DAY}__isnull": False}) & group.q(prefix=f"{ON_DAY}__"))


def flagged_units(units: QuerySet[Unit], on: date) -> Any:
    # Typed loosely: the stubs cannot see the annotations that callers filter on.
    """Units from `units_in` annotated with has_lawyer, has_adviser and has_candidate as of
    the day, and with their kind, level and enforcement power of the day (`*_on`)."""
    # 000 二 and 003 二(六) speak of 党政机关: the shortfall leaves people's organisations out.
    organ = Q(**{f"{ON_DAY}__kind__in": ORGAN_KINDS})
    return units.annotate(
        has_lawyer=Exists(ActivePeriod.objects.filter(unit=OuterRef("pk")).covering(on)),
        has_adviser=Exists(LegalAdviser.objects.filter(unit=OuterRef("pk")).in_service(on)),
        has_candidate=ExpressionWrapper(
            organ & Q(Exists(candidates(on).filter(unit=OuterRef("pk")))),
            output_field=BooleanField(),
        ),
        kind_on=F(f"{ON_DAY}__kind"),
        level_on=F(f"{ON_DAY}__level"),
        enforcement_on=F(f"{ON_DAY}__has_enforcement_power"),
    )


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
        flagged_units(units_in(user, region, group, on), on)
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
    units = units_in(user, None, group, on).filter(region=region)
    row = flagged_units(units, on).aggregate(**_COUNTS)
    return Figures(row["n"], row["covered"], row["advised"], row["shortfall"])


def shortfall_units(user: Any, region: Region | None, group: UnitGroup, on: date) -> QuerySet[Unit]:
    """应设尽设: party and government organs with a candidate and no public lawyer on the day."""
    return flagged_units(units_in(user, region, group, on), on).filter(
        has_lawyer=False, has_candidate=True
    )


def empty_units(user: Any, region: Region | None, group: UnitGroup, on: date) -> QuerySet[Unit]:
    """Units with neither a public lawyer nor a legal adviser in service."""
    return flagged_units(units_in(user, region, group, on), on).filter(
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
