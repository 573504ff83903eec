"""Changing the statutory calendar: only the system administrator, always audited, and the
working days follow at once. Imports are all or nothing."""

import io
from datetime import date

import pytest
from openpyxl import Workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core import calendar_services as services
from govcounsel.core.choices import DayKind, NoticeSource
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.models import AuditEvent, CalendarDay, HolidayNotice
from govcounsel.core.workdays import add_workdays, calendar_covers, is_workday

pytestmark = pytest.mark.django_db


@pytest.fixture
def sysadmin():
    return user_with(Role.SYSTEM_ADMIN, username="sys")


def _csv(*rows: str, header: str = "日期,类别,名称") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def _xlsx(*rows: tuple) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["日期", "类别", "名称"])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


NOTICE_2027 = _csv(
    "2027-01-01,放假,元旦",
    "2027-02-05,放假,春节",
    "2027-02-06,放假,春节",
    "2027-02-07,放假,春节",
    "2027-02-08,放假,春节",
    "2027-02-09,放假,春节",
    "2027-02-10,放假,春节",
    "2027-02-11,放假,春节",
    "2027-02-12,放假,春节",
    "2027-02-20,上班,春节",
)


def test_importing_a_notice_makes_the_year_published_with_its_swapped_days(sysadmin):
    assert is_workday(date(2027, 2, 11))  # before: only the computed days
    result = services.import_notice(
        by=sysadmin,
        year=2027,
        content=NOTICE_2027,
        filename="2027.csv",
        document_number="国办发明电〔2026〕9号",
        published_on=date(2026, 11, 10),
    )
    assert (result.holidays, result.workdays) == (9, 1)
    notice = HolidayNotice.objects.get(year=2027)
    assert notice.source == NoticeSource.NOTICE
    assert notice.document_number == "国办发明电〔2026〕9号"
    assert calendar_covers(date(2027, 3, 1))
    assert not is_workday(date(2027, 2, 11))
    assert is_workday(date(2027, 2, 20))  # a Saturday worked
    # The notice replaces the computed days: 国庆 2027 is not in this file.
    assert is_workday(date(2027, 10, 1))
    event = AuditEvent.objects.get(action="core.holiday_notice.imported")
    assert event.actor == sysadmin
    assert event.data["holidays"] == 9
    assert event.data["filename"] == "2027.csv"


def test_importing_an_xlsx_file_with_date_cells(sysadmin):
    services.import_notice(
        by=sysadmin,
        year=2027,
        content=_xlsx((date(2027, 1, 1), "放假", "元旦"), ("2027/2/20", "上班", "春节")),
    )
    assert list(
        CalendarDay.objects.filter(notice__year=2027).values_list("date", "kind", "name")
    ) == [(date(2027, 1, 1), "holiday", "元旦"), (date(2027, 2, 20), "workday", "春节")]


def test_importing_a_gbk_csv_saved_by_excel(sysadmin):
    content = "日期,类别,名称\r\n2027年1月1日,放假,元旦\r\n".encode("gb18030")
    services.import_notice(by=sysadmin, year=2027, content=content)
    assert CalendarDay.objects.get(date=date(2027, 1, 1)).name == "元旦"


def test_a_bad_row_names_row_and_column_and_nothing_is_written(sysadmin):
    before = CalendarDay.objects.count()
    content = _csv(
        "2027-01-01,放假,元旦",
        "2027-02-31,放假,春节",
        "2027-02-10,休假,春节",
        "2027-02-22,上班,春节",
        "2027-06-09,放假,",
        "2026-06-09,放假,端午节",
        "2027-01-01,放假,元旦",
    )
    with pytest.raises(services.CalendarImportError) as refused:
        services.import_notice(by=sysadmin, year=2027, content=content)
    reasons = [str(e) for e in refused.value.errors]
    assert reasons[0].startswith("第3行“日期”列：无法识别的日期“2027-02-31”")
    assert reasons[1].startswith("第4行“类别”列：类别应填“放假”或“上班”")
    assert reasons[2].startswith("第5行“类别”列：2027-02-22是工作日")
    assert reasons[3].startswith("第6行“名称”列")
    assert reasons[4].startswith("第7行“日期”列：2026-06-09不属于2027年")
    assert reasons[5] == "第8行“日期”列：日期2027-01-01与第2行重复。"
    assert CalendarDay.objects.count() == before
    assert not HolidayNotice.objects.filter(year=2027).exists()
    assert not AuditEvent.objects.filter(action__startswith="core.holiday_notice").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "文件是空的"),
        (_csv("2027-01-01,放假", header="日期,类别"), "缺少列：名称"),
        (_csv(header="日期,类别,名称"), "文件中没有数据行"),
        (b"\xd0\xcf\x11\xe0garbage", "不支持旧版Excel"),
        (b"PK\x03\x04garbage", "不是有效的Excel"),
    ],
)
def test_a_bad_file_is_refused_whole(sysadmin, content, reason):
    with pytest.raises(services.CalendarImportError) as refused:
        services.import_notice(by=sysadmin, year=2027, content=content)
    assert reason in str(refused.value.errors[0])
    assert not HolidayNotice.objects.filter(year=2027).exists()


