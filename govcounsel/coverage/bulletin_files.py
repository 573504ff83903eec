"""The bulletin as files: Excel, Word in official-document layout, and PDF, with a chart."""

from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Font

from govcounsel.core.exporters import workbook_bytes

from .bulletin_content import BulletinContent

CJK_FONT_FILES = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"),
]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


@cache
def _chart_font() -> str | None:
    from matplotlib import font_manager

    for path in CJK_FONT_FILES:
        if path.exists():
            font_manager.fontManager.addfont(str(path))
            return str(font_manager.FontProperties(fname=str(path)).get_name())
    return None


def chart_png(content: BulletinContent) -> bytes:
    """Coverage by sub-region (or unit level) at the quarter's end, as a bar chart."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    font = _chart_font()
    if font:
        plt.rcParams["font.family"] = font
    names = [line.name for line in content.ranking] or ["—"]
    rates = [round((line.rate or 0) * 100, 1) for line in content.ranking] or [0]
    figure, axes = plt.subplots(figsize=(7, max(2.2, 0.45 * len(names) + 1)), dpi=150)
    bars = axes.barh(names[::-1], rates[::-1], color="#a4161a")
    axes.bar_label(bars, fmt="%.1f%%", padding=3, fontsize=8)
    axes.set_xlim(0, 110)
    axes.set_xlabel("公职律师覆盖率（%）")
    axes.set_title(
        f"{content.region.name}{content.year}年第{content.quarter}季度末覆盖情况", fontsize=11
    )
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def summary_sentences(content: BulletinContent) -> list[str]:
    s = content.summary
    return [
        f"截至{content.end:%Y年%m月%d日}，{content.region.name}纳入统计的党政机关和人民团体共{s['units']}个，"
        f"其中设立公职律师的{s['covered_end']}个，覆盖率{percent(s['coverage_end'])}"
        f"（季度初{s['covered_start']}个，{percent(s['coverage_start'])}），"
        f"公职律师工作开展率{percent(s['work_end'])}。",
        f"本季度新颁发公职律师证书{s['new_certificates']}张，注销或终止{s['cancellations']}张；"
        f"季度末仍有{s['overdue_cases']}件注销案件超期未办结。",
        f"按照“应设尽设”要求，尚有{s['shortfall']}个单位已配备具有法律职业资格且专门从事法律事务的工作人员但未设立公职律师；"
        f"{s['neither']}个单位既未设立公职律师也未聘请法律顾问。",
        *target_sentences(content),
    ]


def target_sentences(content: BulletinContent) -> list[str]:
    """One sentence per target in force at the quarter's end, measured on that day."""
    return [
        f"对照{r.target.source_clause}提出的{r.target.group.label}"
        f"{r.target.get_metric_display()}达到{float(r.target.percentage):g}%的目标"
        f"（期限{r.target.deadline:%Y年%m月%d日}），季度末为{percent(r.rate)}，{r.status.label}。"
        for r in content.targets
    ]


UNIT_HEADERS = [
    "单位",
    "所在区域",
    "层级",
    "新颁证",
    "注销",
    "超期注销案件",
    "覆盖情况",
    "应设未设",
]
RANK_HEADERS = ["名次", "区域或层级", "单位数", "设立公职律师", "覆盖率"]


def to_xlsx(content: BulletinContent, chart: bytes | None = None) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "汇总"
    summary.append([content.title])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append([content.office])
    for sentence in summary_sentences(content):
        summary.append([sentence])
    summary.column_dimensions["A"].width = 120
    ranking = workbook.create_sheet("排名")
    ranking.append(RANK_HEADERS)
    for line in content.ranking:
        ranking.append([line.rank, line.name, line.units, line.covered, percent(line.rate)])
    if chart:
        from openpyxl.drawing.image import Image

        ranking.add_image(Image(io.BytesIO(chart)), "G2")
    units = workbook.create_sheet("各单位情况")
    units.append(UNIT_HEADERS)
    for u in content.units:
        units.append(
            [
                u.name,
                u.region,
                u.level,
                u.new_certificates,
                u.cancellations,
                u.overdue_cases,
                u.status,
                "是" if u.shortfall else "否",
            ]
        )
    for sheet in (ranking, units):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    units.column_dimensions["A"].width = 36
    return workbook_bytes(workbook)


def _run_font(
    run, name: str, size: float, *, bold: bool = False, color: RGBColor | None = None
) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.rPr.rFonts.set(qn("w:eastAsia"), name)
    if color is not None:
        run.font.color.rgb = color


def to_docx(content: BulletinContent, chart: bytes) -> bytes:
    """Official-document layout (GB/T 9704): red masthead, 小标宋 title, 仿宋 body."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)

    masthead = document.add_paragraph()
    masthead.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(
        masthead.add_run(content.office), "方正小标宋简体", 26, color=RGBColor(0xC0, 0x00, 0x00)
    )
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(number.add_run(f"〔{content.year}〕第{content.quarter}期"), "仿宋_GB2312", 16)
    rule = document.add_paragraph()
    _run_font(rule.add_run("━" * 24), "仿宋_GB2312", 12, color=RGBColor(0xC0, 0x00, 0x00))

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(title.add_run(content.title), "方正小标宋简体", 22)

    _heading(document, "一、总体情况")
    for sentence in summary_sentences(content):
        _body(document, sentence)

    _heading(document, "二、覆盖率排名")
    _table(
        document,
        RANK_HEADERS,
        [
            [str(r.rank), r.name, str(r.units), str(r.covered), percent(r.rate)]
            for r in content.ranking
        ],
    )
    document.add_picture(io.BytesIO(chart), width=Cm(15))

    _heading(document, "三、各单位进展情况")
    _table(
        document,
        UNIT_HEADERS,
        [
            [
                u.name,
                u.region,
                u.level,
                str(u.new_certificates),
                str(u.cancellations),
                str(u.overdue_cases),
                u.status,
                "是" if u.shortfall else "否",
            ]
            for u in content.units
        ],
    )
    _heading(document, "四、工作要求")
    _body(
        document,
        "各单位要对照“应设尽设”要求，抓紧组织符合条件的工作人员申请公职律师证书；"
        "对退休、离职、调离人员的公职律师证书，要及时收回并办理注销手续。",
    )
    closing = document.add_paragraph()
    closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run_font(closing.add_run(f"{content.office}\n{content.end:%Y年%m月%d日}"), "仿宋_GB2312", 16)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _heading(document, text: str) -> None:
    paragraph = document.add_paragraph()
    _run_font(paragraph.add_run(text), "黑体", 16)


def _body(document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(32)
    _run_font(paragraph.add_run(text), "仿宋_GB2312", 16)


def _table(document, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        _run_font(cell.paragraphs[0].add_run(header), "黑体", 10.5)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = ""
            _run_font(cell.paragraphs[0].add_run(value), "仿宋_GB2312", 10.5)


def to_pdf(content: BulletinContent, chart: bytes) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "coverage/bulletin_pdf.html",
        {
            "content": content,
            "sentences": summary_sentences(content),
            "chart": base64.b64encode(chart).decode(),
            "ranking": [(r, percent(r.rate)) for r in content.ranking],
        },
    )
    return bytes(HTML(string=html).write_pdf())
