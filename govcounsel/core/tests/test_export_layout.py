"""An exported xlsx sheet is ready to print (ADR 0018): a title block above the header row,
A4 fitted to the width, landscape when wide, title block and header repeated on each page,
the header frozen. Every file is read back with openpyxl."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.exporters import (
    HEADER_ROW,
    Column,
    Report,
    SheetHeading,
    attr,
    iter_csv,
    write_xlsx,
)

# 2026-11-23 00:30 in Beijing is still the 22nd in UTC: the date must be Beijing's.
EARLY_BEIJING = datetime(2026, 11, 22, 16, 30, tzinfo=ZoneInfo("UTC"))


class Obj:
    def __init__(self, **values: object) -> None:
        self.__dict__.update(values)


class Narrow(Report):
    title = "窄表"
    columns = [Column("姓名", attr("name"), width=12), Column("备注", attr("note"), width=30)]


class Wide(Report):
    title = "宽表"
    columns = [Column(f"列{i}", attr(f"c{i}"), width=10 + i) for i in range(8)]


def read(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_a_narrow_register_prints_upright_with_its_title_block():
    heading = SheetHeading(issuer="朝阳区司法局", filters=[("姓名", "王"), ("在职", "是")])
    rows = [Obj(name="王建国", note="=1+1"), Obj(name="李秀英", note="正常")]
    with time_machine.travel(EARLY_BEIJING, tick=False):
        sheet = read(write_xlsx(Narrow(), rows, heading=heading)).active
    assert sheet["A1"].value == "窄表"
    assert sheet["A1"].font.b
    assert sheet["A2"].value == "制表单位：朝阳区司法局　　数据截至：2026年11月23日"
    assert sheet["A3"].value == "筛选条件：姓名：王；在职：是"
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:B1", "A2:B2", "A3:B3"}
    assert HEADER_ROW == 4
    assert [c.value for c in sheet[HEADER_ROW]] == ["姓名", "备注"]
    assert [c.value for c in sheet[HEADER_ROW + 1]] == ["王建国", "'=1+1"]
    assert sheet.max_row == HEADER_ROW + 2
    assert sheet.page_setup.orientation == "portrait"
    assert int(sheet.page_setup.paperSize) == 9
    assert (int(sheet.page_setup.fitToWidth), int(sheet.page_setup.fitToHeight)) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$4"
    assert sheet.freeze_panes == "A5"
    assert sheet.print_area == "'窄表'!$A$1:$B$6"
    assert (sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width) == (12, 30)


def test_a_wide_register_turns_to_landscape_and_merges_across_its_width():
    rows = [Obj(**{f"c{i}": i for i in range(8)}) for _ in range(3)]
    sheet = read(write_xlsx(Wide(), rows)).active
    assert sheet.page_setup.orientation == "landscape"
    assert "A1:H1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A3"].value == "筛选条件：全部"
    assert sheet.print_area == "'宽表'!$A$1:$H$7"
    assert sheet.print_title_rows == "$1:$4"
    assert sheet.freeze_panes == "A5"
    assert [sheet.column_dimensions[c].width for c in "AH"] == [10, 17]


def test_an_empty_register_still_has_its_title_and_header():
    sheet = read(write_xlsx(Narrow(), [])).active
    assert sheet["A1"].value == "窄表"
    assert [c.value for c in sheet[HEADER_ROW]] == ["姓名", "备注"]
    assert sheet.print_area == "'窄表'!$A$1:$B$4"


def test_a_title_that_looks_like_a_formula_stays_text():
    sheet = read(write_xlsx(Narrow(), [], heading=SheetHeading(title="=1+1"))).active
    assert sheet["A1"].value == "'=1+1"
    assert sheet["A1"].data_type == "s"


def test_csv_has_no_title_block():
    data = b"".join(iter_csv(Narrow(), [Obj(name="王建国", note="")]))
    assert data.decode("utf-8-sig").splitlines()[0] == "姓名,备注"


def test_a_list_export_names_the_page_the_exporters_unit_and_the_filter(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang, username="zhang"))
    with time_machine.travel(EARLY_BEIJING, tick=False):
        response = client.get("/people/?q=王建国&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "人员查询"  # the page's title, as its print says
    assert sheet["A2"].value == f"制表单位：{tree.chaoyang}　　数据截至：2026年11月23日"
    assert sheet["A3"].value == "筛选条件：姓名、拼音、单位或身份证号：王建国"
    assert sheet.page_setup.orientation == "landscape"
    assert [row[0] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)] == [
        "王建国"
    ]


def test_a_background_export_has_the_same_title_block(
    tree, client, settings, django_capture_on_commit_callbacks
):
    from govcounsel.core.models import ExportJob

    settings.EXPORT_SYNC_ROWS = 0
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang, username="zhang"))
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/people/?q=王建国&export=xlsx")
    sheet = load_workbook(io.BytesIO(ExportJob.objects.get().file.open().read())).active
    assert sheet["A1"].value == "人员查询"
    assert sheet["A3"].value == "筛选条件：姓名、拼音、单位或身份证号：王建国"
    assert sheet.freeze_panes == "A5"
    last = get_column_letter(sheet.max_column)
    assert sheet.print_area == f"'{sheet.title}'!$A$1:${last}${HEADER_ROW + 1}"


def test_a_long_filter_gets_the_height_of_its_lines():
    # Narrow is 42 units wide: 21 Chinese characters a line.
    heading = SheetHeading(filters=[("单位", "北京市朝阳区市场监督管理局" * 3)])
    sheet = read(write_xlsx(Narrow(), [], heading=heading)).active
    assert sheet["A3"].alignment.wrap_text
    assert sheet.row_dimensions[1].height == 21  # one line at 14 points
    assert sheet.row_dimensions[3].height == 3 * 16.5  # 47 characters: three lines
