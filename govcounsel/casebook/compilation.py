"""The annual compilation of typical cases as an official document (ADR 0026): one case a
section, under the template's headings; laid out by the documents layer only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from govcounsel.documents.choices import DocumentKind
from govcounsel.documents.word import Block, Heading, OfficialText, build_docx

from .models import TypicalCaseRevision

# A compilation goes out as a 通知 that carries the cases (关于印发…汇编的通知).
KIND = DocumentKind.NOTICE
CHINESE_NUMERALS = "一二三四五六七八九十"
SECTIONS = (
    ("facts", "基本案情"),
    ("resolution", "化解过程"),
    ("key_points", "典型意义"),
)


def numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 25 -> 二十五 (case numbers stay well under a hundred)."""
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    head = "" if tens == 1 else CHINESE_NUMERALS[tens - 1]
    return head + "十" + (CHINESE_NUMERALS[units - 1] if units else "")


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def case_title(index: int, revision: TypicalCaseRevision) -> str:
    return f"案例{numeral(index)}：{revision.title}"


def body(revisions: Sequence[TypicalCaseRevision]) -> list[Block]:
    blocks: list[Block] = [
        "为深入贯彻落实公职律师参与化解行政争议工作的有关规定，宣传公职律师参与化解"
        f"行政争议的工作成效，现将评选出的{len(revisions)}件典型案例汇编印发，供学习参考。"
    ]
    for index, revision in enumerate(revisions, start=1):
        blocks.append(Heading(case_title(index, revision)))
        if revision.subtitle:
            blocks.append(f"——{revision.subtitle}")
        for level, (field, label) in enumerate(SECTIONS, start=1):
            text = getattr(revision, field)
            if not text.strip():
                continue
            blocks.append(Heading(f"（{numeral(level)}）{label}", level=2))
            blocks.extend(paragraphs(text))
    return blocks


def to_docx(
    revisions: Sequence[TypicalCaseRevision],
    *,
    issuer_name: str,
    number: str,
    title: str,
    dated: date,
) -> bytes:
    return build_docx(
        OfficialText(
            issuer_name=issuer_name,
            number=number,
            title=title,
            dated=dated,
            addressee="各有关单位",
            body=body(revisions),
            printed_by=issuer_name,
            printed_on=dated,
        )
    )
