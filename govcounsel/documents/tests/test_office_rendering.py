"""The Word files as an office suite lays them out: each is converted to PDF by LibreOffice
(headless, installed by scripts/test) and read back with poppler's pdftotext. Nothing may
stand outside the 版心's width, a long table repeats its header on every page, and each page
carries its "— n —" number."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from govcounsel.documents.tests.test_word import sample
from govcounsel.documents.word import Block, Heading, Table, build_docx

pytestmark = pytest.mark.office

POINTS_PER_MM = 72 / 25.4
# GB/T 9704-2012 5.2.1: 订口 28 mm, 版心 156 mm wide; half a character of tolerance.
LEFT = 28 * POINTS_PER_MM - 8
RIGHT = (28 + 156) * POINTS_PER_MM + 8
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)
LINE = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)
# GB/T 9704-2012 5.2.1: the 版心 ends 37 + 225 mm from the top of the page.
TYPE_AREA_BOTTOM = (37 + 225) * POINTS_PER_MM


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail("scripts/test installs libreoffice-writer-nogui and poppler-utils")
    return found


# The tools run on files the test itself wrote, with fixed arguments.
def _pdf_of(document: bytes, tmp_path: Path, name: str) -> Path:
    source = tmp_path / f"{name}.docx"
    source.write_bytes(document)
    soffice = _tool("soffice")
    subprocess.run(  # noqa: S603
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},  # a profile of its own, per test
    )
    pdf = tmp_path / f"{name}.pdf"
    shelf = os.environ.get("GC_SCREENSHOTS")
    if shelf:  # page 1 for the README tour
        page_one = [_tool("pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([*page_one, str(pdf), str(Path(shelf) / name)], check=True)  # noqa: S603
    return pdf


def _pages(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's words with their left and right edges, in points."""
    html = subprocess.run(  # noqa: S603
        [_tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        [(float(a), float(b), text) for a, b, text in WORD.findall(page)]
        for page in html.split("<page ")[1:]
    ]


def _heights(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's words with their top and bottom, in points from the top of the page."""
    html = subprocess.run(  # noqa: S603
        [_tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        [(float(a), float(b), text) for a, b, text in LINE.findall(page)]
        for page in html.split("<page ")[1:]
    ]


def test_the_record_sits_at_the_foot_of_the_last_page(tmp_path):
    pdf = _pdf_of(_long_bulletin(), tmp_path, "bulletin-record")
    pages = _heights(pdf)
    last = pages[-1]
    printed = [w for w in last if w[2].endswith("印发")]
    copies = [w for w in last if w[2].startswith("抄送")]
    assert printed
    assert copies
    # 版记: its last line on the last line of the type area, the 抄送 line above it.
    assert TYPE_AREA_BOTTOM - 30 < printed[0][1] <= TYPE_AREA_BOTTOM + 2
    assert copies[0][1] < printed[0][0]
    assert not any(w[2].endswith("印发") for page in pages[:-1] for w in page)
    # The body ends above the 版记: its last paragraph, the 附注, stands over the 抄送 line.
    note = [w for w in last if "此件公开发布" in w[2]]
    assert note
    assert note[0][1] < copies[0][0]


def _long_bulletin() -> bytes:
    rows = [[f"北京市朝阳区某某街道办事处第{i}科室", str(i), f"{i % 100}.0%"] for i in range(60)]
    body: list[Block] = [Heading("一、总体情况")]
    body += ["本季度各单位公职律师工作稳步推进，覆盖率持续提高。" * 3] * 6
    body += [Table(["单位", "新颁证", "覆盖率"], rows)]
    body += ["各单位要对照要求抓紧组织申请。"]
    return build_docx(sample(body=body))


def test_a_long_document_keeps_to_the_type_area_and_numbers_its_pages(tmp_path):
    pages = _pages(_pdf_of(_long_bulletin(), tmp_path, "28-document-bulletin"))
    assert len(pages) >= 3
    outside = [
        (n, w) for n, words in enumerate(pages, 1) for w in words if w[0] < LEFT or w[1] > RIGHT
    ]
    assert outside == []
    for number, words in enumerate(pages, 1):
        text = "".join(w[2] for w in words)
        assert f"—{number}—" in text, number
    # The table runs over several pages and its header row comes back on each.
    table_pages = [words for words in pages if any("科室" in w[2] for w in words)]
    assert len(table_pages) >= 2
    for words in table_pages:
        assert "新颁证" in "".join(w[2] for w in words)


def test_the_commission_letter_is_one_page_inside_the_type_area(tmp_path, tree, clerk, certify):
    from govcounsel.matters import services
    from govcounsel.people.tests.factories import PersonFactory

    lawyer = PersonFactory(name="王律师", unit=tree.unit_a)
    certify(lawyer)
    matter = services.register_matter(
        unit=tree.unit_a,
        by=clerk,
        title="某公司诉北京市朝阳区市场监督管理局行政处罚案",
        category="litigation",
        subtype="litigation",
        working_days=10,
    )
    services.assign(matter=matter, by=clerk, lawyer=lawyer)
    letter = services.issue_commission_letter(
        matter=matter, by=clerk, court="北京市朝阳区人民法院", counterparty="某公司"
    )
    pages = _pages(_pdf_of(letter.content, tmp_path, "29-document-letter"))
    assert len(pages) == 1
    words = pages[0]
    assert [w for w in words if w[0] < LEFT or w[1] > RIGHT] == []
    text = "".join(w[2] for w in words)
    assert "王律师" in text
    assert "〔" in text  # numbered from the unit's register
    # 信函格式: the unit's name as the masthead, no page number on page 1.
    assert text.startswith(tree.unit_a.name)
    assert "—1—" not in text
