"""Working days by the Chinese statutory calendar: public holidays and the weekends that are
swapped into working days, read from the yearly holiday notices kept as data
(`HolidayNotice`, `CalendarDay`).

For a year whose notice is not published yet, the holidays are worked out from
《全国年节及纪念日放假办法》 (see `statutory_holidays`) and no swapped working day is known;
`calendar_covers` tells callers so, and they tell the person.

Deadlines walk the calendar day by day, so each year is read once per process and kept
(`_YEARS`); every change of the calendar goes through `calendar_services`, which calls
`forget()`. Other processes see a change after `_MAX_AGE` seconds at the latest."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta

from .choices import DayKind, NoticeSource

# A year read longer ago than this is read again: other worker processes learn of a change
# made by the system administrator within five minutes.
_MAX_AGE = 300.0


@dataclass(frozen=True)
class YearCalendar:
    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    published: bool  # the State Council's notice for this year is recorded
    loaded_at: float


_YEARS: dict[int, YearCalendar] = {}


def forget() -> None:
    """Drop what this process has read; the next question reads the table again."""
    _YEARS.clear()


def year_calendar(year: int) -> YearCalendar:
    cached = _YEARS.get(year)
    if cached is not None and time.monotonic() - cached.loaded_at < _MAX_AGE:
        return cached
    loaded = _load(year)
    _YEARS[year] = loaded
    return loaded


def _load(year: int) -> YearCalendar:
    from .models import CalendarDay, HolidayNotice
    from .statutory_holidays import statutory_holidays

    notice_source = HolidayNotice.objects.filter(year=year).values_list("source", flat=True).first()
    holidays: set[date] = set()
    workdays: set[date] = set()
    # A year's days may come from two notices: the next year's notice places 元旦 around
    # 31 December.
    for day, kind in CalendarDay.objects.filter(
        date__gte=date(year, 1, 1), date__lte=date(year, 12, 31)
    ).values_list("date", "kind"):
        (holidays if kind == DayKind.HOLIDAY else workdays).add(day)
    if notice_source is None:
        holidays |= {day for day in statutory_holidays(year) if day.year == year}
    return YearCalendar(
        year=year,
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
        published=notice_source == NoticeSource.NOTICE,
        loaded_at=time.monotonic(),
    )


def calendar_covers(day: date) -> bool:
    """Whether the State Council's notice for the day's year is recorded; otherwise the
    holidays are computed from the 放假办法 and swapped working days are not yet known."""
    return year_calendar(day.year).published


def is_workday(day: date) -> bool:
    calendar = year_calendar(day.year)
    if day in calendar.workdays:
        return True
    if day in calendar.holidays:
        return False
    return day.weekday() < 5


def add_workdays(start: date, count: int) -> date:
    """The `count`-th working day after `start` (start itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_workday(day):
            remaining -= 1
    return day


def workdays_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end is not later)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_workday(day)
    return count
