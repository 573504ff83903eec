"""The statutory calendar as data: the published notices preloaded from chinese-calendar,
and the holidays of 《全国年节及纪念日放假办法》 (2024) for a year without a notice."""

from datetime import date, timedelta

import pytest
from django.apps import apps as django_apps

from govcounsel.core import workdays
from govcounsel.core.choices import DayKind, NoticeSource
from govcounsel.core.models import CalendarDay, HolidayNotice
from govcounsel.core.statutory_holidays import MAKE_UP_SUFFIX, statutory_holidays
from govcounsel.core.workdays import add_workdays, calendar_covers, is_workday, workdays_between

pytestmark = pytest.mark.django_db


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_2025_notice_spring_festival_and_swapped_working_days():
    assert all(not is_workday(d) for d in _days(date(2025, 1, 28), date(2025, 2, 4)))
    assert is_workday(date(2025, 1, 26))  # Sunday worked in exchange
    assert is_workday(date(2025, 2, 8))  # Saturday worked in exchange
    assert is_workday(date(2025, 2, 5))
    assert calendar_covers(date(2025, 6, 1))


def test_2025_notice_national_day_and_mid_autumn():
    assert all(not is_workday(d) for d in _days(date(2025, 10, 1), date(2025, 10, 8)))
    assert is_workday(date(2025, 9, 28))  # Sunday
    assert is_workday(date(2025, 10, 11))  # Saturday
    assert add_workdays(date(2025, 9, 30), 1) == date(2025, 10, 9)


def test_2026_notice_new_year_and_spring_festival():
    assert all(not is_workday(d) for d in _days(date(2026, 1, 1), date(2026, 1, 3)))
    assert is_workday(date(2026, 1, 4))  # Sunday worked in exchange
    assert all(not is_workday(d) for d in _days(date(2026, 2, 15), date(2026, 2, 23)))
    assert is_workday(date(2026, 2, 14))  # Saturday
    assert is_workday(date(2026, 2, 28))  # Saturday
    assert all(not is_workday(d) for d in _days(date(2026, 10, 1), date(2026, 10, 7)))
    assert is_workday(date(2026, 9, 20))
    assert is_workday(date(2026, 10, 10))
    assert calendar_covers(date(2026, 12, 31))


def test_preload_names_the_festivals_in_chinese_and_files_december_new_year_with_next_year():
    spring = CalendarDay.objects.get(date=date(2025, 1, 28))
    assert (spring.kind, spring.name, spring.notice.year) == (DayKind.HOLIDAY, "春节", 2025)
    swapped = CalendarDay.objects.get(date=date(2025, 1, 26))
    assert (swapped.kind, swapped.name) == (DayKind.WORKDAY, "春节")
    # 2019 notice: 2018-12-30 to 2019-01-01 off, Saturday 2018-12-29 worked.
    assert CalendarDay.objects.get(date=date(2018, 12, 29)).notice.year == 2019
    assert HolidayNotice.objects.get(year=2026).source == NoticeSource.NOTICE
    assert not HolidayNotice.objects.filter(year=2027).exists()


def test_preload_migration_is_idempotent():
    from importlib import import_module

    migration = import_module("govcounsel.core.migrations.0005_preload_statutory_calendar")
    before = (HolidayNotice.objects.count(), CalendarDay.objects.count())
    migration.preload(django_apps, None)
    assert (HolidayNotice.objects.count(), CalendarDay.objects.count()) == before


def test_a_year_without_notice_has_the_fixed_date_holidays_of_the_2024_rules():
    assert not calendar_covers(date(2027, 1, 1))
    assert not is_workday(date(2027, 1, 1))  # 元旦, a Friday
    assert all(not is_workday(d) for d in _days(date(2027, 10, 1), date(2027, 10, 3)))
    assert not is_workday(date(2027, 5, 1))
    assert not is_workday(date(2027, 5, 2))


