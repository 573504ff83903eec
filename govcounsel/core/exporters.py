"""Reports are classes that yield rows; one writer turns any report into an xlsx file.

The same columns drive the HTML table of a list page and its Excel export, so what
people see and what they download cannot drift apart.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    header: Any
    value: Callable[[Any], Any]
    width: int = 16


def attr(path: str) -> Callable[[Any], Any]:
    """Follow a dotted path; call `get_x_display` where the last step names a choice field."""

    def read(obj: Any) -> Any:
        for part in path.split("."):
            if obj is None:
                return ""
            display = getattr(obj, f"get_{part}_display", None)
            obj = display() if display else getattr(obj, part)
        return obj

    return read


def yes_no(path: str) -> Callable[[Any], str]:
    read = attr(path)
    return lambda obj: "是" if read(obj) else "否"


class Report:
    title: Any = "export"
    columns: list[Column] = []
    rows_written: int = 0

    def headers(self) -> list[str]:
        return [str(c.header) for c in self.columns]

    def row(self, obj: Any) -> list[Any]:
        return [c.value(obj) for c in self.columns]

    def rows(self, objects: Iterable[Any]) -> Iterator[list[Any]]:
        for obj in objects:
            yield self.row(obj)


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is written as plain text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, bool | int | float | date):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_xlsx(report: Report, objects: Iterable[Any], *, exported_by: str = "") -> bytes:
    """The report as an xlsx file; a second sheet says who exported it and when (PIPL, MLPS
    8.1.4.3: a file of personal data carries its provenance). `report.rows_written` tells
    the caller how many records left the system."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(report.title)[:31])
    for index, column in enumerate(report.columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = column.width
    bold = Font(bold=True)
    header_cells = []
    for header in report.headers():
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in report.rows(objects):
        sheet.append([safe_cell(v) for v in row])
        count += 1
    report.rows_written = count
    now = timezone.localtime()
    about = workbook.create_sheet(title=str(_("导出信息")))
    for label, value in (
        (_("导出人"), exported_by),
        (_("导出时间（北京时间）"), now.strftime("%Y-%m-%d %H:%M:%S")),
        (_("记录数"), count),
        (_("说明"), _("本文件含个人信息的，仅限履行职责使用，不得擅自复制、传播。")),
    ):
        about.append([str(label), safe_cell(str(value) if not isinstance(value, int) else value)])
    workbook.properties.creator = exported_by or "govcounsel"
    workbook.properties.created = now.replace(tzinfo=None)
    return workbook_bytes(workbook)


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as an .xlsx file, with no cell that a spreadsheet would run.

    openpyxl turns any text starting with "=" into a formula; the application writes no
    formulas, so every such cell (a unit named "=HYPERLINK(…)", say) is stored as the
    text it is. Every workbook the application writes is saved through here."""
    if not getattr(workbook, "write_only", False):
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    report: Report, objects: QuerySet[Any] | Iterable[Any], filename: str
) -> HttpResponse:
    from .context import current

    if isinstance(objects, QuerySet):
        objects = objects.iterator(chunk_size=2000)
    ctx = current()
    user: Any = ctx.user if ctx is not None else None
    exporter = ""
    if user is not None and user.is_authenticated:
        exporter = f"{user.display_name}（{user.get_username()}）"
    response = HttpResponse(
        write_xlsx(report, objects, exported_by=exporter), content_type=XLSX_TYPE
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    name = f"{filename}-{stamp}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
