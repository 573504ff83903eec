"""The bulletin's PDF in the layout of GB/T 9704-2012, read back with pypdf: the free faces
of the official styles embedded, the text there, the header row on every page of a long
table, dates without leading zeros (ADR 0027)."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from govcounsel.coverage import bulletin_files
from govcounsel.coverage.bulletin_content import BulletinContent, RankLine, UnitLine

SUMMARY = {
    "units": 80,
    "covered_start": 40,
    "covered_end": 45,
    "coverage_start": 0.5,
    "coverage_end": 0.5625,
    "work_end": 0.7,
    "new_certificates": 12,
    "cancellations": 1,
    "overdue_cases": 0,
    "shortfall": 3,
    "neither": 2,
}


def long_content(region) -> BulletinContent:
    content = BulletinContent(region, 2026, 3, date(2026, 7, 1), date(2026, 9, 30), SUMMARY)
    content.ranking = [RankLine(1, region.name, 80, 45, 0.5625)]
    content.units = [
        UnitLine(
            f"北京市朝阳区某某街道办事处第{i}科室",
            "朝阳区",
            "乡镇（街道）",
            i % 3,
            0,
            0,
            "有公职律师",
            False,
        )
        for i in range(80)
    ]
    return content


@pytest.fixture
def pdf(tree):
    content = long_content(tree.chaoyang)
    chart = bulletin_files.chart_png(content)
    return content, PdfReader(
        io.BytesIO(
            bulletin_files.to_pdf(
                content, chart, number="朝法办通〔2026〕3号", dated=date(2026, 10, 8)
            )
        )
    )


def _fonts(reader: PdfReader) -> set[str]:
    names: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None:
                    assert any(
                        key in descriptor.get_object()
                        for key in ("/FontFile", "/FontFile2", "/FontFile3")
                    ), "font not embedded"
    return names


def test_the_pdf_embeds_the_free_faces_of_the_official_styles(pdf):
    _, reader = pdf
    fonts = " ".join(_fonts(reader)).replace("-", "")
    assert "ARPLSungtiLGB" in fonts  # 正文: the stand-in of 仿宋 (no free simplified 仿宋)
    assert "NotoSerifCJK" in fonts  # 标题 and 发文机关标志: the stand-in of 小标宋
    assert "NotoSansCJK" in fonts  # 黑体 headings and table headers


def test_the_text_is_there_with_dates_without_leading_zeros(pdf):
    content, reader = pdf
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert content.title in text
    assert "北京市朝阳区某某街道办事处第7科室" in text
    assert "朝阳区全面依法治区委员会办公室" in text
    assert "朝法办通〔2026〕3号" in text
    assert "2026年10月8日" in text
    assert "2026年9月30日" in text  # 截至…
    assert "年09月" not in text
    assert "月08日" not in text


def test_the_header_row_repeats_and_pages_are_numbered(pdf):
    _, reader = pdf
    assert len(reader.pages) >= 3
    pages = [page.extract_text().replace("\n", "").replace(" ", "") for page in reader.pages]
    unit_pages = [n for n, text in enumerate(pages) if "科室" in text]
    assert len(unit_pages) >= 2
    for n in unit_pages:
        assert "超期注销案件" in pages[n], n + 1  # the header row on each page of the table
    for n, text in enumerate(pages, start=1):
        assert f"—{n}—" in text, n
