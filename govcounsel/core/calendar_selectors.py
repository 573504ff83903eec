"""Reading the statutory calendar for the system administrator's pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .choices import DayKind, NoticeSource
from .models import CalendarDay, HolidayNotice
from .statutory_holidays import statutory_holidays

WEEKDAYS = (_("周一"), _("周二"), _("周三"), _("周四"), _("周五"), _("周六"), _("周日"))


@dataclass(frozen=True)
class YearRow:
    year: int
    source: str  # NoticeSource, or "" for a year computed on the fly and not saved
    notice: HolidayNotice | None
    holidays: int
    workdays: int

    @property
    def published(self) -> bool:
        return self.source == NoticeSource.NOTICE

    @property
    def source_label(self) -> str:
        return str(NoticeSource(self.source or NoticeSource.COMPUTED).label)


@dataclass(frozen=True)
class DayRow:
    date: date
    kind: str
    name: str
    saved: bool

    @property
    def kind_label(self) -> str:
        return str(DayKind(self.kind).label)

    @property
    def weekday(self) -> str:
        return str(WEEKDAYS[self.date.weekday()])


def years_overview(today: date, ahead: int = 2) -> list[YearRow]:
    """Every recorded year, and the years from this one to `ahead` years on even when
    nothing is recorded for them yet (those are computed), newest first."""
    notices = HolidayNotice.objects.annotate(
        holiday_count=Count("days", filter=Q(days__kind=DayKind.HOLIDAY)),
        workday_count=Count("days", filter=Q(days__kind=DayKind.WORKDAY)),
    )
    rows = {n.year: YearRow(n.year, n.source, n, n.holiday_count, n.workday_count) for n in notices}
    for year in range(today.year, today.year + ahead + 1):
        if year not in rows:
            rows[year] = YearRow(year, "", None, len(_computed(year)), 0)
    return [rows[year] for year in sorted(rows, reverse=True)]


def year_row(year: int) -> YearRow:
    notice = HolidayNotice.objects.filter(year=year).first()
    if notice is None:
        return YearRow(year, "", None, len(_computed(year)), 0)
    days = list(notice.days.values_list("kind", flat=True))
    holidays = days.count(DayKind.HOLIDAY)
    return YearRow(year, notice.source, notice, holidays, len(days) - holidays)


def year_days(year: int) -> list[DayRow]:
    """The days of the year's arrangement: the saved rows, or the computed holidays."""
    saved = CalendarDay.objects.filter(notice__year=year).values_list("date", "kind", "name")
    if HolidayNotice.objects.filter(year=year).exists():
        return [DayRow(day, kind, name, saved=True) for day, kind, name in saved]
    return [DayRow(day, DayKind.HOLIDAY, name, saved=False) for day, name in _computed(year)]


def _computed(year: int) -> list[tuple[date, str]]:
    taken = set(CalendarDay.objects.filter(date__year=year).values_list("date", flat=True))
    return [
        (day, name)
        for day, name in statutory_holidays(year).items()
        if day.year == year and day not in taken
    ]
