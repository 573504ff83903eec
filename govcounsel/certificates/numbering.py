"""The Ministry of Justice's 17-digit lawyer licence number.

    1 | province (2) | city, or district of a municipality (2) | first-approval year (4)
      | category (1) | sex (1) | serial (6)

The Ministry's own example, 11102200810000003, is a full-time (1) male (0) lawyer first
approved in 2008 in Beijing (11), district code 02, serial 000003. Category 6 is a public
lawyer. The serial is unique and kept for life; when a lawyer moves or changes category
only the changed parts change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PUBLIC_LAWYER = "6"
CATEGORIES = {"1": _("专职律师"), "6": _("公职律师"), "7": _("公司律师")}
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
_NUMBER = re.compile(r"^1(\d{2})(\d{2})(\d{4})([0-9])([01])(\d{6})$")


@dataclass(frozen=True)
class LicenceNumber:
    province: str
    area: str
    first_year: int
    category: str
    sex: str  # "M" or "F"
    serial: int

    def __str__(self) -> str:
        sex_digit = "0" if self.sex == "M" else "1"
        place = f"{self.province}{self.area}"
        return f"1{place}{self.first_year:04d}{self.category}{sex_digit}{self.serial:06d}"

    @property
    def category_label(self) -> str:
        return str(CATEGORIES.get(self.category, _("未知类别")))

    def as_dict(self) -> dict[str, object]:
        return {
            "number": str(self),
            "province_code": self.province,
            "area_code": self.area,
            "first_approved_year": self.first_year,
            "category": self.category,
            "category_label": self.category_label,
            "sex": self.sex,
            "serial": self.serial,
        }


def area_code(region_code: str) -> str:
    """City code; in a municipality (Beijing, Tianjin, Shanghai, Chongqing) the district's."""
    return region_code[4:6] if region_code[:2] in MUNICIPALITIES else region_code[2:4]


def encode(
    *, region_code: str, first_year: int, sex: str, serial: int, category: str = PUBLIC_LAWYER
) -> str:
    return str(
        LicenceNumber(
            province=region_code[:2],
            area=area_code(region_code),
            first_year=first_year,
            category=category,
            sex=sex,
            serial=serial,
        )
    )


def decode(number: str) -> LicenceNumber:
    match = _NUMBER.match((number or "").strip())
    if not match:
        raise ValidationError(
            _("执业证号应为17位数字，以1开头，第16位性别码为0或1。"), code="licence_number"
        )
    province, area, year, category, sex, serial = match.groups()
    return LicenceNumber(
        province=province,
        area=area,
        first_year=int(year),
        category=category,
        sex="M" if sex == "0" else "F",
        serial=int(serial),
    )
