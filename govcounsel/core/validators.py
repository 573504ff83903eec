"""Validators for the national codes the domain uses, each with its check character.

- GB 11643: citizen identity number (18 characters, ISO 7064 MOD 11-2 check digit)
- GB 32100: unified social credit code (18 characters, MOD 31 check character)
- GB 11714: organisation code embedded in the credit code (MOD 11 check)
- GB/T 2260: administrative-division code (6 digits)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROVINCE_CODES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
    ]
)

_SPACES = re.compile(r"\s+")


def normalise_code(value: object) -> str:
    """The one spelling of a national code (ID number, credit code) that is validated,
    stored, hashed and looked up: NFKC (full-width ＡＢ１２ become AB12), no spaces anywhere,
    upper case. `11110105ma01abcd5p` and `11１10105MA01ABCD5P` are the same code."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    return _SPACES.sub("", text).upper()


_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"
# ASCII only: `\\d` would also take full-width and other scripts' digits.
_ID_RE = re.compile(r"^[0-9]{17}[0-9X]$")


@dataclass(frozen=True)
class IdentityNumber:
    """The parts a resident identity number encodes."""

    region_code: str
    birth_date: date
    sex: str  # "M" or "F": the 17th digit is odd for men, even for women


def id_check_digit(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def parse_id_number(value: str) -> IdentityNumber:
    """Validate a GB 11643 number and return what it encodes; raise ValidationError otherwise.
    The number is normalised first (see `normalise_code`)."""
    number = normalise_code(value)
    if not _ID_RE.match(number):
        raise ValidationError(
            _("身份证号码应为18位，前17位为数字，末位为数字或X。"), code="id_format"
        )
    if number[:2] not in PROVINCE_CODES:
        raise ValidationError(_("身份证号码的地址码不是有效的省级代码。"), code="id_region")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(_("身份证号码中的出生日期无效。"), code="id_birth_date") from None
    if birth.year < 1900 or birth > timezone.localdate():
        raise ValidationError(_("身份证号码中的出生日期无效。"), code="id_birth_date")
    if id_check_digit(number[:17]) != number[17]:
        raise ValidationError(_("身份证号码校验位错误，请核对号码。"), code="id_check_digit")
    return IdentityNumber(
        region_code=number[:6], birth_date=birth, sex="M" if int(number[16]) % 2 else "F"
    )


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def uscc_check_character(first17: str) -> str:
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def organisation_code_check(first8: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    total = sum(_ORG_CHARS.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate_credit_code(value: str) -> None:
    """Validate a GB 32100 code after normalising it (see `normalise_code`)."""
    code = normalise_code(value)
    if not _USCC_RE.match(code):
        raise ValidationError(
            _("统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）。"),
            code="uscc_format",
        )
    if uscc_check_character(code[:17]) != code[17]:
        raise ValidationError(
            _("统一社会信用代码校验位错误，请核对代码。"), code="uscc_check_character"
        )


def validate_region_code(value: str) -> None:
    code = (value or "").strip()
    if not re.fullmatch(r"\d{6}", code) or code[:2] not in PROVINCE_CODES:
        raise ValidationError(
            _("行政区划代码应为6位数字，且前两位为有效的省级代码（GB/T 2260）。"),
            code="region_code",
        )
    if code[4:] != "00" and code[2:4] == "00":
        raise ValidationError(_("行政区划代码层级不完整。"), code="region_code")


def region_level_of(code: str) -> str:
    """'province', 'city' or 'county', read from the zeros at the end of a GB/T 2260 code."""
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


_PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


def validate_phone(value: str) -> None:
    if value and not _PHONE_RE.match(value.strip()):
        raise ValidationError(
            _("电话号码格式不正确：手机号为11位，固定电话如010-12345678。"), code="phone"
        )
