"""Reports are classes that yield rows; one writer turns any report into an xlsx or a csv file.

The same columns drive the HTML table of a list page and its exports, so what people see
and what they download cannot drift apart. Both writers take rows one at a time from an
iterator and keep none of them: memory does not grow with the size of the register
(ADR 0018). Large exports run in the background (`core/export_jobs.py`).

An xlsx sheet is ready to print: a title block (the register, who issues it, the date, the
filter in words) above the header row, A4 fitted to the width (landscape when wide), the
title block and header repeated on every page, the header frozen on screen (ADR 0018).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from math import ceil
from typing import IO, Any
from urllib.parse import quote

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from govcounsel.documents.dates import chinese_date

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
# Excel reads a csv file without a byte-order mark in the local code page (GBK on Chinese
# Windows), and Chinese text comes out garbled.
BOM = "\ufeff"
# Rows fetched per database round trip (a server-side cursor on PostgreSQL); prefetches run
# per chunk.
CHUNK_ROWS = 2000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# More columns than fit across an A4 sheet upright: the print and the sheet turn to landscape.
WIDE_COLUMNS = 6
# The title block: title, issuer and date, filter; the header row comes right below it.
TITLE_ROWS = 3
HEADER_ROW = TITLE_ROWS + 1


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


@dataclass(frozen=True)
class SheetHeading:
    """What the title block of an exported sheet says besides the register's title: who
    issues it (the exporter's units or regions), the date it stands at, the filter in words."""

    issuer: str = ""
    as_of: date | None = None
    filters: Sequence[tuple[str, str]] = ()
    title: str = ""


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


def csv_cell(value: Any) -> str:
    """A cell of a csv file: the same text as the xlsx cell, formulas neutralised alike."""
    value = safe_cell(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Line:
    """A file that hands back what is written to it: csv.writer then formats one row at a time."""

    def write(self, text: str) -> str:
        return text


def iter_csv(report: Report, objects: Iterable[Any], *, batch: int = 200) -> Iterator[bytes]:
    """The report as csv, UTF-8 with a byte-order mark, yielded a few rows at a time.

    Nothing is kept: a register of a million rows streams in the memory of one batch.
    `report.rows_written` counts the rows as they go."""
    writer = csv.writer(_Line())
    yield (BOM + writer.writerow(report.headers())).encode()
    count = 0
    lines: list[str] = []
    for row in report.rows(objects):
        lines.append(writer.writerow([csv_cell(v) for v in row]))
        count += 1
        report.rows_written = count
        if len(lines) >= batch:
            yield "".join(lines).encode()
            lines.clear()
    report.rows_written = count
    if lines:
        yield "".join(lines).encode()


def write_csv(report: Report, objects: Iterable[Any], target: IO[bytes]) -> int:
    """Write the report as csv into a binary file; returns the number of rows."""
    for chunk in iter_csv(report, objects):
        target.write(chunk)
    return report.rows_written


def write_xlsx(
    report: Report,
    objects: Iterable[Any],
    *,
    exported_by: str = "",
    heading: SheetHeading | None = None,
) -> bytes:
    """The report as an xlsx file in memory; for registers bounded in size (a sync export)."""
    buffer = io.BytesIO()
    write_xlsx_to(report, objects, buffer, exported_by=exported_by, heading=heading)
    return buffer.getvalue()


def write_xlsx_to(
    report: Report,
    objects: Iterable[Any],
    target: str | IO[bytes],
    *,
    exported_by: str = "",
    heading: SheetHeading | None = None,
) -> int:
    """Write the report as an xlsx file into a path or binary file; returns the number of rows.

    openpyxl's write-only workbook streams each row to a temporary file as inline strings,
    so memory stays flat however many rows there are. A second sheet says who exported it
    and when (PIPL, MLPS 8.1.4.3: a file of personal data carries its provenance).
    `report.rows_written` tells the caller how many records left the system."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(report.title)[:31])
    width = len(report.columns)
    heading = heading or SheetHeading()
    begin_sheet(
        sheet,
        heading.title or str(report.title),
        heading,
        report.headers(),
        [column.width for column in report.columns],
    )
    count = 0
    for row in report.rows(objects):
        sheet.append([safe_cell(v) for v in row])
        count += 1
        report.rows_written = count
    report.rows_written = count
    set_print_area(sheet, width, HEADER_ROW + count)
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
    workbook.save(target)
    return count


def title_block(
    sheet: Any, title: str, heading: SheetHeading, widths: Sequence[float]
) -> list[list[Any]]:
    """The `TITLE_ROWS` rows above the header: the title, then issuer and date, then the
    filter in words, each merged across the table's width. Cells are made for `sheet` (a
    write-only or an ordinary worksheet) and are to be appended in order from row 1."""
    day = heading.as_of or timezone.localdate()
    issued = f"{_('制表单位')}：{heading.issuer}　　" if heading.issuer else ""
    filters = "；".join(f"{label}：{value}" for label, value in heading.filters)
    wrapped = Alignment(wrap_text=True, vertical="top")
    lines = [
        (title, Font(bold=True, size=14), Alignment("center", "center", wrap_text=True)),
        (f"{issued}{_('数据截至')}：{chinese_date(day)}", None, wrapped),
        (f"{_('筛选条件')}：{filters or _('全部')}", None, wrapped),
    ]
    # A merged cell does not grow with its text: each row is given the height of the lines
    # its text needs, a Chinese character taking two units of column width.
    span = max(sum(widths), 1)
    rows = []
    for number, (text, font, alignment) in enumerate(lines, 1):
        cell = WriteOnlyCell(sheet, value=safe_cell(text))
        if font is not None:
            cell.font = font
        cell.alignment = alignment
        rows.append([cell])
        size = font.sz if font is not None else 11
        sheet.row_dimensions[number].height = max(1, ceil(len(text) * 2 / span)) * size * 1.5
        if len(widths) > 1:
            sheet.merged_cells.add(f"A{number}:{get_column_letter(len(widths))}{number}")
    return rows


def begin_sheet(
    sheet: Any,
    title: str,
    heading: SheetHeading,
    headers: Sequence[Any],
    widths: Sequence[float],
) -> None:
    """Column widths, print set-up, title block and the bold header row (row `HEADER_ROW`) of
    an empty sheet, write-only or ordinary: the rows are appended after it, then
    `set_print_area`. A write-only sheet sends its columns, properties and panes with the
    first row, so all of them are set here before anything is appended."""
    for index, column_width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width
    prepare_for_print(sheet, len(headers))
    for line in title_block(sheet, title, heading, widths):
        sheet.append(line)
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=safe_cell(str(header)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)


def prepare_for_print(sheet: Any, width: int, *, header_row: int = HEADER_ROW) -> None:
    """A4 fitted to the page width (landscape above `WIDE_COLUMNS` columns), the title block
    and header repeated on every printed page, the header frozen on screen.

    In a write-only sheet the sheet properties and panes are written with the first row:
    call this before appending anything."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if width > WIDE_COLUMNS else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"1:{header_row}"
    sheet.freeze_panes = f"A{header_row + 1}"


def set_print_area(sheet: Any, width: int, last_row: int) -> None:
    """The print area: the used range, title block to the last row."""
    sheet.print_area = f"A1:{get_column_letter(max(width, 1))}{max(last_row, 1)}"


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


def exporter_name(user: Any) -> str:
    """How a file names the person who exported it: display name and account."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return f"{user.display_name}（{user.get_username()}）"


def export_filename(name: Any, fmt: str, *, at: datetime | None = None) -> str:
    stamp = timezone.localtime(at).strftime("%Y%m%d-%H%M")
    return f"{name}-{stamp}.{fmt}"


def _attachment(response: HttpResponse | StreamingHttpResponse, name: str) -> None:
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"


def _rows_of(objects: QuerySet[Any] | Iterable[Any]) -> Iterable[Any]:
    if isinstance(objects, QuerySet):
        return objects.iterator(chunk_size=CHUNK_ROWS)
    return objects


def xlsx_response(
    report: Report,
    objects: QuerySet[Any] | Iterable[Any],
    filename: str,
    *,
    heading: SheetHeading | None = None,
) -> HttpResponse:
    """A bounded export as an xlsx download (larger ones go to a background job).

    Without a heading, the title block names the exporter's units and today's date."""
    from .context import current
    from .printing import units_of

    ctx = current()
    user = ctx.user if ctx is not None else None
    exporter = exporter_name(user)
    if heading is None:
        signed_in = user is not None and getattr(user, "is_authenticated", False)
        heading = SheetHeading(issuer=units_of(user) if signed_in else "")
    response = HttpResponse(
        write_xlsx(report, _rows_of(objects), exported_by=exporter, heading=heading),
        content_type=XLSX_TYPE,
    )
    _attachment(response, export_filename(filename, "xlsx"))
    return response


def csv_response(
    report: Report, objects: QuerySet[Any] | Iterable[Any], filename: str
) -> StreamingHttpResponse:
    """The report as a csv download streamed row by row: no worker holds the whole file."""
    response = StreamingHttpResponse(iter_csv(report, _rows_of(objects)), content_type=CSV_TYPE)
    _attachment(response, export_filename(filename, "csv"))
    return response
