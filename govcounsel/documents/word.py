"""The Word builder of official documents in the layout of GB/T 9704-2012 (ADR 0026).

`build_docx(OfficialText(...))` writes every element the standard places: 份号 and 密级
where set, the red 发文机关标志, the 发文字号 above a full-width red separator (a paragraph
border, so it spans the 版心 whatever the font), the 标题 in 方正小标宋简体 二号, the 主送机关,
the 正文 in 仿宋_GB2312 三号 at the fixed pitch of 22 lines a page with 黑体 / 楷体_GB2312
headings, tables, pictures, the 附件说明, the 发文机关署名 and 成文日期 with a place for the
seal, the 附注, the 版记 between its lines, and the page numbers "— 1 —" at the outside
bottom corner. Fonts are named in w:eastAsia, the names Word looks up on a government PC.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from .choices import Layout
from .dates import chinese_date

# GB/T 9704-2012 5.2.1-5.2.2: A4, 天头 37 mm, 订口 28 mm, 版心 156 mm x 225 mm.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
TOP, LEFT = Mm(37), Mm(28)
TEXT_WIDTH, TEXT_HEIGHT = Mm(156), Mm(225)
BOTTOM = Mm(297 - 37 - 225)
RIGHT = Mm(210 - 28 - 156)
# 22 lines of 三号 a page: 225 mm / 22 = 28.95 pt, written as an exact line pitch (579 twips).
LINE_PITCH = Pt(28.95)

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312"}
PAGE_NUMBER_FONT = "宋体"
RED = RGBColor(0xFF, 0x00, 0x00)
RED_HEX = "FF0000"

BODY_SIZE = 16  # 三号
TITLE_SIZE = 22  # 二号
MARK_SIZE = 14  # 四号: page numbers and 版记
TABLE_SIZE = 12  # 小四
# The 版记's table: LibreOffice (7.4) keeps a floating table in the flow, unplaced, unless
# it is narrower than the type area with its cell margins; 4 mm short of the 版心 it floats.
RECORD_WIDTH = Mm(150)


def chars(n: float) -> Length:
    """`n` characters of the body size, the unit of every indent."""
    return Pt(n * BODY_SIZE)


@dataclass
class Heading:
    """A structural heading; the caller writes its number (一、 / （一）)."""

    text: str
    level: int = 1


@dataclass
class Table:
    """A table: the header row repeats on every page; columns whose values are all numbers
    are right-aligned; widths are proportional to the content unless given (relative)."""

    headers: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None


@dataclass
class Picture:
    content: bytes
    width: Length = field(default_factory=lambda: Mm(150))


Block = str | Heading | Table | Picture


@dataclass
class OfficialText:
    """What a document says, element by element of GB/T 9704-2012."""

    issuer_name: str  # 发文机关标志 and, unless `signature` says otherwise, 署名
    number: str  # 发文字号
    title: str
    dated: date  # 成文日期
    body: list[Block]
    addressee: str = ""  # 主送机关
    attachments: list[str] = field(default_factory=list)  # 附件说明
    signature: str = ""
    copy_number: str = ""  # 份号
    secrecy: str = ""  # 密级和保密期限
    note: str = ""  # 附注, printed in parentheses
    copies_to: list[str] = field(default_factory=list)  # 抄送机关
    printed_by: str = ""  # 印发机关
    printed_on: date | None = None  # 印发日期
    seal: bool = True  # leave the place of the seal (印章)
    layout: Layout = Layout.FILE  # 文件格式 or 信函格式 (choices.layout_of(kind))


def text_width(text: str) -> float:
    """Width in characters of the body size: a Chinese character is one, a half-width
    digit or letter a half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def set_font(run, name: str, size: float, *, bold: bool = False, color=None) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)
    if color is not None:
        run.font.color.rgb = color


def _line(paragraph: Paragraph, rule: WD_LINE_SPACING = WD_LINE_SPACING.EXACTLY) -> None:
    pf = paragraph.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    if rule == WD_LINE_SPACING.EXACTLY:
        pf.line_spacing = LINE_PITCH
    pf.line_spacing_rule = rule


# 信函格式 (10.1): the red double lines are 170 mm long, 7 mm beyond the 版心 on each side.
LETTER_RULE_OVERHANG = Mm((170 - 156) / 2)


