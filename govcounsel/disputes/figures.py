"""Figures of administrative disputes resolved inside the administration (002 §12, 诉源治理):
by organ, by business system, by region of the reader's tree and over time.

Two clocks count: a dispute counts as registered in the period of its `registered_at`
(with whether it was found to be a dispute), and as closed — with its outcome and the
party's satisfaction — in the period of its `closed_at`. Periods are cut in Beijing time,
so that a dispute closed at 23:30 UTC on the last day of a quarter belongs to the next one.

Every table is one GROUP BY over `Dispute.objects.visible_to(user)` with both clocks as
conditional counts; the region table groups by the organ's region path and rolls the few
rows up to every ancestor in Python, as coverage does. The query count does not grow with
the number of organs, regions or periods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractMonth, ExtractQuarter, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import DISPUTE_REGION_ROLES, UNIT_ROLES
from govcounsel.accounts.predicates import holds
from govcounsel.organisations.choices import Sector
from govcounsel.organisations.models import Region

from .choices import DisputeStatus, Outcome, Satisfaction
from .models import Dispute

S = DisputeStatus

# The supervisor, the justice bureau and the reconciliation centre read their region's
# figures; an organ's office (or a vertical system's superior office) its own units'.
reads_dispute_figures = holds(*sorted(DISPUTE_REGION_ROLES | UNIT_ROLES))

TREND_QUARTERS = 12
# The organ table lists the organs with most registrations first; a national reader does
# not get fifty thousand rows on one page.
ORGAN_ROWS = 100
# Found to be administrative disputes under 002 §5: every state past a positive finding.
QUALIFIED_STATES = (S.QUALIFIED, S.HANDLING, S.CLOSED)


class Granularity:
    QUARTER = "quarter"
    MONTH = "month"
    choices = [(QUARTER, _("按季度")), (MONTH, _("按月"))]


# A part of the year: "" for the whole year, "q1".."q4" or "m01".."m12".
PERIOD_CHOICES = [
    *[(f"q{q}", _("第%(q)d季度") % {"q": q}) for q in range(1, 5)],
    *[(f"m{m:02d}", _("%(m)d月") % {"m": m}) for m in range(1, 13)],
]


def beijing() -> tzinfo:
    """Periods are cut at midnight in Beijing (settings.TIME_ZONE), whoever reads them."""
    return timezone.get_default_timezone()


def _start(year: int, month: int) -> datetime:
    if month > 12:
        year, month = year + 1, month - 12
    return datetime(year, month, 1, tzinfo=beijing())


def window(year: int, period: str = "") -> tuple[datetime, datetime]:
    """[start, end) of the year, or of one of its quarters or months, in Beijing time."""
    if period.startswith("q"):
        first = (int(period[1:]) - 1) * 3 + 1
        return _start(year, first), _start(year, first + 3)
    if period.startswith("m"):
        month = int(period[1:])
        return _start(year, month), _start(year, month + 1)
    return _start(year, 1), _start(year + 1, 1)


@dataclass
class DisputeFigures:
    registered: int = 0
    qualified: int = 0
    unqualified: int = 0
    closed: int = 0
    settled: int = 0
    mediated: int = 0
    withdrawn: int = 0
    to_reconsideration: int = 0
    to_litigation: int = 0
    not_resolved: int = 0
    satisfied: int = 0
    fairly: int = 0
    dissatisfied: int = 0
    not_given: int = 0

    @property
    def resolved(self) -> int:
        """Settled, mediated or withdrawn: resolved before litigation (RESOLVED_OUTCOMES)."""
        return self.settled + self.mediated + self.withdrawn

    @property
    def referred(self) -> int:
        return self.to_reconsideration + self.to_litigation

    @property
    def resolution_rate(self) -> float | None:
        return self.resolved / self.closed if self.closed else None

    @property
    def satisfaction_rate(self) -> float | None:
        """Satisfied or fairly satisfied, of the parties who gave an answer."""
        answered = self.satisfied + self.fairly + self.dissatisfied
        return (self.satisfied + self.fairly) / answered if answered else None

    def __iadd__(self, other: DisputeFigures) -> DisputeFigures:
        for name in FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def as_dict(self) -> dict[str, Any]:
        return {
            **{name: getattr(self, name) for name in FIELDS},
            "resolved": self.resolved,
            "referred": self.referred,
            "resolution_rate": self.resolution_rate,
            "satisfaction_rate": self.satisfaction_rate,
        }


FIELDS = tuple(DisputeFigures.__dataclass_fields__)


def _counts(start: datetime, end: datetime) -> dict[str, Count]:
    """The conditional counts of one window: registrations by `registered_at`, closures
    (status closed, not "not a dispute") by `closed_at`."""
    registered = Q(registered_at__gte=start, registered_at__lt=end)
    closed = Q(status=S.CLOSED, closed_at__gte=start, closed_at__lt=end)
    return {
        **_registration_counts(registered),
        **_closure_counts(closed),
    }


def _registration_counts(registered: Q) -> dict[str, Count]:
    return {
        "registered": Count("pk", filter=registered),
        "qualified": Count("pk", filter=registered & Q(status__in=QUALIFIED_STATES)),
        "unqualified": Count("pk", filter=registered & Q(status=S.UNQUALIFIED)),
    }


_OUTCOME_FIELDS = {
    "settled": Outcome.SETTLED,
    "mediated": Outcome.MEDIATED,
    "withdrawn": Outcome.WITHDRAWN,
    "to_reconsideration": Outcome.TO_RECONSIDERATION,
    "to_litigation": Outcome.TO_LITIGATION,
    "not_resolved": Outcome.NOT_RESOLVED,
}
_SATISFACTION_FIELDS = {
    "satisfied": [Satisfaction.SATISFIED],
    "fairly": [Satisfaction.FAIRLY],
    "dissatisfied": [Satisfaction.DISSATISFIED],
    # Left blank at closing counts as not given.
    "not_given": [Satisfaction.NOT_GIVEN, ""],
}


def _closure_counts(closed: Q) -> dict[str, Count]:
    counts = {"closed": Count("pk", filter=closed)}
    for name, outcome in _OUTCOME_FIELDS.items():
        counts[name] = Count("pk", filter=closed & Q(outcome=outcome))
    for name, values in _SATISFACTION_FIELDS.items():
        counts[name] = Count("pk", filter=closed & Q(satisfaction__in=values))
    return counts


def _figures(row: Any) -> DisputeFigures:
    # A values() row; typed loosely: the stubs cannot see the annotated counts.
    return DisputeFigures(**{name: row.get(name, 0) for name in FIELDS})


def _in_window(disputes: QuerySet[Dispute], start: datetime, end: datetime) -> QuerySet[Dispute]:
    """Disputes registered or closed in the window: each clock's index serves its half."""
    return disputes.filter(
        Q(registered_at__gte=start, registered_at__lt=end)
        | Q(status=S.CLOSED, closed_at__gte=start, closed_at__lt=end)
    )


