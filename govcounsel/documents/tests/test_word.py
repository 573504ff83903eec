"""The GB/T 9704-2012 layout, read back from the .docx with python-docx."""

import io
from datetime import date

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from govcounsel.documents.choices import DocumentKind, Layout, layout_of
from govcounsel.documents.dates import chinese_date
from govcounsel.documents.word import Heading, OfficialText, Table, build_docx

ISSUER = "朝阳区全面依法治区委员会办公室"


def sample(**overrides) -> OfficialText:
    fields = {
        "issuer_name": ISSUER,
        "number": "朝法办通〔2026〕3号",
        "title": "关于2026年第3季度公职律师工作进展情况的通报",
        "dated": date(2026, 9, 3),
        "addressee": "各有关单位",
        "body": [
            Heading("一、总体情况"),
            "本季度新颁发公职律师证书12张。",
            Heading("（一）覆盖情况", level=2),
            Table(
                ["单位", "新颁证", "覆盖率"],
                [
                    ["北京市朝阳区市场监督管理局", "12", "85.0%"],
                    ["北京市公安局朝阳分局", "3", "—"],
                ],
            ),
        ],
        "attachments": ["各单位情况表", "覆盖率排名"],
        "copy_number": "000001",
        "secrecy": "秘密★1年",
        "note": "此件公开发布",
        "copies_to": ["区委办公室", "区人大常委会办公室"],
        "printed_by": ISSUER,
    }
    fields.update(overrides)
    return OfficialText(**fields)


@pytest.fixture(scope="module")
def document():
    return Document(io.BytesIO(build_docx(sample())))


def paragraph(document, text):
    return next(p for p in document.paragraphs if p.text == text)


def east_asia(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


TENTH_MM = Mm(0.1)


def close(length, expected, tolerance=TENTH_MM) -> bool:
    return abs(length - expected) <= tolerance


def test_a4_with_the_standard_margins(document):
    section = document.sections[0]
    assert close(section.page_width, Mm(210))
    assert close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(37))  # 天头
    assert close(section.left_margin, Mm(28))  # 订口
    # 版心 156 mm x 225 mm
    assert close(section.page_width - section.left_margin - section.right_margin, Mm(156))
    assert close(section.page_height - section.top_margin - section.bottom_margin, Mm(225))


def test_fonts_are_named_in_east_asia(document):
    masthead = paragraph(document, ISSUER).runs[0]
    assert east_asia(masthead) == "方正小标宋简体"
    assert str(masthead.font.color.rgb) == "FF0000"
    title = paragraph(document, "关于2026年第3季度公职律师工作进展情况的通报")
    assert (east_asia(title.runs[0]), title.runs[0].font.size) == ("方正小标宋简体", Pt(22))
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    body = paragraph(document, "本季度新颁发公职律师证书12张。").runs[0]
    assert (east_asia(body), body.font.size) == ("仿宋_GB2312", Pt(16))
    assert east_asia(paragraph(document, "一、总体情况").runs[0]) == "黑体"
    assert east_asia(paragraph(document, "（一）覆盖情况").runs[0]) == "楷体_GB2312"
    assert east_asia(paragraph(document, "秘密★1年").runs[0]) == "黑体"
    normal = document.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia"))
    assert normal == "仿宋_GB2312"


def test_body_at_an_exact_line_pitch_of_22_lines(document):
    body = paragraph(document, "本季度新颁发公职律师证书12张。").paragraph_format
    assert body.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert body.line_spacing == Pt(28.95)
    assert round(225 / 25.4 * 72 / body.line_spacing.pt) == 22
    assert body.first_line_indent == Pt(32)  # 左空二字
    assert (body.space_before, body.space_after) == (Pt(0), Pt(0))


def test_red_separator_is_a_border_under_the_number(document):
    number = paragraph(document, "朝法办通〔2026〕3号")
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000"
    assert bottom.get(qn("w:val")) == "single"
    assert not any("━" in p.text for p in document.paragraphs)


def test_table_header_repeats_widths_follow_content_numbers_right(document):
    table = document.tables[0]
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    widths = [table.rows[1].cells[i].width for i in range(3)]
    assert widths[0] > 2 * widths[1]
    assert close(sum(widths), Mm(156), Mm(0.5))
    assert table.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[2].cells[2].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[1].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_page_numbers_at_the_outside_bottom(document):
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        number = footer.paragraphs[0]
        assert number.alignment == alignment
        codes = [e.text for e in number._p.iter(qn("w:instrText"))]
        assert [c.strip() for c in codes] == ["PAGE"]
        assert number.text == "— 1 —"


