"""Working days by the Chinese statutory calendar: public holidays and the weekends that are
swapped into working days. Beyond the years the calendar knows, Monday to Friday counts,
and callers can tell the person so (`calendar_covers`)."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
from chinese_calendar import constants

_KNOWN = range(min(constants.holidays).year, max(constants.holidays).year + 1)


def calendar_covers(day: date) -> bool:
    return day.year in _KNOWN


def is_workday(day: date) -> bool:
    if calendar_covers(day):
        return bool(chinese_calendar.is_workday(day))
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
