"""The survey form: its columns, the values they allow, and the blank template to fill in."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from govcounsel.core.exporters import workbook_bytes

from ..choices import QualificationKind

NAME, ID_NUMBER, SEX, PHONE, UNIT_CODE = (
    "姓名",
    "身份证号码",
    "性别",
    "联系电话",
    "单位统一社会信用代码",
)
CIVIL_SERVANT, FULL_TIME = "是否公务员", "是否专门从事法律事务"
QUAL_KIND, QUAL_NUMBER, QUAL_DATE = "资格类别", "资格证书编号", "资格取得日期"
HEADERS = [
    NAME,
    ID_NUMBER,
    SEX,
    PHONE,
    UNIT_CODE,
    CIVIL_SERVANT,
    FULL_TIME,
    QUAL_KIND,
    QUAL_NUMBER,
    QUAL_DATE,
]
REQUIRED = {NAME, ID_NUMBER, UNIT_CODE}
SEXES = {"男": "M", "女": "F"}
YES_NO = {"是": True, "否": False, "": None}
KINDS = {
    "法律职业资格A类": QualificationKind.LEGAL_A,
    "法律职业资格B类": QualificationKind.LEGAL_B,
    "法律职业资格C类": QualificationKind.LEGAL_C,
    "律师资格": QualificationKind.LAWYER,
}


def template_workbook() -> bytes:
    """The blank survey form: Chinese headers, one example row, and a sheet of allowed values."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "摸排表"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(
        [
            "张三",
            "11010519491231002X",
            "女",
            "13800138000",
            "11110105MB0123456X",
            "是",
            "是",
            "法律职业资格A类",
            "A20191101050001",
            "2019-03-01",
        ]
    )
    for index, width in enumerate([10, 22, 6, 14, 24, 10, 18, 18, 20, 14]):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    notes = workbook.create_sheet("填写说明")
    notes.append(["列", "说明"])
    notes.append([NAME, "必填"])
    notes.append([ID_NUMBER, "必填，18位，末位可为X；将校验出生日期和校验位"])
    notes.append([SEX, "男或女；可不填，按身份证号码判断"])
    notes.append([UNIT_CODE, "必填，须为本人有权管理的单位"])
    notes.append([CIVIL_SERVANT, "是或否，不填视为是"])
    notes.append([FULL_TIME, "是或否，不填视为否"])
    notes.append([QUAL_KIND, "、".join(KINDS)])
    notes.append([QUAL_NUMBER, "填写资格类别时必填"])
    notes.append([QUAL_DATE, "填写资格类别时必填，日期格式如2019-03-01"])
    return workbook_bytes(workbook)
