from datetime import date

import pytest

from govcounsel.core.workdays import add_workdays, calendar_covers, is_workday, workdays_between

pytestmark = pytest.mark.django_db


def test_spring_festival_2024_holidays_and_swapped_sunday():
    assert not is_workday(date(2024, 2, 12))  # 春节 holiday, a Monday
    assert is_workday(date(2024, 2, 18))  # a Sunday worked in exchange
    # Friday 2024-02-09 (除夕) + 3 working days: the holiday runs 10–17 February.
    assert add_workdays(date(2024, 2, 8), 3) == date(2024, 2, 19)


def test_national_day_2024():
    assert not is_workday(date(2024, 10, 1))
    assert is_workday(date(2024, 9, 29))  # Sunday worked in exchange
    assert is_workday(date(2024, 10, 12))  # Saturday worked in exchange
    assert add_workdays(date(2024, 9, 30), 1) == date(2024, 10, 8)
    assert workdays_between(date(2024, 9, 30), date(2024, 10, 8)) == 1


def test_beyond_the_published_notices_the_statutory_holidays_still_count():
    day = date(2031, 10, 1)  # a Wednesday; the 2031 notice is not published
    assert not calendar_covers(day)
    assert not is_workday(day)  # 国庆节 by the 放假办法 all the same
    assert add_workdays(date(2031, 1, 3), 1) == date(2031, 1, 6)  # Friday → Monday
