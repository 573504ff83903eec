"""Preload the yearly holiday notices that the chinese-calendar package knows (2004 onwards).

Idempotent: a year already in the table is left as it is (the system administrator may have
corrected it), and running it again adds nothing."""

from datetime import date

from django.db import migrations

PRELOAD_NOTE = "据 chinese-calendar 数据预置"

# chinese-calendar names festivals in English; the notices name them so.
FESTIVALS = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def notice_year(day: date, festival: str) -> int:
    # The next year's notice places 元旦 and its swapped Saturday in late December.
    return day.year + 1 if day.month == 12 and festival == "New Year's Day" else day.year


def preload(apps, schema_editor):
    import chinese_calendar
    from chinese_calendar import constants

    HolidayNotice = apps.get_model("core", "HolidayNotice")
    CalendarDay = apps.get_model("core", "CalendarDay")

    by_year: dict[int, list[tuple[date, str, str]]] = {}
    for day in constants.holidays:
        _is_holiday, festival = chinese_calendar.get_holiday_detail(day)
        festival = festival or constants.holidays[day]
        by_year.setdefault(notice_year(day, festival), []).append((day, "holiday", festival))
    for day, festival in constants.workdays.items():
        by_year.setdefault(notice_year(day, festival), []).append((day, "workday", festival))

    taken_years = set(HolidayNotice.objects.values_list("year", flat=True))
    taken_days = set(CalendarDay.objects.values_list("date", flat=True))
    for year in sorted(set(by_year) - taken_years):
        notice = HolidayNotice.objects.create(year=year, source="notice", note=PRELOAD_NOTE)
        CalendarDay.objects.bulk_create(
            CalendarDay(notice=notice, date=day, kind=kind, name=FESTIVALS.get(name, name))
            for day, kind, name in sorted(by_year[year])
            if day not in taken_days
        )


def unload(apps, schema_editor):
    HolidayNotice = apps.get_model("core", "HolidayNotice")
    CalendarDay = apps.get_model("core", "CalendarDay")
    preloaded = HolidayNotice.objects.filter(note=PRELOAD_NOTE)
    CalendarDay.objects.filter(notice__in=preloaded).delete()
    preloaded.delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0004_statutory_calendar")]

    operations = [migrations.RunPython(preload, unload)]
