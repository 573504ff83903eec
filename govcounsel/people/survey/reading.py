"""Reading a survey file: its declared size and limits, headers, and a stream of cells."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .form import HEADERS, REQUIRED
from .plan import SurveyFileError, SurveyPlan

# A file is judged by what it declares before a row is read: a 119 KB sheet of empty rows
# once held a worker for 37 s. More rows than this are refused; a run of
# EMPTY_RUN empty rows ends the data (what follows is formatting, not people).
MAX_ROWS = getattr(settings, "SURVEY_MAX_ROWS", 20_000)
MAX_COLUMNS = 50
EMPTY_RUN = 200


def _too_many_rows() -> SurveyFileError:
    return SurveyFileError(_("一次最多导入%(max)d行，请分批导入。") % {"max": MAX_ROWS})


def _open(content: bytes) -> Any:
    """The first sheet, opened read-only: nothing but the workbook's index is read yet."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise SurveyFileError(
            _("文件不是有效的Excel（.xlsx）文件，请使用下载的模板填写。")
        ) from None
    return workbook.worksheets[0]


def declared_rows(content: bytes) -> int | None:
    """The data rows the sheet declares (its dimension tag), checked against the limits
    without reading a row; None when it declares none (some writers omit the tag)."""
    return _declared(_open(content))


def _declared(sheet: Any) -> int | None:
    # The dimension tag (e.g. A1:J2001) costs nothing to read; a missing one reads as None.
    declared_rows, declared_columns = sheet.max_row, sheet.max_column or 0
    if declared_columns > MAX_COLUMNS:
        raise SurveyFileError(
            _("工作表声明了%(columns)d列，超出摸排表模板的范围，请使用下载的模板填写。")
            % {"columns": declared_columns}
        )
    if declared_rows is None:
        return None
    if declared_rows - 1 > MAX_ROWS:
        raise _too_many_rows()
    return max(declared_rows - 1, 0)


def runs_in_background(content: bytes) -> bool:
    """A file of more than SURVEY_SYNC_ROWS declared rows (or of unknown size) is checked and
    imported by a worker, not in the request (bad input never costs a worker)."""
    rows = declared_rows(content)
    return rows is None or rows > getattr(settings, "SURVEY_SYNC_ROWS", 2000)


def _read(content: bytes) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The header and a stream of the data rows, read without holding the sheet in memory
    (openpyxl read-only mode). The sheet's declared size is checked before any row is read,
    and the stream ends at the first long run of empty rows."""
    sheet = _open(content)
    _declared(sheet)
    header = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), None)
    if header is None:
        raise SurveyFileError(_("文件是空的：第1行应为列标题。"))
    names = [str(h).strip() if h is not None else "" for h in header]
    while names and not names[-1]:
        names.pop()
    missing = [h for h in HEADERS if h in REQUIRED and h not in names]
    unknown = [h for h in names if h and h not in HEADERS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("缺少必需的列：%(cols)s") % {"cols": "、".join(missing)})
        if unknown:
            parts.append(_("无法识别的列：%(cols)s") % {"cols": "、".join(unknown)})
        raise SurveyFileError(_("第1行列标题不符合模板。") + "；".join(parts) + "。")
    return names, sheet.iter_rows(min_row=2, max_col=len(names), values_only=True)


def _until_empty_run(
    rows: Iterator[tuple[Any, ...]], plan: SurveyPlan
) -> Iterator[tuple[Any, ...]]:
    """The rows up to the first run of EMPTY_RUN empty ones (noted on the plan, so that the
    preview says where reading stopped); refused past MAX_ROWS rows read, empty or not,
    whatever the sheet declared."""
    empty = 0
    for read, values in enumerate(rows, start=1):
        if read > MAX_ROWS:
            raise _too_many_rows()
        if all(_text(v) == "" for v in values):
            empty += 1
            if empty >= EMPTY_RUN:
                plan.ended_at = read + 1 - EMPTY_RUN + 1  # sheet row of the first empty one
                return
        else:
            empty = 0
        yield values


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()  # naive: spreadsheet cells carry no time zone
    if isinstance(value, date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()  # naive: parsed text
    except ValueError:
        raise ValueError(
            _("无法识别的日期“%(value)s”，请按2019-03-01的格式填写。") % {"value": text}
        ) from None
