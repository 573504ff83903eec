"""What the coverage dashboard, its exports and the coverage API show of a region: assembled
here from the selectors, so that the page and the API read the same figures the same way
and the views only parse the request and render (ADR 0016)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.exporters import Report
from govcounsel.organisations import selectors as org_selectors
from govcounsel.organisations.choices import UnitLevel
from govcounsel.organisations.models import Region, Unit

from . import selectors
from .choices import Metric
from .groups import UnitGroup
from .models import Target
from .reports import RegionFiguresReport, TargetReport, UnitStatusReport
from .selectors import Figures
from .status import TargetReading, read_target

TREND_QUARTERS = 12
LIST_LIMIT = 200
# One row of the table by sub-region: (name, region code, figures).
Row = tuple[str, str, Figures]


@dataclass
class RegionTable:
    """A region's figures, with one row per sub-region and one for the units that sit in the
    region itself (本级); a county, which has no sub-regions, is broken down by unit level."""

    region: Region
    figures: Figures
    children: list[Region]
    rows: list[Row]


def region_table(user: Any, region: Region, group: UnitGroup, on: date) -> RegionTable:
    by_path = selectors.figures_by_region(user, region, group, on)
    children = list(org_selectors.child_regions(user, region))
    rows: list[Row] = [(c.name, c.code, by_path.get(c.path, Figures())) for c in children]
    if children:
        own = selectors.own_figures(user, region, group, on)
        if own.units:
            rows.append((str(_("%(region)s本级") % {"region": region.name}), region.code, own))
    else:
        for level, label in UnitLevel.choices:
            if group.level and group.level != level:
                continue
            by_level = UnitGroup(level=level, kind=group.kind, enforcement=group.enforcement)
            level_figures = selectors.own_figures(user, region, by_level, on)
            if level_figures.units:
                rows.append((str(label), region.code, level_figures))
    return RegionTable(region, by_path.get(region.path, Figures()), children, rows)


def coverage_summary(user: Any, region: Region, group: UnitGroup, on: date) -> dict[str, Any]:
    """The coverage API's answer: the region's figures, its own units' and each
    sub-region's."""
    by_path = selectors.figures_by_region(user, region, group, on)
    children = org_selectors.child_regions(user, region)
    return {
        "region": {"code": region.code, "name": region.name},
        "group": group.as_params(),
        "on": on.isoformat(),
        "figures": by_path.get(region.path, Figures()).as_dict(),
        "own_units": selectors.own_figures(user, region, group, on).as_dict(),
        "children": [
            {"code": c.code, "name": c.name, "figures": by_path.get(c.path, Figures()).as_dict()}
            for c in children
        ],
    }


def target_readings(user: Any, region: Region, on: date | None = None) -> list[TargetReading]:
    """The region's targets in force on the day (today if not given): a retired target
    shows on the dashboards of the days before its end."""
    targets = (
        Target.objects.visible_to(user)
        .filter(region=region)
        .in_force(on or timezone.localdate())
        .select_related("region")
    )
    return [read_target(t) for t in targets]


@dataclass
class Dashboard:
    """Everything the dashboard page shows of a region, on a day, for a group of units."""

    region: Region
    group: UnitGroup
    on: date
    table: RegionTable
    targets: list[TargetReading]
    shortfall: QuerySet[Unit]
    empty: QuerySet[Unit]
    chart: dict[str, Any]
    breadcrumbs: list[Region]
    may_set_targets: bool

    def context(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "group": self.group,
            "on": self.on,
            "figures": self.table.figures,
            "rows": self.table.rows,
            "children_codes": {c.code for c in self.table.children},
            "targets": self.targets,
            "shortfall": self.shortfall[:LIST_LIMIT],
            "empty": self.empty[:LIST_LIMIT],
            "chart": self.chart,
            "breadcrumbs": self.breadcrumbs,
            "may_set_targets": self.may_set_targets,
        }


def dashboard(user: Any, region: Region, group: UnitGroup, on: date) -> Dashboard:
    table = region_table(user, region, group, on)
    targets = target_readings(user, region, on)
    return Dashboard(
        region=region,
        group=group,
        on=on,
        table=table,
        targets=targets,
        shortfall=_shortfall(user, region, group, on),
        empty=_empty(user, region, group, on),
        chart=_chart(user, region, group, on, table.rows, targets),
        breadcrumbs=breadcrumbs(user, region),
        may_set_targets=user.has_perm("coverage.manage_target", region),
    )


EXPORTS = ("regions", "targets", "shortfall", "empty")


def export(
    user: Any, region: Region, group: UnitGroup, on: date, table: str
) -> tuple[Report, Any, str] | None:
    """(report, rows, file name) of one of the dashboard's tables; None for another name."""
    if table == "regions":
        rows = region_table(user, region, group, on).rows
        return RegionFiguresReport(), rows, f"覆盖情况-{region.name}"
    if table == "targets":
        return TargetReport(), target_readings(user, region, on), f"覆盖目标-{region.name}"
    if table == "shortfall":
        return UnitStatusReport(), _shortfall(user, region, group, on), f"{region.name}-{table}"
    if table == "empty":
        return UnitStatusReport(), _empty(user, region, group, on), f"{region.name}-{table}"
    return None


def _shortfall(user: Any, region: Region, group: UnitGroup, on: date) -> QuerySet[Unit]:
    return selectors.shortfall_units(user, region, group, on).select_related("region")


def _empty(user: Any, region: Region, group: UnitGroup, on: date) -> QuerySet[Unit]:
    return selectors.empty_units(user, region, group, on).select_related("region")


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def _chart(
    user: Any,
    region: Region,
    group: UnitGroup,
    on: date,
    rows: list[Row],
    targets: list[TargetReading],
) -> dict[str, Any]:
    ends = selectors.quarter_ends(on, TREND_QUARTERS)
    trend = [
        (day, selectors.figures_by_region(user, region, group, day).get(region.path, Figures()))
        for day in ends
    ]
    return {
        "bars": {
            "names": [name for name, _code, _f in rows],
            "coverage": [_pct(f.coverage_rate) for _n, _c, f in rows],
            "work": [_pct(f.work_rate) for _n, _c, f in rows],
        },
        "trend": {
            "quarters": [f"{d.year}Q{(d.month - 1) // 3 + 1}" for d in ends],
            "coverage": [_pct(f.coverage_rate) for _d, f in trend],
            "work": [_pct(f.work_rate) for _d, f in trend],
            # One dashed line per distinct target value, on the line of the metric the target
            # names (coverage or work carried out); the table above names each target.
            "targets": {
                metric: [
                    {"name": f"{_('目标')} {value:.0f}%", "value": value}
                    for value in sorted(
                        {float(r.target.percentage) for r in targets if r.target.metric == metric}
                    )
                ]
                for metric in Metric.values
            },
        },
    }


def breadcrumbs(user: Any, region: Region) -> list[Region]:
    """The region's ancestors the user may see, from the top."""
    ancestors = Region.objects.get_ancestors(region)
    visible = set(
        Region.objects.visible_to(user)
        .filter(pk__in=[a.pk for a in ancestors])
        .values_list("pk", flat=True)
    )
    return [a for a in ancestors if a.pk in visible]