def test_importing_a_year_again_replaces_its_rows(sysadmin):
    services.import_notice(by=sysadmin, year=2027, content=NOTICE_2027)
    services.import_notice(
        by=sysadmin, year=2027, content=_csv("2027-01-01,放假,元旦", "2027-10-01,放假,国庆节")
    )
    assert list(CalendarDay.objects.filter(notice__year=2027).values_list("date", flat=True)) == [
        date(2027, 1, 1),
        date(2027, 10, 1),
    ]
    assert is_workday(date(2027, 2, 11))
    assert not is_workday(date(2027, 10, 1))
    assert AuditEvent.objects.filter(action="core.holiday_notice.imported").count() == 2


def test_replacing_a_preloaded_year_keeps_the_other_years(sysadmin):
    others = CalendarDay.objects.exclude(notice__year=2026).count()
    services.import_notice(by=sysadmin, year=2026, content=_csv("2026-01-01,放假,元旦"))
    assert CalendarDay.objects.filter(notice__year=2026).count() == 1
    assert CalendarDay.objects.exclude(notice__year=2026).count() == others


def test_a_date_held_by_another_years_notice_is_refused(sysadmin):
    # 2018-12-30 belongs to the 2019 notice (元旦 2019).
    content = _csv("2018-12-30,放假,元旦")
    with pytest.raises(services.CalendarImportError) as refused:
        services.import_notice(by=sysadmin, year=2018, content=content)
    assert "已列入2019年的放假安排" in str(refused.value.errors[0])


def test_only_the_system_administrator_changes_the_calendar(tree):
    for role, at in (
        (Role.UNIT_ADMIN, tree.unit_a),
        (Role.JUSTICE_BUREAU, tree.beijing),
        (Role.SECURITY_ADMIN, None),
        (Role.AUDIT_ADMIN, None),
    ):
        user = user_with(role, at)
        with pytest.raises(NotPermitted):
            services.import_notice(by=user, year=2027, content=NOTICE_2027)
        with pytest.raises(NotPermitted):
            services.add_day(by=user, year=2026, day=date(2026, 3, 2), kind="holiday", name="x")
    assert not HolidayNotice.objects.filter(year=2027).exists()
    assert not CalendarDay.objects.filter(date=date(2026, 3, 2)).exists()


def test_adding_a_day_is_audited_and_counts_at_once(sysadmin):
    assert add_workdays(date(2026, 3, 2), 1) == date(2026, 3, 3)
    added = services.add_day(
        by=sysadmin, year=2026, day=date(2026, 3, 3), kind=DayKind.HOLIDAY, name="特别假日"
    )
    assert add_workdays(date(2026, 3, 2), 1) == date(2026, 3, 4)
    event = AuditEvent.objects.get(action="core.calendar_day.added")
    assert event.actor == sysadmin
    assert event.object_id == str(added.pk)
    assert event.data == {"year": 2026, "date": "2026-03-03", "kind": "holiday", "name": "特别假日"}


def test_changing_and_removing_a_day_are_audited(sysadmin):
    services.change_day(
        by=sysadmin,
        year=2025,
        original=date(2025, 2, 8),
        day=date(2025, 2, 9),
        kind=DayKind.WORKDAY,
        name="春节",
    )
    assert is_workday(date(2025, 2, 9))
    assert not is_workday(date(2025, 2, 8))
    changed = AuditEvent.objects.get(action="core.calendar_day.updated")
    assert changed.data["before"]["date"] == "2025-02-08"
    assert changed.data["after"]["date"] == "2025-02-09"
    services.remove_day(by=sysadmin, year=2025, day=date(2025, 1, 28))
    assert is_workday(date(2025, 1, 28))
    assert AuditEvent.objects.get(action="core.calendar_day.removed").data["date"] == "2025-01-28"


def test_the_first_change_to_a_computed_year_keeps_its_computed_holidays(sysadmin):
    services.add_day(by=sysadmin, year=2027, day=date(2027, 2, 20), kind="workday", name="春节")
    notice = HolidayNotice.objects.get(year=2027)
    assert notice.source == NoticeSource.COMPUTED
    assert not calendar_covers(date(2027, 1, 1))
    assert not is_workday(date(2027, 1, 1))
    assert not is_workday(date(2027, 10, 1))
    assert is_workday(date(2027, 2, 20))
    assert AuditEvent.objects.filter(action="core.holiday_notice.computed").count() == 1


def test_recording_the_notice_makes_the_year_published(sysadmin):
    services.update_notice(
        by=sysadmin,
        year=2027,
        source=NoticeSource.NOTICE,
        document_number="国办发明电〔2026〕9号",
        title="国务院办公厅关于2027年部分节假日安排的通知",
    )
    assert calendar_covers(date(2027, 5, 1))
    assert not is_workday(date(2027, 10, 1))  # the computed days were kept
    event = AuditEvent.objects.get(action="core.holiday_notice.updated")
    assert event.data["after"]["document_number"] == "国办发明电〔2026〕9号"


@pytest.mark.parametrize(
    ("day", "kind", "name", "field"),
    [
        (date(2026, 3, 4), "workday", "春节", "kind"),  # a Wednesday is a working day anyway
        (date(2026, 3, 4), "holiday", "", "name"),
        (date(2027, 3, 4), "holiday", "x", "day"),  # not in the 2026 notice's year
        (date(2026, 1, 1), "holiday", "元旦", "day"),  # already there
    ],
)
def test_a_wrong_day_is_refused_beside_its_field(sysadmin, day, kind, name, field):
    before = CalendarDay.objects.count()
    with pytest.raises(DomainError) as refused:
        services.add_day(by=sysadmin, year=2026, day=day, kind=kind, name=name)
    assert refused.value.field == field
    assert CalendarDay.objects.count() == before
