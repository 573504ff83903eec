"""The bulletin as files: Excel, Word in official-document layout, and PDF, with a chart."""

from __future__ import annotations

import base64
import io
from datetime import date
from functools import cache
from math import ceil
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment

from govcounsel.core.exporters import (
    HEADER_ROW,
    SheetHeading,
    begin_sheet,
    set_print_area,
    workbook_bytes,
)
from govcounsel.documents.dates import chinese_date
from govcounsel.documents.services import place_name
from govcounsel.documents.word import Block, Heading, OfficialText, Picture, Table, build_docx

from .bulletin_content import BulletinContent

CJK_FONT_FILES = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"),
]


# The PDF's faces (ADR 0027): the official font's name first, for a machine that has it,
# then the free face of the same style installed from Debian by scripts/test and
# scripts/demo, then Noto for a character the free face lacks. 仿宋 has no free face with
# simplified characters in Debian, PyPI or npm: the body falls back to 文鼎PL简报宋, a light
# Song of the GB 2312 set.
PDF_FONTS = {
    "body": '"仿宋_GB2312", "FangSong", "AR PL SungtiL GB", "Noto Serif CJK SC", serif',
    "title": '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif',
    "heading": '"黑体", "SimHei", "Noto Sans CJK SC", sans-serif',
    "kai": '"楷体_GB2312", "KaiTi", "AR PL KaitiM GB", "Noto Serif CJK SC", serif',
    "number": '"宋体", "SimSun", "AR PL SungtiL GB", "Noto Serif CJK SC", serif',
}

REQUIREMENT = (
    "各单位要对照“应设尽设”要求，抓紧组织符合条件的工作人员申请公职律师证书；"
    "对退休、离职、调离人员的公职律师证书，要及时收回并办理注销手续。"
)


