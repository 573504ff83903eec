"""Writes the Word template of the commission letter (委托公函). Run it when the layout
changes; the .docx beside it is what the application fills in with docxtpl."""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def _run(paragraph, text, size=16, font="仿宋_GB2312", bold=False):
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.font.bold = font, Pt(size), bold
    run._element.rPr.rFonts.set(qn("w:eastAsia"), font)


def main() -> None:
    document = Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, "委 托 公 函", 22, "方正小标宋简体")
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(number, "{{ number }}")
    _run(document.add_paragraph(), "{{ court }}：")
    body = document.add_paragraph()
    body.paragraph_format.first_line_indent = Pt(32)
    _run(
        body,
        "我单位与{{ counterparty }}{{ case_kind }}一案，现委托我单位公职律师{{ lawyers }}"
        "（执业证号：{{ numbers }}）作为我单位的代理人，代理权限为：{{ authority }}。",
    )
    body2 = document.add_paragraph()
    body2.paragraph_format.first_line_indent = Pt(32)
    _run(body2, "特此函告。")
    sign = document.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(sign, "{{ unit }}（盖章）\n{{ date }}")
    document.save(str(HERE / "commission_letter.docx"))


if __name__ == "__main__":
    main()