def test_a_year_without_notice_has_the_lunar_holidays():
    # 春节 2027 is 6 February: 除夕 5 February and 初一–初三 6–8 February.
    assert all(not is_workday(d) for d in _days(date(2027, 2, 5), date(2027, 2, 8)))
    assert not is_workday(date(2027, 4, 5))  # 清明, a Monday
    assert not is_workday(date(2027, 6, 9))  # 端午, a Wednesday
    assert not is_workday(date(2027, 9, 15))  # 中秋, a Wednesday
    assert is_workday(date(2027, 2, 4))
    assert is_workday(date(2027, 6, 10))


def test_a_holiday_on_a_weekend_is_made_up_on_the_next_working_day():
    # 第六条: 10月2日、3日 2027 are Saturday and Sunday; 4 and 5 October are made up.
    holidays = statutory_holidays(2027)
    assert holidays[date(2027, 10, 4)] == "国庆节" + MAKE_UP_SUFFIX
    assert holidays[date(2027, 10, 5)] == "国庆节" + MAKE_UP_SUFFIX
    assert not is_workday(date(2027, 10, 5))
    assert is_workday(date(2027, 10, 6))
    # 春节 6–7 February fall on the weekend; 8 February is 初三 itself, so 9 and 10 follow.
    assert {date(2027, 2, 9), date(2027, 2, 10)} <= set(holidays)


def test_a_computed_year_knows_no_swapped_working_day():
    assert not is_workday(date(2027, 2, 6))  # Saturday, part of 春节
    assert not any(
        is_workday(d) for d in _days(date(2027, 1, 1), date(2027, 12, 31)) if d.weekday() >= 5
    )


@pytest.mark.parametrize("year", [2025, 2026])
def test_computed_holidays_agree_with_the_published_notice(year):
    """The lunar library and the rules reproduce every festival day the notice gives off,
    with the festival's name: checked against the two notices issued under the 2024 rules."""
    published = dict(
        CalendarDay.objects.filter(notice__year=year, kind=DayKind.HOLIDAY).values_list(
            "date", "name"
        )
    )
    for day, name in statutory_holidays(year).items():
        assert published.get(day) == name.removesuffix(MAKE_UP_SUFFIX), day


def test_deadline_set_in_late_2026_skips_new_year_2027():
    # Monday 28 December 2026 + 5 working days: 29, 30, 31 December, (1 January off), 4, 5.
    assert add_workdays(date(2026, 12, 28), 5) == date(2027, 1, 5)
    assert workdays_between(date(2026, 12, 28), date(2027, 1, 5)) == 5


def test_deadline_over_national_day_2027():
    assert add_workdays(date(2027, 9, 30), 1) == date(2027, 10, 6)


def test_next_years_notice_rows_in_december_count_in_a_computed_year():
    notice = HolidayNotice.objects.create(year=2028, source=NoticeSource.NOTICE)
    CalendarDay.objects.create(notice=notice, date=date(2027, 12, 31), kind="holiday", name="元旦")
    assert not is_workday(date(2027, 12, 31))
    assert not is_workday(date(2027, 1, 1))  # the computed 2027 holidays still count


def test_a_year_is_read_once_and_read_again_after_a_change(django_assert_num_queries):
    with django_assert_num_queries(2):
        add_workdays(date(2025, 1, 1), 200)
    with django_assert_num_queries(0):
        add_workdays(date(2025, 1, 1), 200)
    notice = HolidayNotice.objects.get(year=2025)
    CalendarDay.objects.create(notice=notice, date=date(2025, 3, 3), kind="holiday", name="测试")
    assert not is_workday(date(2025, 3, 3))


def test_forgetting_makes_the_next_question_read_the_table(django_assert_num_queries):
    is_workday(date(2026, 3, 3))
    workdays.forget()
    with django_assert_num_queries(2):
        is_workday(date(2026, 3, 3))
