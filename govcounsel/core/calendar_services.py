"""Changing the statutory calendar: the system administrator records the State Council's
yearly holiday notice, day by day or by importing a file. Every change is audited and makes
`workdays` read the calendar afresh.

Until a year's notice is published its holidays are computed (`statutory_holidays`); the
first change to such a year saves the computed days as that year's rows, so that what the
administrator edits is what deadlines use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import workdays
from .audit import record_event
from .calendar_import import DATE, RowError, day_problems, read_rows
from .choices import DayKind, NoticeSource
from .errors import DomainError
from .models import CalendarDay, HolidayNotice
from .permissions import ensure_can
from .statutory_holidays import statutory_holidays

FIRST_YEAR, LAST_YEAR = 2000, 2100
COMPUTED_NOTE = "按《全国年节及纪念日放假办法》推算"

_FIELDS = {"日期": "day", "类别": "kind", "名称": "name"}  # file columns -> form fields


class CalendarImportError(DomainError):
    """The file cannot be taken; `errors` says where and why, row by row."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            "calendar_import_invalid",
            _("文件有错误，未导入任何数据。请按下表修改后重新上传。"),
            reasons=[str(e) for e in errors],
        )
        self.errors = errors


@dataclass(frozen=True)
class ImportResult:
    notice: HolidayNotice
    holidays: int
    workdays: int
    replaced: int


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DomainError(
            "calendar_year_out_of_range",
            _("年度应在%(first)s年至%(last)s年之间。") % {"first": FIRST_YEAR, "last": LAST_YEAR},
            field="year",
        )


@transaction.atomic
def add_day(*, by: Any, year: int, day: date, kind: str, name: str = "") -> CalendarDay:
    _ensure(by)
    notice = _notice_for_change(year, by=by)
    name = name.strip()
    _check_day(notice, day=day, kind=kind, name=name)
    added = CalendarDay.objects.create(notice=notice, date=day, kind=kind, name=name)
    record_event("core.calendar_day.added", added, by=by, data=_describe(added))
    _changed()
    return added


@transaction.atomic
def change_day(
    *, by: Any, year: int, original: date, day: date, kind: str, name: str = ""
) -> CalendarDay:
    _ensure(by)
    notice = _notice_for_change(year, by=by)
    row = _row(notice, original)
    before = _describe(row)
    name = name.strip()
    _check_day(notice, day=day, kind=kind, name=name, instead_of=row)
    row.date, row.kind, row.name = day, kind, name
    row.save(update_fields=["date", "kind", "name"])
    record_event(
        "core.calendar_day.updated", row, by=by, data={"before": before, "after": _describe(row)}
    )
    _changed()
    return row


@transaction.atomic
def remove_day(*, by: Any, year: int, day: date) -> HolidayNotice:
    _ensure(by)
    notice = _notice_for_change(year, by=by)
    row = _row(notice, day)
    record_event("core.calendar_day.removed", row, by=by, data=_describe(row))
    row.delete()
    _changed()
    return notice


@transaction.atomic
def update_notice(
    *,
    by: Any,
    year: int,
    source: str,
    document_number: str = "",
    title: str = "",
    published_on: date | None = None,
) -> HolidayNotice:
    """The notice's particulars; marking the year as published makes its days final
    (`calendar_covers`), otherwise it stays computed."""
    _ensure(by)
    notice = _notice_for_change(year, by=by)
    before = _describe_notice(notice)
    notice.source = NoticeSource(source)
    notice.document_number = document_number.strip()
    notice.title = title.strip()
    notice.published_on = published_on
    notice.save()
    record_event(
        "core.holiday_notice.updated",
        notice,
        by=by,
        data={"before": before, "after": _describe_notice(notice)},
    )
    _changed()
    return notice


