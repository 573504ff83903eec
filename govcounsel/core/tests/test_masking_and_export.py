import io

from openpyxl import load_workbook

from govcounsel.core.exporters import HEADER_ROW, Column, Report, attr, safe_cell, write_xlsx
from govcounsel.core.masking import mask_id_number, mask_phone
from govcounsel.core.scoping import NOTHING, Scope


def test_id_number_is_masked_like_the_issue_shows():
    assert mask_id_number("11010519491231002X") == "110105********002X"


def test_phone_masks():
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("010-65091234") == "010****1234"
    assert mask_phone("") == ""


def test_spreadsheet_formulas_are_neutralised():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("+86") == "'+86"
    assert safe_cell("王建国") == "王建国"
    assert safe_cell(None) == ""


def test_xlsx_report_writes_headers_and_rows():
    class Rows(Report):
        title = "测试"
        columns = [Column("姓名", attr("name")), Column("备注", attr("note"))]

    class Obj:
        def __init__(self, name, note):
            self.name, self.note = name, note

    data = write_xlsx(Rows(), [Obj("王建国", "=1+1"), Obj("李秀英", "正常")])
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[HEADER_ROW]] == ["姓名", "备注"]
    assert [c.value for c in sheet[HEADER_ROW + 1]] == ["王建国", "'=1+1"]
    assert sheet.max_row == HEADER_ROW + 2


def test_scope_keeps_only_outermost_paths():
    scope = Scope.of(region_paths=["0001", "00010002", "0003"])
    assert scope.region_paths == ("0001", "0003")


def test_empty_scope_matches_nothing():
    assert Scope().q(region_path="path", unit="pk") == NOTHING
    assert Scope().is_empty
