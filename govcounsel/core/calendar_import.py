"""Reading a year's holiday notice from a simple file: CSV or Excel (.xlsx) with the columns
日期, 类别 (放假 / 上班) and 名称. Every problem is reported with its row and column; the file
is either taken whole or not at all (the service writes nothing when any row is wrong)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .choices import DayKind
from .exporters import workbook_bytes

DATE, KIND, NAME = "日期", "类别", "名称"
HEADERS = (DATE, KIND, NAME)
MAX_BYTES = 1024 * 1024
MAX_ROWS = 400

KIND_WORDS = {
    "放假": DayKind.HOLIDAY,
    "休": DayKind.HOLIDAY,
    "休息": DayKind.HOLIDAY,
    "节假日": DayKind.HOLIDAY,
    "法定节假日": DayKind.HOLIDAY,
    "上班": DayKind.WORKDAY,
    "班": DayKind.WORKDAY,
    "调休上班": DayKind.WORKDAY,
    "调休上班日": DayKind.WORKDAY,
}
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        if self.column:
            return str(
                _("第%(row)s行“%(column)s”列：%(reason)s")
                % {"row": self.row, "column": self.column, "reason": self.reason}
            )
        return str(_("第%(row)s行：%(reason)s") % {"row": self.row, "reason": self.reason})


@dataclass(frozen=True)
class ImportRow:
    row: int
    date: date
    kind: str
    name: str


def read_rows(content: bytes, *, year: int) -> tuple[list[ImportRow], list[RowError]]:
    """The file's days for the notice of `year`, or the reasons it cannot be taken."""
    if not content.strip():
        return [], [RowError(1, "", str(_("文件是空的：第1行应为列标题“日期、类别、名称”。")))]
    if len(content) > MAX_BYTES:
        return [], [RowError(1, "", str(_("文件超过1MB，不像是一年的放假安排。")))]
    try:
        table = _xlsx(content) if content[:4] == b"PK\x03\x04" else _csv(content)
    except ValueError as error:
        return [], [RowError(1, "", str(error))]
    header = [_text(h) for h in (table[0] if table else [])]
    while header and not header[-1]:
        header.pop()
    missing = [h for h in HEADERS if h not in header]
    unknown = [h for h in header if h and h not in HEADERS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(str(_("缺少列：%(cols)s") % {"cols": "、".join(missing)}))
        if unknown:
            parts.append(str(_("无法识别的列：%(cols)s") % {"cols": "、".join(unknown)}))
        reason = _("列标题应为“日期、类别、名称”。%(detail)s") % {"detail": "；".join(parts)}
        return [], [RowError(1, "", str(reason))]
    index = {name: header.index(name) for name in HEADERS}
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    first_row: dict[date, int] = {}
    body = table[1:]
    if sum(1 for cells in body if any(_text(c) for c in cells)) > MAX_ROWS:
        return [], [RowError(1, "", str(_("数据行超过%(max)s行。") % {"max": MAX_ROWS}))]
    for number, cells in enumerate(body, start=2):
        values = {name: cells[i] if i < len(cells) else None for name, i in index.items()}
        if not any(_text(v) for v in values.values()):
            continue
        row_errors: list[RowError] = []

        day = _date(values[DATE])
        if day is None:
            row_errors.append(
                RowError(
                    number,
                    DATE,
                    str(
                        _("无法识别的日期“%(value)s”，请按2027-01-01的格式填写。")
                        % {"value": _text(values[DATE])}
                    ),
                )
            )
        kind_text = _text(values[KIND])
        kind = KIND_WORDS.get(kind_text)
        if kind is None:
            row_errors.append(
                RowError(
                    number,
                    KIND,
                    str(_("类别应填“放假”或“上班”，不能是“%(value)s”。") % {"value": kind_text}),
                )
            )
        name = _text(values[NAME])
        if len(name) > 50:
            row_errors.append(RowError(number, NAME, str(_("名称不能超过50个字。"))))
        if day is not None and kind is not None:
            row_errors += [
                RowError(number, column, reason)
                for column, reason in day_problems(year=year, day=day, kind=kind, name=name)
            ]
        if day is not None and day in first_row:
            row_errors.append(
                RowError(
                    number,
                    DATE,
                    str(
                        _("日期%(date)s与第%(other)s行重复。")
                        % {"date": day.isoformat(), "other": first_row[day]}
                    ),
                )
            )
        elif day is not None:
            first_row[day] = number
        if row_errors or day is None or kind is None:
            errors += row_errors
        else:
            rows.append(ImportRow(number, day, kind, name))
    if not rows and not errors:
        errors.append(RowError(2, "", str(_("文件中没有数据行。"))))
    return rows, errors


def day_problems(*, year: int, day: date, kind: str, name: str) -> list[tuple[str, str]]:
    """What is wrong with one day of the notice for `year`, as (column, reason) pairs."""
    problems: list[tuple[str, str]] = []
    # A notice covers its own year, and places 元旦 and its swapped day in late December
    # of the year before.
    if not (day.year == year or (day.year == year - 1 and day.month == 12)):
        problems.append(
            (
                DATE,
                str(
                    _("%(date)s不属于%(year)s年的放假安排（应为%(year)s年内，或上一年12月）。")
                    % {"date": day.isoformat(), "year": year}
                ),
            )
        )
    if kind == DayKind.WORKDAY and day.weekday() < 5:
        problems.append(
            (
                KIND,
                str(
                    _("%(date)s是工作日，本来就上班；调休上班日应为星期六或星期日。")
                    % {"date": day.isoformat()}
                ),
            )
        )
    if kind == DayKind.HOLIDAY and not name:
        problems.append((NAME, str(_("放假的日期须填写节日名称，例如“春节”。"))))
    return problems


def template_workbook() -> bytes:
    """An example file: the header row and a few days in the form the notices use."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "放假安排"
    sheet.append(list(HEADERS))
    for row in (
        ("2025-01-26", "上班", "春节"),
        ("2025-01-28", "放假", "春节"),
        ("2025-01-29", "放假", "春节"),
    ):
        sheet.append(list(row))
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["C"].width = 16
    return workbook_bytes(workbook)


def _xlsx(content: bytes) -> list[list[Any]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValueError(_("文件不是有效的Excel（.xlsx）文件。")) from None
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _csv(content: bytes) -> list[list[Any]]:
    if content[:4] == b"\xd0\xcf\x11\xe0":
        raise ValueError(_("不支持旧版Excel（.xls）文件，请另存为.xlsx或CSV后上传。"))
    if b"\x00" in content:
        raise ValueError(_("文件既不是CSV也不是Excel（.xlsx）文件。"))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte sequence without NUL
        raise ValueError(_("无法识别文件的文字编码，请以UTF-8保存CSV文件。"))
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error:
        raise ValueError(_("CSV文件格式有误。")) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # Full-width digits and punctuation (２０２７－０１－０１) read as their plain forms.
    return unicodedata.normalize("NFKC", str(value)).strip()


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()  # naive: spreadsheet cells carry no time zone
    if isinstance(value, date):
        return value
    match = _DATE_TEXT.match(_text(value))
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