def visible_disputes(user: Any) -> QuerySet[Dispute]:
    """`user=None` counts every dispute (the benchmark's national roll-up)."""
    return Dispute.objects.all() if user is None else Dispute.objects.visible_to(user)


# --- the tables -------------------------------------------------------------------------------


def by_region_path(
    disputes: QuerySet[Dispute], start: datetime, end: datetime
) -> dict[str, DisputeFigures]:
    """Figures keyed by region path, each region's own organs plus all below it: one
    GROUP BY on the organ's region path, rolled up to the ancestors on those rows."""
    rows = (
        _in_window(disputes, start, end)
        .values("unit__region__path")
        .annotate(**_counts(start, end))
        .order_by()
    )
    totals: dict[str, DisputeFigures] = defaultdict(DisputeFigures)
    step = Region.steplen
    for row in rows:
        figures = _figures(row)
        path = row["unit__region__path"]
        for end_at in range(step, len(path) + 1, step):
            totals[path[:end_at]] += figures
        # The region's own organs (本级), kept apart under a key no path can have.
        totals[f"={path}"] += figures
    return totals


def by_sector(
    disputes: QuerySet[Dispute], start: datetime, end: datetime
) -> list[tuple[str, DisputeFigures]]:
    """(business system label, figures), in the order of Sector, systems without disputes
    left out."""
    rows = (
        _in_window(disputes, start, end)
        .values("unit__sector")
        .annotate(**_counts(start, end))
        .order_by()
    )
    found = {row["unit__sector"]: _figures(row) for row in rows}
    return [(str(label), found[value]) for value, label in Sector.choices if value in found]


