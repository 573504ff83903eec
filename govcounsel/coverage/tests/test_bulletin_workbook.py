"""The bulletin's workbook is ready to print like a register's export (ADR 0018): the
bulletin's title block on every sheet, A4 fitted to the width, the summary as label and
value columns."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from govcounsel.core.exporters import HEADER_ROW
from govcounsel.coverage import bulletin_files
from govcounsel.coverage.bulletin_content import build_content


def test_every_sheet_carries_the_title_block_and_prints_on_a4(landscape):
    content = build_content(landscape.beijing_city, 2023, 2)
    workbook = load_workbook(io.BytesIO(bulletin_files.to_xlsx(content)))
    for name, width, orientation in (
        ("汇总", "B", "portrait"),
        ("排名", "E", "portrait"),
        ("各单位情况", "H", "landscape"),
    ):
        sheet = workbook[name]
        assert sheet["A1"].value == content.title
        assert sheet["A2"].value == (
            "制表单位：北京市全面依法治市委员会办公室　　数据截至：2023年6月30日"
        )
        assert sheet["A3"].value == "筛选条件：期间：2023年第2季度"
        assert f"A1:{width}1" in {str(r) for r in sheet.merged_cells.ranges}
        assert sheet.page_setup.orientation == orientation
        assert int(sheet.page_setup.paperSize) == 9
        assert (int(sheet.page_setup.fitToWidth), int(sheet.page_setup.fitToHeight)) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$4"
        assert sheet.freeze_panes == "A5"
        assert sheet.print_area == f"'{name}'!$A$1:${width}${sheet.max_row}"
    assert [c.value for c in workbook["各单位情况"][HEADER_ROW]] == bulletin_files.UNIT_HEADERS


def test_the_summary_is_laid_out_as_label_and_value(landscape):
    content = build_content(landscape.beijing_city, 2023, 2)
    summary = load_workbook(io.BytesIO(bulletin_files.to_xlsx(content)))["汇总"]
    assert [c.value for c in summary[HEADER_ROW]] == ["项目", "数值"]
    figures = dict(summary.iter_rows(min_row=HEADER_ROW + 1, max_col=2, values_only=True))
    assert figures["纳入统计的党政机关和人民团体（个）"] == content.summary["units"]
    assert figures["本季度新颁发公职律师证书（张）"] == 1
    assert figures["季度末覆盖率"] == bulletin_files.percent(content.summary["coverage_end"])
    widths = [summary.column_dimensions[c].width for c in "AB"]
    assert widths == bulletin_files.SUMMARY_WIDTHS
    assert max(widths) < 120  # no longer one column as wide as a sentence
    # The bulletin's sentences follow the figures, each merged across both columns.
    text = [c.value for c in summary["A"] if isinstance(c.value, str)]
    assert any(t.startswith("截至2023年") and "覆盖率" in t for t in text)
    last = summary.max_row
    assert f"A{last}:B{last}" in {str(r) for r in summary.merged_cells.ranges}
