"""A small file must not cost a worker: the survey import judges a sheet by its declared
size before reading it, reads it as a stream and stops at a long run of empty rows."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people import survey
from govcounsel.people.survey import SurveyFileError, plan_survey

from .test_survey import good_rows, xlsx

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def office(tree):
    return user_with(Role.UNIT_ADMIN, tree.unit_a, username="office")


def _with_sheet_xml(content: bytes, change) -> bytes:
    """The same workbook with its first sheet's XML rewritten."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == SHEET:
                data = change(data.decode()).encode()
            target.writestr(item, data)
    return out.getvalue()


def _declaring(content: bytes, ref: str) -> bytes:
    return _with_sheet_xml(
        content, lambda xml: re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{ref}"', xml)
    )


def _empty_rows_after(content: bytes, count: int, first: int) -> bytes:
    """Formatted but empty rows, as a sheet styled down to its last row carries them; the
    dimension tag is dropped, as some writers do, so only reading can find the end."""
    rows = "".join(f'<row r="{n}"><c r="A{n}" s="0"/></row>' for n in range(first, first + count))

    def change(xml: str) -> str:
        xml = re.sub(r"<dimension [^>]*/>", "", xml)
        return xml.replace("</sheetData>", rows + "</sheetData>")

    return _with_sheet_xml(content, change)


@pytest.fixture
def rows_read(monkeypatch):
    """How many rows openpyxl handed out, empty ones included."""
    count = {"rows": 0}
    original = ReadOnlyWorksheet._cells_by_row

    def counting(self, *args, **kwargs):
        for row in original(self, *args, **kwargs):
            count["rows"] += 1
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)
    return count


def test_a_sheet_declaring_a_million_rows_is_refused_before_a_row_is_read(tree, office, rows_read):
    content = _declaring(xlsx(good_rows(tree)), "A1:J1048576")
    with pytest.raises(SurveyFileError, match="一次最多导入"):
        plan_survey(content, by=office)
    assert rows_read["rows"] == 0


def test_a_sheet_declaring_thousands_of_columns_is_refused_before_a_row_is_read(
    tree, office, rows_read
):
    content = _declaring(xlsx(good_rows(tree)), "A1:XFD4")
    with pytest.raises(SurveyFileError, match="列"):
        plan_survey(content, by=office)
    assert rows_read["rows"] == 0


def test_reading_ends_at_a_long_run_of_empty_rows(tree, office, rows_read):
    content = _empty_rows_after(xlsx(good_rows(tree)), 100_000, first=5)
    plan = plan_survey(content, by=office)
    assert plan.summary()["rows"] == 3
    assert not plan.errors
    assert plan.ended_at == 5
    # header + 3 rows + the run that ends the data, not 100,000 rows
    assert rows_read["rows"] <= 1 + 3 + survey.EMPTY_RUN + 1


def test_rows_past_the_limit_are_refused_while_reading_even_empty_ones(
    tree, office, monkeypatch, rows_read
):
    """A sheet without a dimension tag declares nothing: the limit counts every row read."""
    monkeypatch.setattr(survey.reading, "MAX_ROWS", 3)  # where it is looked up
    content = _empty_rows_after(xlsx(good_rows(tree)[:1]), 5, first=3)
    with pytest.raises(SurveyFileError, match="一次最多导入3行"):
        plan_survey(content, by=office)
    assert rows_read["rows"] <= 1 + 4


def test_the_sheet_is_read_as_a_stream(tree, office, monkeypatch):
    calls = []
    original = survey.reading.load_workbook

    def recording(*args, **kwargs):
        calls.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(survey.reading, "load_workbook", recording)
    plan_survey(xlsx(good_rows(tree)), by=office)
    assert calls
    assert all(call.get("read_only") is True for call in calls)