# Most registrations first, then most closures, then by name (annotated counts first).
_ORGAN_ORDER = ("-registered", "-closed", "unit__name", "unit_id")


@dataclass
class OrganRow:
    unit_id: int
    name: str
    region: str
    sector: str
    figures: DisputeFigures


def by_organ(
    disputes: QuerySet[Dispute], start: datetime, end: datetime, limit: int | None = ORGAN_ROWS
) -> list[OrganRow]:
    """The organs with most registrations in the window first, then by name."""
    rows: Any = (
        _in_window(disputes, start, end)
        .values("unit_id", "unit__name", "unit__region__name", "unit__sector")
        .annotate(**_counts(start, end))
        .order_by(*_ORGAN_ORDER)
    )
    if limit is not None:
        rows = rows[:limit]
    labels = dict(Sector.choices)
    return [
        OrganRow(
            row["unit_id"],
            row["unit__name"],
            row["unit__region__name"],
            str(labels.get(row["unit__sector"], row["unit__sector"])),
            _figures(row),
        )
        for row in rows
    ]


def by_period(
    disputes: QuerySet[Dispute], start: datetime, end: datetime, granularity: str
) -> dict[tuple[int, int], DisputeFigures]:
    """Figures keyed by (year, quarter) or (year, month) in Beijing time: one GROUP BY per
    clock, since registrations and closures fall in different periods."""
    part = ExtractMonth if granularity == Granularity.MONTH else ExtractQuarter
    zone = beijing()
    found: dict[tuple[int, int], DisputeFigures] = defaultdict(DisputeFigures)
    registered = (
        disputes.filter(registered_at__gte=start, registered_at__lt=end)
        .values(y=ExtractYear("registered_at", tzinfo=zone), p=part("registered_at", tzinfo=zone))
        .annotate(**_registration_counts(Q()))
        .order_by()
    )
    closed = (
        disputes.filter(status=S.CLOSED, closed_at__gte=start, closed_at__lt=end)
        .values(y=ExtractYear("closed_at", tzinfo=zone), p=part("closed_at", tzinfo=zone))
        .annotate(**_closure_counts(Q()))
        .order_by()
    )
    for rows in (registered, closed):
        for row in rows:
            found[(row["y"], row["p"])] += _figures(row)
    return found


def period_label(year: int, part: int, granularity: str) -> str:
    if granularity == Granularity.MONTH:
        return str(_("%(year)d年%(month)d月") % {"year": year, "month": part})
    return str(_("%(year)d年第%(quarter)d季度") % {"year": year, "quarter": part})


def last_quarters(year: int, quarter: int, count: int) -> list[tuple[int, int]]:
    """The `count` quarters up to and including (year, quarter), oldest first."""
    quarters = []
    for _n in range(count):
        quarters.append((year, quarter))
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return list(reversed(quarters))


# --- the page and the API ---------------------------------------------------------------------


@dataclass
class Row:
    """One row of any table: its group (分区域, 分业务系统…), name, code and figures."""

    group: str
    name: str
    code: str
    figures: DisputeFigures


@dataclass
class FiguresPage:
    """Everything the figures page, its export and the API show of a region in a period."""

    region: Region
    year: int
    period: str
    granularity: str
    totals: DisputeFigures
    regions: list[Row]
    children: list[Region]
    sectors: list[Row]
    organs: list[OrganRow]
    periods: list[Row]
    trend: list[Row]
    breadcrumbs: list[Region] = field(default_factory=list)

    @property
    def period_label(self) -> str:
        labels = dict(PERIOD_CHOICES)
        part = str(labels[self.period]) if self.period in labels else str(_("全年"))
        return f"{self.year} {part}"

    def rows(self) -> Iterator[Row]:
        """Every table as the export and the print write them, one after the other."""
        yield Row(str(_("合计")), self.region.name, self.region.code, self.totals)
        yield from self.regions
        yield from self.sectors
        organ = str(_("分单位"))
        for o in self.organs:
            yield Row(organ, o.name, o.region, o.figures)
        yield from self.periods
        yield from self.trend

    def chart(self) -> dict[str, Any]:
        """The trend chart's series (static/js/dispute_figures.js draws them)."""

        def pct(value: float | None) -> float | None:
            return None if value is None else round(value * 100, 1)

        return {
            "quarters": [r.code for r in self.trend],
            "registered": [r.figures.registered for r in self.trend],
            "closed": [r.figures.closed for r in self.trend],
            "resolved": [r.figures.resolved for r in self.trend],
            "rate": [pct(r.figures.resolution_rate) for r in self.trend],
        }

    def as_dict(self) -> dict[str, Any]:
        def rows(table: list[Row]) -> list[dict[str, Any]]:
            return [{"name": r.name, "code": r.code, "figures": r.figures.as_dict()} for r in table]

        return {
            "region": {"code": self.region.code, "name": self.region.name},
            "year": self.year,
            "period": self.period,
            "granularity": self.granularity,
            "figures": self.totals.as_dict(),
            "regions": rows(self.regions),
            "sectors": rows(self.sectors),
            "organs": [
                {
                    "unit": o.unit_id,
                    "name": o.name,
                    "region": o.region,
                    "sector": o.sector,
                    "figures": o.figures.as_dict(),
                }
                for o in self.organs
            ],
            "periods": rows(self.periods),
            "trend": rows(self.trend),
        }