def test_dates_without_leading_zeros(document):
    assert chinese_date(date(2026, 9, 30)) == "2026年9月30日"
    assert chinese_date(date(2026, 1, 5)) == "2026年1月5日"
    texts = [p.text for p in document.paragraphs]
    assert "2026年9月3日" in texts
    assert not any("09月" in t or "月03日" in t for t in texts)


def test_the_other_elements_in_order(document):
    texts = [p.text for p in document.paragraphs if p.text]
    expected = [
        "000001",
        "秘密★1年",
        ISSUER,
        "朝法办通〔2026〕3号",
        "关于2026年第3季度公职律师工作进展情况的通报",
        "各有关单位：",
        "附件：1．各单位情况表",
        "2．覆盖率排名",
        "（印章）",
        ISSUER,
        "2026年9月3日",
        "（此件公开发布）",
    ]
    positions = [texts.index(t) for t in expected[:5]] + [
        len(texts) - 1 - texts[::-1].index(t) for t in expected[5:]
    ]
    assert positions == sorted(positions)


def test_the_record_is_a_table_floating_at_the_foot_of_the_last_page(document):
    record = document.tables[-1]
    assert [row.cells[0].text for row in record.rows] == [
        "抄送：区委办公室，区人大常委会办公室。",
        f"{ISSUER}\t2026年9月3日印发",
    ]
    floating = record._tbl.tblPr.find(qn("w:tblpPr"))
    assert (floating.get(qn("w:vertAnchor")), floating.get(qn("w:tblpYSpec"))) == (
        "margin",
        "bottom",
    )
    # After the body: the last table, followed only by its anchor paragraph.
    assert record._tbl.getnext().tag == qn("w:p")
    # 版记: a thick first and last line, a thin one between.
    borders = record._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:top")).get(qn("w:sz")) == "8"
    assert borders.find(qn("w:insideH")).get(qn("w:sz")) == "6"
    assert borders.find(qn("w:bottom")).get(qn("w:sz")) == "8"
    assert east_asia(record.rows[0].cells[0].paragraphs[0].runs[0]) == "仿宋_GB2312"


def test_a_letter_has_the_letter_head_and_no_number_on_page_one():
    letter = Document(io.BytesIO(build_docx(sample(layout=Layout.LETTER))))
    texts = [p.text for p in letter.paragraphs if p.text]
    assert texts[:4] == [ISSUER, "000001", "秘密★1年", "朝法办通〔2026〕3号"]
    masthead = paragraph(letter, ISSUER)
    assert str(masthead.runs[0].font.color.rgb) == "FF0000"
    assert east_asia(masthead.runs[0]) == "方正小标宋简体"
    # A red double line, thick over thin, 170 mm: 7 mm beyond the 版心 on each side.
    line = masthead._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert (line.get(qn("w:val")), line.get(qn("w:color"))) == ("thickThinSmallGap", "FF0000")
    assert close(masthead.paragraph_format.left_indent, -Mm(7))
    assert paragraph(letter, "朝法办通〔2026〕3号").alignment == WD_ALIGN_PARAGRAPH.RIGHT
    section = letter.sections[0]
    assert section.different_first_page_header_footer
    foot = section.first_page_footer.paragraphs[0]
    assert foot.text == ""  # no page number on page 1
    bottom = foot._p.pPr.find(qn("w:pBdr")).find(qn("w:top"))
    assert (bottom.get(qn("w:val")), bottom.get(qn("w:color"))) == ("thinThickSmallGap", "FF0000")
    assert section.footer.paragraphs[0].text == "— 1 —"  # later pages are numbered


def test_a_letter_is_the_layout_of_the_letter_kind():
    assert layout_of(DocumentKind.LETTER) == Layout.LETTER
    assert layout_of(DocumentKind.BULLETIN) == Layout.FILE


def test_optional_elements_stay_out_when_not_set():
    document = Document(
        io.BytesIO(
            build_docx(
                sample(copy_number="", secrecy="", note="", copies_to=[], printed_by="", seal=False)
            )
        )
    )
    texts = [p.text for p in document.paragraphs]
    assert "000001" not in texts
    assert "（印章）" not in texts
    assert not any(t.startswith("抄送") or t.endswith("印发") for t in texts)
    assert len(document.tables) == 1  # the body's table; no 版记
    assert texts[0] == ISSUER