def place(content: BulletinContent, name: str) -> str:
    """A region's name as the bulletin prints it: a municipality's 市辖区 is no place
    (GB/T 2260 keeps it as a level), the city is (documents.services.place_name)."""
    if name != "市辖区":
        return name
    region = content.region
    return place_name(region) if region.name == "市辖区" else region.name


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
    names = [place(content, line.name) for line in content.ranking] or ["—"]
    rates = [round((line.rate or 0) * 100, 1) for line in content.ranking] or [0]
    figure, axes = plt.subplots(figsize=(7, max(2.2, 0.45 * len(names) + 1)), dpi=150)
    bars = axes.barh(names[::-1], rates[::-1], color="#a4161a")
    axes.bar_label(bars, fmt="%.1f%%", padding=3, fontsize=8)
    axes.set_xlim(0, 110)
    axes.set_xlabel("公职律师覆盖率（%）")
    axes.set_title(
        f"{place_name(content.region)}{content.year}年第{content.quarter}季度末覆盖情况",
        fontsize=11,
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
        f"截至{chinese_date(content.end)}，{place_name(content.region)}纳入统计的党政机关和人民团体共{s['units']}个，"
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
        f"（期限{chinese_date(r.target.deadline)}），季度末为{percent(r.rate)}，{r.status.label}。"
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


# The summary sheet: what was counted, and its figure.
SUMMARY_HEADERS = ["项目", "数值"]
SUMMARY_WIDTHS = [52, 24]
RANK_WIDTHS = [8, 24, 10, 14, 10]
UNIT_WIDTHS = [36, 16, 12, 10, 8, 14, 16, 10]


def summary_lines(content: BulletinContent) -> list[tuple[str, object]]:
    """The summary as label and value, one figure a row; then each target in force."""
    s = content.summary
    lines: list[tuple[str, object]] = [
        ("纳入统计的党政机关和人民团体（个）", s["units"]),
        ("季度初设立公职律师的单位（个）", s["covered_start"]),
        ("季度末设立公职律师的单位（个）", s["covered_end"]),
        ("季度初覆盖率", percent(s["coverage_start"])),
        ("季度末覆盖率", percent(s["coverage_end"])),
        ("季度末公职律师工作开展率", percent(s["work_end"])),
        ("本季度新颁发公职律师证书（张）", s["new_certificates"]),
        ("本季度注销或终止（张）", s["cancellations"]),
        ("季度末超期未办结的注销案件（件）", s["overdue_cases"]),
        ("已配备法律专业人员但未设立公职律师的单位（个）", s["shortfall"]),
        ("既未设立公职律师也未聘请法律顾问的单位（个）", s["neither"]),
    ]
    for r in content.targets:
        lines.append(
            (
                f"{r.target.source_clause}：{r.target.group.label}"
                f"{r.target.get_metric_display()}达到{float(r.target.percentage):g}%"
                f"（期限{chinese_date(r.target.deadline)}）",
                f"{percent(r.rate)}，{r.status.label}",
            )
        )
    return lines


def to_xlsx(content: BulletinContent, chart: bytes | None = None) -> bytes:
    """The bulletin as a workbook: every sheet under the bulletin's title block (the issuing
    office, the quarter's end, the quarter) and ready to print, as the registers' exports
    are (ADR 0018)."""
    heading = SheetHeading(
        issuer=content.office,
        as_of=content.end,
        # The region is the issuing office's; a municipality's 市辖区 is named by its city.
        filters=[("期间", f"{content.year}年第{content.quarter}季度")],
        title=content.title,
    )
    workbook = Workbook()
    summary = workbook.active
    summary.title = "汇总"
    begin_sheet(summary, content.title, heading, SUMMARY_HEADERS, SUMMARY_WIDTHS)
    for label, value in summary_lines(content):
        summary.append([label, value])
    # The bulletin's sentences under the figures, each across both columns, wrapped.
    summary.append([])
    for sentence in summary_sentences(content):
        summary.append([sentence])
        row = summary.max_row
        summary.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        summary.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        # A merged cell does not grow with its text: a Chinese character takes two units.
        summary.row_dimensions[row].height = 16.5 * ceil(len(sentence) * 2 / sum(SUMMARY_WIDTHS))
    set_print_area(summary, len(SUMMARY_HEADERS), summary.max_row)
    ranking = workbook.create_sheet("排名")
    begin_sheet(ranking, content.title, heading, RANK_HEADERS, RANK_WIDTHS)
    for line in content.ranking:
        ranking.append(
            [line.rank, place(content, line.name), line.units, line.covered, percent(line.rate)]
        )
    set_print_area(ranking, len(RANK_HEADERS), ranking.max_row)
    if chart:
        from openpyxl.drawing.image import Image

        ranking.add_image(Image(io.BytesIO(chart)), f"G{HEADER_ROW + 1}")
    units = workbook.create_sheet("各单位情况")
    begin_sheet(units, content.title, heading, UNIT_HEADERS, UNIT_WIDTHS)
    for u in content.units:
        units.append(
            [
                u.name,
                place(content, u.region),
                u.level,
                u.new_certificates,
                u.cancellations,
                u.overdue_cases,
                u.status,
                "是" if u.shortfall else "否",
            ]
        )
    set_print_area(units, len(UNIT_HEADERS), units.max_row)
    return workbook_bytes(workbook)


def to_docx(
    content: BulletinContent, chart: bytes, number: str = "", dated: date | None = None
) -> bytes:
    """通报 in the layout of GB/T 9704-2012 (documents/word.py), under the 发文字号 the
    register gave it (documents.services.issue_document)."""
    body: list[Block] = [
        Heading("一、总体情况"),
        *summary_sentences(content),
        Heading("二、覆盖率排名"),
    ]
    body.append(
        Table(
            RANK_HEADERS,
            [
                [str(r.rank), place(content, r.name), str(r.units), str(r.covered), percent(r.rate)]
                for r in content.ranking
            ],
        )
    )
    body.append(Picture(chart))
    body.append(Heading("三、各单位进展情况"))
    body.append(
        Table(
            UNIT_HEADERS,
            [
                [
                    u.name,
                    place(content, u.region),
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
    )
    body.append(Heading("四、工作要求"))
    body.append(REQUIREMENT)
    return build_docx(
        OfficialText(
            issuer_name=content.office,
            number=number,
            title=content.title,
            dated=dated or timezone.localdate(),
            addressee="各有关单位",
            body=body,
            printed_by=content.office,
        )
    )


def to_pdf(
    content: BulletinContent, chart: bytes, number: str = "", dated: date | None = None
) -> bytes:
    """The bulletin as a PDF in the layout of GB/T 9704-2012 (WeasyPrint), in the free faces
    of the official styles, embedded; the tables' header rows repeat on each page."""
    from weasyprint import HTML

    html = render_to_string(
        "coverage/bulletin_pdf.html",
        {
            "content": content,
            "fonts": PDF_FONTS,
            "number": number or f"〔{content.year}〕第{content.quarter}期",
            "dated": chinese_date(dated or timezone.localdate()),
            "sentences": summary_sentences(content),
            "chart": base64.b64encode(chart).decode(),
            "rank_headers": RANK_HEADERS,
            "unit_headers": UNIT_HEADERS,
            "ranking": [(r, place(content, r.name), percent(r.rate)) for r in content.ranking],
            "units": [(u, place(content, u.region)) for u in content.units],
            "requirement": REQUIREMENT,
        },
    )
    return bytes(HTML(string=html).write_pdf())