def figures_page(
    user: Any,
    disputes: QuerySet[Dispute],
    *,
    region: Region,
    year: int,
    period: str = "",
    granularity: str = Granularity.QUARTER,
    organ_limit: int | None = ORGAN_ROWS,
) -> FiguresPage:
    """The figures of the disputes given (already the user's visible ones, narrowed by the
    filter) in the region's subtree for the year or one of its parts.

    Queries: one each for the regions, the systems and the organs, two for the periods of
    the year and two for the trend, and two for the region's children and ancestors."""
    from govcounsel.organisations import selectors as org_selectors

    disputes = disputes.filter(unit__region__path__startswith=region.path)
    start, end = window(year, period)

    by_path = by_region_path(disputes, start, end)
    children = list(org_selectors.child_regions(user, region)) if user is not None else []
    group = str(_("分区域"))
    regions = [Row(group, c.name, c.code, by_path.get(c.path, DisputeFigures())) for c in children]
    own = by_path.get(f"={region.path}")
    if own is not None and children:
        regions.append(
            Row(group, str(_("%(region)s本级") % {"region": region.name}), region.code, own)
        )
    group = str(_("分业务系统"))
    sectors = [Row(group, label, "", f) for label, f in by_sector(disputes, start, end)]

    granularity = granularity if granularity == Granularity.MONTH else Granularity.QUARTER
    year_start, year_end = window(year)
    in_year = by_period(disputes, year_start, year_end, granularity)
    count = 12 if granularity == Granularity.MONTH else 4
    group = str(_("分月") if granularity == Granularity.MONTH else _("分季度"))
    periods = [
        Row(
            group,
            period_label(year, part, granularity),
            f"{year}-{part:02d}" if granularity == Granularity.MONTH else f"{year}Q{part}",
            in_year.get((year, part), DisputeFigures()),
        )
        for part in range(1, count + 1)
    ]

    # The trend ends with the year's last quarter, or with this quarter in the current year.
    today = timezone.localdate()
    last = (year, 4) if year < today.year else (year, (today.month - 1) // 3 + 1)
    quarters = last_quarters(*last, TREND_QUARTERS)
    first_year, first_quarter = quarters[0]
    trend_start = window(first_year, f"q{first_quarter}")[0]
    trend_end = window(last[0], f"q{last[1]}")[1]
    by_quarter = by_period(disputes, trend_start, trend_end, Granularity.QUARTER)
    group = str(_("季度趋势"))
    trend = [
        Row(
            group,
            period_label(y, q, Granularity.QUARTER),
            f"{y}Q{q}",
            by_quarter.get((y, q), DisputeFigures()),
        )
        for y, q in quarters
    ]

    return FiguresPage(
        region=region,
        year=year,
        period=period,
        granularity=granularity,
        totals=by_path.get(region.path, DisputeFigures()),
        regions=regions,
        children=children,
        sectors=sectors,
        organs=by_organ(disputes, start, end, organ_limit),
        periods=periods,
        trend=trend,
        breadcrumbs=_breadcrumbs(user, region) if user is not None else [],
    )


def _breadcrumbs(user: Any, region: Region) -> list[Region]:
    from govcounsel.coverage.dashboard import breadcrumbs

    return breadcrumbs(user, region)
