"""The public holidays of a year as 《全国年节及纪念日放假办法》 (amended 2024, in force
2025-01-01) fixes them, for a year whose State Council notice is not yet published.

The notice later moves days around (调休) and may lengthen the breaks (第七条); none of that
can be known in advance, so a computed year has holidays and no swapped working days."""

from __future__ import annotations

from datetime import date, timedelta

from lunar_python import Lunar

NEW_YEAR = "元旦"
SPRING_FESTIVAL = "春节"
QINGMING = "清明节"
LABOUR_DAY = "劳动节"
DRAGON_BOAT = "端午节"
MID_AUTUMN = "中秋节"
NATIONAL_DAY = "国庆节"

MAKE_UP_SUFFIX = "（补假）"


def festival_days(year: int) -> list[tuple[date, str]]:
    """第二条: the days off for all citizens, with the festival each belongs to."""
    new_year = Lunar.fromYmd(year, 1, 1)
    eve = new_year.next(-1).getSolar()  # 除夕: the last day of the twelfth lunar month
    spring = [_solar(eve)] + [_solar(new_year.next(i).getSolar()) for i in range(3)]
    qingming = _solar(new_year.getJieQiTable()["清明"])
    return sorted(
        [
            (date(year, 1, 1), NEW_YEAR),  # (一) 元旦 1天
            *((day, SPRING_FESTIVAL) for day in spring),  # (二) 除夕、正月初一至初三
            (qingming, QINGMING),  # (三) 农历清明当日
            (date(year, 5, 1), LABOUR_DAY),  # (四) 5月1日、2日
            (date(year, 5, 2), LABOUR_DAY),
            (_solar(Lunar.fromYmd(year, 5, 5).getSolar()), DRAGON_BOAT),  # (五) 农历端午当日
            (_solar(Lunar.fromYmd(year, 8, 15).getSolar()), MID_AUTUMN),  # (六) 农历中秋当日
            *((date(year, 10, d), NATIONAL_DAY) for d in (1, 2, 3)),  # (七) 10月1日至3日
        ],
        key=lambda pair: pair[0],  # the same day keeps the article's order of festivals
    )


def statutory_holidays(year: int) -> dict[date, str]:
    """Every day off of the year: the festival days (第二条) and, for each that falls on a
    Saturday or Sunday, a make-up day on the next working day (第六条 应当在工作日补假).

    Where two festivals share a day (中秋 on 1–3 October), the day carries both names."""
    days: dict[date, str] = {}
    festivals = festival_days(year)
    for day, name in festivals:
        days[day] = f"{days[day]}、{name}" if day in days and name not in days[day] else name
    for day, name in festivals:
        if day.weekday() < 5:
            continue
        make_up = day + timedelta(days=1)
        while make_up.weekday() >= 5 or make_up in days:
            make_up += timedelta(days=1)
        days[make_up] = name + MAKE_UP_SUFFIX
    return dict(sorted(days.items()))


def _solar(solar: object) -> date:
    return date(solar.getYear(), solar.getMonth(), solar.getDay())  # type: ignore[attr-defined]
