"""Taking the parties out of a typical case's text before the public reads it (002 §18;
personal information is published only as far as needed).

A person's name becomes the surname and 某 (张三 -> 张某); an organisation's becomes 某 and
its kind (聊城市恒达贸易有限公司 -> 某公司); mobile and fixed phone numbers and 18-digit ID
numbers become X. `leaks` says what would still identify someone, so that publishing can be
refused while anything is left."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Two-character surnames (复姓) that keep both characters: 欧阳娜 -> 欧阳某.
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "令狐",
    "端木",
)
# An organisation's kind, kept after 某 (某公司, 某合作社); the longest is tried first.
ORGANISATION_KINDS = (
    "有限责任公司",
    "股份有限公司",
    "有限公司",
    "公司",
    "合作社",
    "事务所",
    "研究院",
    "医院",
    "学校",
    "中心",
    "协会",
    "集团",
    "工厂",
    "厂",
    "店",
    "超市",
    "酒店",
    "商行",
    "村委会",
    "居委会",
)
ORGANISATION_SHORT = {"有限责任公司": "公司", "股份有限公司": "公司", "有限公司": "公司"}

# 18-digit resident ID numbers (GB 11643), the last character a digit or X.
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
# Mainland mobile numbers, and fixed lines with an area code (0635-8888888).
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
CHINESE_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")


def masked_name(name: str) -> str:
    """The replacement of one name: 张某, 欧阳某, 某公司, 某单位."""
    name = name.strip()
    for kind in sorted(ORGANISATION_KINDS, key=len, reverse=True):
        if name.endswith(kind) and len(name) > len(kind):
            return "某" + ORGANISATION_SHORT.get(kind, kind)
    if CHINESE_NAME.match(name) and len(name) <= 4:
        surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s)), name[0])
        return surname + "某"
    return "某单位" if len(name) > 4 else "某某"


def _names(names: Iterable[str]) -> list[str]:
    # The longest first, so that 张三丰 is replaced before 张三.
    cleaned = {n.strip() for n in names if n and n.strip() and len(n.strip()) >= 2}
    return sorted(cleaned, key=len, reverse=True)


def anonymise(text: str, names: Iterable[str]) -> str:
    """The text with each name, phone number and ID number replaced."""
    for name in _names(names):
        text = text.replace(name, masked_name(name))
    text = ID_NUMBER.sub(lambda m: "X" * len(m.group()), text)
    text = MOBILE.sub(lambda m: m.group()[:3] + "X" * 8, text)
    return LANDLINE.sub(lambda m: re.sub(r"\d", "X", m.group()), text)


def leaks(text: str, names: Iterable[str]) -> list[str]:
    """What in the text still identifies someone: each name found, and whether a phone or
    an ID number is left (as words, for the refusal)."""
    found = [name for name in _names(names) if name in text]
    if MOBILE.search(text) or LANDLINE.search(text):
        found.append("电话号码")
    if ID_NUMBER.search(text):
        found.append("身份证号码")
    return found
