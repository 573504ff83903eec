"""A provider's attendance sheet (签到表) for one course, read from Excel: the columns 姓名,
执业证号 and, optionally, 学时. Every problem is reported with its row and column; the sheet
is taken whole or not at all (ADR 0004)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from govcounsel.core.calendar_import import RowError
from govcounsel.core.exporters import workbook_bytes

from .models import Course, Enrolment

NAME, NUMBER, HOURS = "姓名", "执业证号", "学时"
HEADERS = (NAME, NUMBER, HOURS)
REQUIRED = (NAME, NUMBER)
MAX_ROWS = 2000


class SheetError(Exception):
    """The file as a whole cannot be read."""


@dataclass
class SheetPlan:
    rows: list[tuple[Enrolment, Decimal | None]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def template(course: Course) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(HEADERS))
    for enrolment in course.enrolments.filter(cancelled_at__isnull=True).select_related("person"):
        held = enrolment.person.certificates.order_by("-issued_on").first()
        sheet.append([enrolment.person.name, held.number if held else "", None])
    return workbook_bytes(workbook)


def plan_sheet(course: Course, content: bytes) -> SheetPlan:
    """Check every row against the course's enrolments, with a fixed number of queries."""
    plan = SheetPlan()
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        plan.errors.append(
            RowError(1, "", _("文件不是有效的Excel（.xlsx）文件，请使用下载的模板填写。"))
        )
        return plan
    rows = sheet.iter_rows(values_only=True)
    header = [_text(h) for h in next(rows, ())]
    missing = [h for h in REQUIRED if h not in header]
    if missing:
        plan.errors.append(
            RowError(1, "", _("缺少必需的列：%(cols)s") % {"cols": "、".join(missing)})
        )
        return plan
    at = {name: header.index(name) for name in HEADERS if name in header}
    enrolments = {
        number: e
        for e in course.enrolments.filter(cancelled_at__isnull=True).select_related("person")
        for number in e.person.certificates.values_list("number", flat=True)
    }
    seen: set[str] = set()
    for line, values in enumerate(rows, start=2):
        if line - 1 > MAX_ROWS:
            plan.errors.append(RowError(line, "", _("一次最多导入%(n)d行。") % {"n": MAX_ROWS}))
            break
        cells = {name: _text(values[i]) if i < len(values) else "" for name, i in at.items()}
        if not any(cells.values()):
            continue
        name, number = cells[NAME], cells[NUMBER]
        if not number:
            plan.errors.append(RowError(line, NUMBER, _("必填。")))
            continue
        enrolment = enrolments.get(number)
        if enrolment is None:
            plan.errors.append(RowError(line, NUMBER, _("该执业证号的律师未报名本课程。")))
            continue
        if name and name != enrolment.person.name:
            plan.errors.append(
                RowError(
                    line,
                    NAME,
                    _("姓名与执业证号不符（应为%(name)s）。") % {"name": enrolment.person.name},
                )
            )
            continue
        if number in seen:
            plan.errors.append(RowError(line, NUMBER, _("与前面的行重复。")))
            continue
        seen.add(number)
        hours: Decimal | None = None
        if cells.get(HOURS):
            try:
                hours = Decimal(cells[HOURS])
            except InvalidOperation:
                plan.errors.append(RowError(line, HOURS, _("应为数字。")))
                continue
            if hours < 0 or hours > course.hours:
                plan.errors.append(
                    RowError(line, HOURS, _("应在0至%(h)s之间。") % {"h": course.hours})
                )
                continue
        plan.rows.append((enrolment, hours))
    return plan
