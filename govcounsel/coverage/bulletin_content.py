"""What a quarterly bulletin says (000 #12): each unit's progress in the quarter, a summary,
and a ranking. Computed in a fixed number of queries, whatever the number of units."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q

from govcounsel.certificates.models import CancellationCase, Certificate
from govcounsel.organisations.choices import UnitLevel
from govcounsel.organisations.models import Region

from . import selectors
from .groups import UnitGroup
from .models import Target
from .status import TargetReading, read_target


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * quarter - 2, 1)
    end = selectors.quarter_ends(start, 1)[0]
    return start, end


def office_name(region: Region) -> str:
    """The issuing office, e.g. 朝阳区全面依法治区委员会办公室. A municipality's 市辖区 is only a
    container of districts (GB/T 2260); its bulletins come from the city's office."""
    if region.name == "市辖区" and region.depth > 1:
        region = Region.objects.get_parent(region)
    suffix = region.name[-1] if region.name[-1] in "区县市省" else "区"
    return f"{region.name}全面依法治{suffix}委员会办公室"


@dataclass
class UnitLine:
    name: str
    region: str
    level: str
    new_certificates: int
    cancellations: int
    overdue_cases: int
    status: str  # 有公职律师 / 由法律顾问开展 / 均未开展
    shortfall: bool


@dataclass
class RankLine:
    rank: int
    name: str
    units: int
    covered: int
    rate: float | None


@dataclass
class BulletinContent:
    region: Region
    year: int
    quarter: int
    start: date
    end: date
    summary: dict[str, Any] = field(default_factory=dict)
    units: list[UnitLine] = field(default_factory=list)
    ranking: list[RankLine] = field(default_factory=list)
    # The region's targets in force at the quarter's end, read on that day.
    targets: list[TargetReading] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"关于{self.year}年第{self.quarter}季度公职律师工作进展情况的通报"

    @property
    def office(self) -> str:
        return office_name(self.region)


def _per_unit(queryset: Any) -> dict[int, int]:
    return {
        row["unit"]: row["n"] for row in queryset.values("unit").annotate(n=Count("pk")).order_by()
    }


def build_content(region: Region, year: int, quarter: int) -> BulletinContent:
    start, end = quarter_bounds(year, quarter)
    everything = UnitGroup()
    units = list(
        selectors.flagged_units(selectors.units_in(None, region, everything, end), end)
        .select_related("region")
        .order_by("region__path", "level_on", "name")
    )
    in_region = Q(unit__region__path__startswith=region.path)
    new = _per_unit(Certificate.objects.filter(in_region, issued_on__range=(start, end)))
    ended = _per_unit(Certificate.objects.filter(in_region, ended_on__range=(start, end)))
    overdue = {
        row["certificate__unit"]: row["n"]
        for row in CancellationCase.objects.filter(
            Q(certificate__unit__region__path__startswith=region.path),
            Q(completed_at__isnull=True) | Q(completed_at__date__gt=end),
            opened_at__date__lte=end,
            due_on__lt=end,
        )
        .values("certificate__unit")
        .annotate(n=Count("pk"))
        .order_by()
    }
    content = BulletinContent(region, year, quarter, start, end)
    for unit in units:
        status = (
            "有公职律师"
            if unit.has_lawyer
            else ("由法律顾问开展" if unit.has_adviser else "均未开展")
        )
        content.units.append(
            UnitLine(
                unit.name,
                unit.region.name,
                str(UnitLevel(unit.level_on).label),  # the level of the quarter's end
                new.get(unit.pk, 0),
                ended.get(unit.pk, 0),
                overdue.get(unit.pk, 0),
                status,
                bool(not unit.has_lawyer and unit.has_candidate),
            )
        )
    at_end = selectors.figures_by_region(None, region, everything, end).get(
        region.path, selectors.Figures()
    )
    at_start = selectors.figures_by_region(None, region, everything, start).get(
        region.path, selectors.Figures()
    )
    content.summary = {
        "units": at_end.units,
        "covered_start": at_start.covered,
        "covered_end": at_end.covered,
        "coverage_start": at_start.coverage_rate,
        "coverage_end": at_end.coverage_rate,
        "work_end": at_end.work_rate,
        "new_certificates": sum(new.values()),
        "cancellations": sum(ended.values()),
        "overdue_cases": sum(overdue.values()),
        "shortfall": at_end.shortfall,
        "neither": at_end.neither,
    }
    content.ranking = _ranking(region, end)
    targets = Target.objects.filter(region=region).in_force(end).select_related("region")
    content.targets = [read_target(target, end) for target in targets]
    return content


def _ranking(region: Region, end: date) -> list[RankLine]:
    """Sub-regions by coverage at the quarter's end; a county's unit levels if it has none."""
    children = list(Region.objects.filter(path__startswith=region.path, depth=region.depth + 1))
    lines: list[tuple[str, selectors.Figures]] = []
    if children:
        figures = selectors.figures_by_region(None, region, UnitGroup(), end)
        lines = [(c.name, figures.get(c.path, selectors.Figures())) for c in children]
    else:
        for level, label in UnitLevel.choices:
            own = selectors.own_figures(None, region, UnitGroup(level=level), end)
            if own.units:
                lines.append((str(label), own))
    lines = [line for line in lines if line[1].units]
    lines.sort(key=lambda line: (-(line[1].coverage_rate or 0), line[0]))
    return [
        RankLine(index, name, f.units, f.covered, f.coverage_rate)
        for index, (name, f) in enumerate(lines, 1)
    ]