def _wide(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.left_indent = -LETTER_RULE_OVERHANG
    paragraph.paragraph_format.right_indent = -LETTER_RULE_OVERHANG


def _border(
    paragraph: Paragraph,
    edge: str,
    *,
    size: int,
    color: str,
    space: int = 1,
    style: str = "single",
) -> None:
    """A paragraph border (`size` in eighths of a point) spanning the text width; `style`
    "thickThinSmallGap" is a double line thick over thin, "thinThickSmallGap" thin over
    thick."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = p_pr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        p_pr.insert_element_before(
            borders,
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        )
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), style)
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), str(space))
    line.set(qn("w:color"), color)
    # CT_PBdr is a sequence: top, left, bottom, right, between, bar.
    order = ["top", "left", "bottom", "right", "between", "bar"]
    later = [e for e in borders if e.tag.split("}")[1] in order[order.index(edge) + 1 :]]
    if later:
        later[0].addprevious(line)
    else:
        borders.append(line)


class _Writer:
    def __init__(self, text: OfficialText) -> None:
        self.text = text
        self.document = Document()
        self._page_set_up()
        self._normal_style()

    # --- page -------------------------------------------------------------------------

    def _page_set_up(self) -> None:
        section = self.document.sections[0]
        section.start_type = WD_SECTION_START.NEW_PAGE
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = TOP, BOTTOM
        section.left_margin, section.right_margin = LEFT, RIGHT
        section.header_distance = Mm(15)
        # 页码 7 mm below the 版心 (7.5): the footer's baseline about 23 mm above the edge.
        section.footer_distance = Mm(23)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))
        # Odd pages carry the number on the right, even pages on the left (7.5).
        self.document.settings.odd_and_even_pages_header_footer = True
        self._page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
        self._page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
        if self.text.layout == Layout.LETTER:
            # 信函格式 (10.1): page 1 has no page number; its foot carries a red double line,
            # thin over thick, 170 mm long and centred.
            section.different_first_page_header_footer = True
            foot = section.first_page_footer.paragraphs[0]
            _line(foot, WD_LINE_SPACING.EXACTLY)
            foot.paragraph_format.line_spacing = Pt(2)
            _wide(foot)
            _border(foot, "top", size=18, color=RED_HEX, space=0, style="thinThickSmallGap")

    def _page_number(self, paragraph: Paragraph, alignment: WD_ALIGN_PARAGRAPH) -> None:
        paragraph.alignment = alignment
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = Pt(MARK_SIZE)
        else:
            paragraph.paragraph_format.left_indent = Pt(MARK_SIZE)
        set_font(paragraph.add_run("— "), PAGE_NUMBER_FONT, MARK_SIZE)
        for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None)):
            run = paragraph.add_run()
            set_font(run, PAGE_NUMBER_FONT, MARK_SIZE)
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)
            else:
                code = OxmlElement("w:instrText")
                code.set(qn("xml:space"), "preserve")
                code.text = instruction
                run._r.append(code)
        set_font(paragraph.add_run("1"), PAGE_NUMBER_FONT, MARK_SIZE)
        end = paragraph.add_run()
        set_font(end, PAGE_NUMBER_FONT, MARK_SIZE)
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), "end")
        end._r.append(char)
        set_font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, MARK_SIZE)

    def _normal_style(self) -> None:
        normal = self.document.styles["Normal"]
        normal.font.name = BODY_FONT
        normal.font.size = Pt(BODY_SIZE)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), BODY_FONT)
        pf = normal.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = LINE_PITCH
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.widow_control = False

    # --- paragraphs -------------------------------------------------------------------

    def paragraph(
        self,
        text: str = "",
        *,
        font: str = BODY_FONT,
        size: float = BODY_SIZE,
        align: WD_ALIGN_PARAGRAPH | None = None,
        first_line: Length | None = None,
        color=None,
        rule: WD_LINE_SPACING = WD_LINE_SPACING.EXACTLY,
    ) -> Paragraph:
        paragraph = self.document.add_paragraph()
        _line(paragraph, rule)
        if align is not None:
            paragraph.alignment = align
        if first_line is not None:
            paragraph.paragraph_format.first_line_indent = first_line
        if text:
            set_font(paragraph.add_run(text), font, size, color=color)
        return paragraph

    def blank(self, lines: int = 1) -> None:
        for _ in range(lines):
            self.paragraph()

    # --- 版头 ------------------------------------------------------------------------

    def head(self) -> None:
        if self.text.layout == Layout.LETTER:
            self.letter_head()
        else:
            self.file_head()
        self.title_and_addressee()

    def letter_head(self) -> None:
        """信函格式 (10.1): the 发文机关标志 in red 小标宋 over a red double line (thick over
        thin, 170 mm), then 份号/密级 on the left and the 发文字号 on the right under it."""
        t = self.text
        size = min(30, int(TEXT_WIDTH.pt / max(text_width(t.issuer_name), 1)) - 1)
        masthead = self.paragraph(
            t.issuer_name,
            font=TITLE_FONT,
            size=size,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            color=RED,
            rule=WD_LINE_SPACING.SINGLE,
        )
        _wide(masthead)
        _border(masthead, "bottom", size=18, color=RED_HEX, space=11, style="thickThinSmallGap")
        if t.copy_number:
            self.paragraph(t.copy_number)
        if t.secrecy:
            self.paragraph(t.secrecy, font=HEADING_FONTS[1])
        # 发文字号: 顶格居版心右边缘, under the first double line.
        self.paragraph(t.number, align=WD_ALIGN_PARAGRAPH.RIGHT)

    def file_head(self) -> None:
        t = self.text
        if t.copy_number:
            self.paragraph(t.copy_number)  # 份号: 顶格, the first line (7.2.1)
        if t.secrecy:
            self.paragraph(t.secrecy, font=HEADING_FONTS[1])  # 密级: 黑体, 顶格 (7.2.2)
        # 发文机关标志 (7.2.4): 小标宋, red, centred, as large as the 版心 allows up to 初号.
        size = min(42, int(TEXT_WIDTH.pt / max(text_width(t.issuer_name), 1)) - 1)
        self.paragraph(
            t.issuer_name,
            font=TITLE_FONT,
            size=size,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            color=RED,
            rule=WD_LINE_SPACING.SINGLE,
        )
        self.blank(2)
        number = self.paragraph(t.number, align=WD_ALIGN_PARAGRAPH.CENTER)
        # 版头中的分隔线 (7.2.6): red, the width of the 版心, 4 mm below the 发文字号.
        _border(number, "bottom", size=12, color=RED_HEX, space=11)

    def title_and_addressee(self) -> None:
        t = self.text
        self.blank(2)  # 标题 two lines under the last element above it (7.3.1, 10.1)
        title = self.paragraph(
            t.title, font=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER
        )
        title.paragraph_format.keep_with_next = True
        self.blank()
        if t.addressee:
            self.paragraph(f"{t.addressee}：")  # 主送机关: 顶格, 全角冒号 (7.3.2)

    # --- 主体 ------------------------------------------------------------------------

    def body(self) -> None:
        for block in self.text.body:
            if isinstance(block, Heading):
                heading = self.paragraph(
                    block.text, font=HEADING_FONTS.get(block.level, BODY_FONT), first_line=chars(2)
                )
                heading.paragraph_format.keep_with_next = True
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Picture):
                # An exact line pitch would crop the picture to one line.
                picture = self.paragraph(
                    align=WD_ALIGN_PARAGRAPH.CENTER, rule=WD_LINE_SPACING.SINGLE
                )
                picture.add_run().add_picture(io.BytesIO(block.content), width=block.width)
            else:
                self.paragraph(block, first_line=chars(2))

    def table(self, spec: Table) -> None:
        columns = len(spec.headers)
        widths = spec.widths or [
            max(
                [min(text_width(spec.headers[i]), 14.0), 2.0]
                + [min(text_width(row[i]), 14.0) for row in spec.rows]
            )
            for i in range(columns)
        ]
        total = sum(widths)
        emu = [int(TEXT_WIDTH * w / total) for w in widths]
        numeric = [
            bool(spec.rows)
            and all(NUMBER.match(row[i]) or row[i] in ("", "—") for row in spec.rows)
            and any(NUMBER.match(row[i]) for row in spec.rows)
            for i in range(columns)
        ]
        table = self.document.add_table(rows=1, cols=columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # w:tblLayout fixed: the widths below hold
        for column, width in zip(table.columns, emu, strict=True):
            column.width = width
        header = table.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(repeat)
        for i, text in enumerate(spec.headers):
            self._cell(header.cells[i], text, emu[i], HEADING_FONTS[1], WD_ALIGN_PARAGRAPH.CENTER)
        for row in spec.rows:
            cells = table.add_row().cells
            for i, text in enumerate(row):
                align = WD_ALIGN_PARAGRAPH.RIGHT if numeric[i] else WD_ALIGN_PARAGRAPH.LEFT
                self._cell(cells[i], text, emu[i], BODY_FONT, align)
        self.blank()

    @staticmethod
    def _cell(cell, text: str, width: int, font: str, align: WD_ALIGN_PARAGRAPH) -> None:
        cell.width = width
        paragraph = cell.paragraphs[0]
        _line(paragraph, WD_LINE_SPACING.SINGLE)
        paragraph.alignment = align
        set_font(paragraph.add_run(text), font, TABLE_SIZE)

    def attachments(self) -> None:
        items = self.text.attachments
        if not items:
            return
        self.blank()  # 附件说明: 正文下空一行, 左空二字 (7.3.4)
        for n, name in enumerate(items, start=1):
            label = f"{n}．{name}" if len(items) > 1 else name
            paragraph = self.paragraph(f"附件：{label}" if n == 1 else label)
            paragraph.paragraph_format.left_indent = chars(2) if n == 1 else chars(5)

    def signature(self) -> None:
        """署名 centred above the 成文日期, the date 右空四字 (7.3.5.1)."""
        t = self.text
        signature = t.signature or t.issuer_name
        day = chinese_date(t.dated)

        def over_the_date(line: str) -> Length:
            return chars(4 + max(0.0, (text_width(day) - text_width(line)) / 2))

        self.blank(2 if t.seal else 1)
        lines = (["（印章）"] if t.seal else []) + [signature]
        for line in lines:
            paragraph = self.paragraph(line, align=WD_ALIGN_PARAGRAPH.RIGHT)
            paragraph.paragraph_format.right_indent = over_the_date(line)
        dated = self.paragraph(day, align=WD_ALIGN_PARAGRAPH.RIGHT)
        dated.paragraph_format.right_indent = chars(4)
        if t.note:
            self.paragraph(f"（{t.note}）", first_line=chars(2))  # 附注 (7.3.6)

    def record(self) -> None:
        """版记 (7.4): 抄送 and 印发机关/印发日期 in 四号, one character in from each side,
        between a thick first and last line and a thin line between them, at the foot of the
        last page: a floating table placed against the bottom of the type area
        (w:tblpPr tblpYSpec="bottom"), anchored to the last paragraph, so that it lands on
        the last page whatever the length of the body, which flows above it."""
        t = self.text
        if not (t.copies_to or t.printed_by):
            return
        lines: list[str] = []
        if t.copies_to:
            lines.append(f"抄送：{'，'.join(t.copies_to)}。")
        if t.printed_by:
            lines.append(f"{t.printed_by}\t{chinese_date(t.printed_on or t.dated)}印发")
        table = self.document.add_table(rows=len(lines), cols=1)
        table.autofit = False
        properties = table._tbl.tblPr
        floating = OxmlElement("w:tblpPr")
        for name, value in (
            ("leftFromText", "0"),
            ("rightFromText", "0"),
            ("topFromText", str(round(LINE_PITCH.pt * 20))),  # a line clear of the text
            ("bottomFromText", "0"),
            ("vertAnchor", "margin"),
            ("horzAnchor", "margin"),
            ("tblpXSpec", "center"),
            ("tblpYSpec", "bottom"),
        ):
            floating.set(qn(f"w:{name}"), value)
        properties.insert(0, floating)
        width = properties.find(qn("w:tblW"))
        width.set(qn("w:w"), str(round(RECORD_WIDTH.pt * 20)))
        width.set(qn("w:type"), "dxa")
        thick, thin = 8, 6  # 0.35 mm and 0.25 mm, in eighths of a point
        borders = OxmlElement("w:tblBorders")
        for edge, size in (
            ("top", thick),
            ("left", 0),
            ("bottom", thick),
            ("right", 0),
            ("insideH", thin),
            ("insideV", 0),
        ):
            line = OxmlElement(f"w:{edge}")
            line.set(qn("w:val"), "single" if size else "nil")
            if size:
                line.set(qn("w:sz"), str(size))
                line.set(qn("w:space"), "0")
                line.set(qn("w:color"), "000000")
            borders.append(line)
        width.addnext(borders)
        for row, text in zip(table.rows, lines, strict=True):
            cell = row.cells[0]
            cell.width = RECORD_WIDTH
            paragraph = cell.paragraphs[0]
            _line(paragraph)
            paragraph.paragraph_format.left_indent = Pt(MARK_SIZE / 2)
            paragraph.paragraph_format.right_indent = Pt(MARK_SIZE / 2)
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                RECORD_WIDTH - Pt(MARK_SIZE), WD_TAB_ALIGNMENT.RIGHT
            )
            set_font(paragraph.add_run(text), BODY_FONT, MARK_SIZE)
        # The anchor: a paragraph after the table, one point high, so that it adds no line.
        anchor = self.paragraph()
        anchor.paragraph_format.line_spacing = Pt(1)

    def save(self) -> bytes:
        properties = self.document.core_properties
        properties.title = self.text.title
        properties.author = self.text.issuer_name
        properties.identifier = self.text.number
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


NUMBER = re.compile(r"^[-+]?\d[\d,]*(\.\d+)?%?$")


def build_docx(text: OfficialText) -> bytes:
    """The document as a .docx in the layout of GB/T 9704-2012."""
    writer = _Writer(text)
    writer.head()
    writer.body()
    writer.attachments()
    writer.signature()
    writer.record()
    return writer.save()