@transaction.atomic
def import_notice(
    *,
    by: Any,
    year: int,
    content: bytes,
    filename: str = "",
    document_number: str = "",
    title: str = "",
    published_on: date | None = None,
) -> ImportResult:
    """Replace the year's days with the file's, all or nothing, and record the year as
    published by the notice."""
    _ensure(by)
    check_year(year)
    rows, errors = read_rows(content, year=year)
    notice = HolidayNotice.objects.select_for_update().filter(year=year).first()
    taken = dict(
        CalendarDay.objects.filter(date__in=[r.date for r in rows])
        .exclude(notice__year=year)
        .values_list("date", "notice__year")
    )
    errors += [
        RowError(
            r.row,
            DATE,
            str(
                _("%(date)s已列入%(other)s年的放假安排，请先在该年度中删除。")
                % {"date": r.date.isoformat(), "other": taken[r.date]}
            ),
        )
        for r in rows
        if r.date in taken
    ]
    if errors:
        raise CalendarImportError(sorted(errors, key=lambda e: e.row))
    if notice is None:
        notice = HolidayNotice.objects.create(year=year)
    replaced, _deleted = CalendarDay.objects.filter(notice=notice).delete()
    CalendarDay.objects.bulk_create(
        CalendarDay(notice=notice, date=r.date, kind=r.kind, name=r.name) for r in rows
    )
    notice.source = NoticeSource.NOTICE
    notice.document_number = document_number.strip() or notice.document_number
    notice.title = title.strip() or notice.title
    notice.published_on = published_on or notice.published_on
    notice.note = ""
    notice.save()
    holidays = sum(1 for r in rows if r.kind == DayKind.HOLIDAY)
    result = ImportResult(notice, holidays, len(rows) - holidays, replaced)
    record_event(
        "core.holiday_notice.imported",
        notice,
        by=by,
        data={
            "year": year,
            "filename": filename[:200],
            "holidays": result.holidays,
            "workdays": result.workdays,
            "replaced": replaced,
            "notice": _describe_notice(notice),
        },
    )
    _changed()
    return result


def _ensure(by: Any) -> None:
    ensure_can(by, "core.manage_calendar", message=_("只有系统管理员可以维护法定节假日安排。"))


def _notice_for_change(year: int, *, by: Any) -> HolidayNotice:
    """The year's record, locked; a year still computed on the fly gets its computed days
    saved first, so that a single change does not lose the other holidays."""
    check_year(year)
    notice = HolidayNotice.objects.select_for_update().filter(year=year).first()
    if notice is not None:
        return notice
    notice = HolidayNotice.objects.create(
        year=year, source=NoticeSource.COMPUTED, note=COMPUTED_NOTE
    )
    taken = set(CalendarDay.objects.filter(date__year=year).values_list("date", flat=True))
    CalendarDay.objects.bulk_create(
        CalendarDay(notice=notice, date=day, kind=DayKind.HOLIDAY, name=name)
        for day, name in statutory_holidays(year).items()
        if day.year == year and day not in taken
    )
    record_event("core.holiday_notice.computed", notice, by=by, data={"year": year})
    return notice


def _row(notice: HolidayNotice, day: date) -> CalendarDay:
    row = CalendarDay.objects.select_for_update().filter(notice=notice, date=day).first()
    if row is None:
        raise DomainError(
            "calendar_day_not_found",
            _("%(year)s年的放假安排中没有%(date)s。")
            % {"year": notice.year, "date": day.isoformat()},
        )
    return row


def _check_day(
    notice: HolidayNotice,
    *,
    day: date,
    kind: str,
    name: str,
    instead_of: CalendarDay | None = None,
) -> None:
    if kind not in DayKind.values:
        raise DomainError("calendar_day_kind", _("类别应为放假或上班。"), field="kind")
    for column, reason in day_problems(year=notice.year, day=day, kind=kind, name=name):
        raise DomainError("calendar_day_invalid", reason, field=_FIELDS[column])
    clash = CalendarDay.objects.filter(date=day).select_related("notice")
    if instead_of is not None:
        clash = clash.exclude(pk=instead_of.pk)
    other = clash.first()
    if other is not None:
        raise DomainError(
            "calendar_day_taken",
            _("%(date)s已列入%(year)s年的放假安排（%(row)s），请修改那一条。")
            % {"date": day.isoformat(), "year": other.notice.year, "row": str(other)},
            field="day",
        )


def _changed() -> None:
    # Now for this request, and again at commit: a reader in another thread of this process
    # may have cached the calendar between the change and the commit.
    workdays.forget()
    transaction.on_commit(workdays.forget)


def _describe(row: CalendarDay) -> dict[str, Any]:
    return {
        "year": row.notice.year,
        "date": row.date.isoformat(),
        "kind": row.kind,
        "name": row.name,
    }


def _describe_notice(notice: HolidayNotice) -> dict[str, Any]:
    return {
        "source": notice.source,
        "document_number": notice.document_number,
        "title": notice.title,
        "published_on": notice.published_on.isoformat() if notice.published_on else None,
    }
