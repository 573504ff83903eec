"""Checking a survey file row by row against the people on record: the plan of an import."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from govcounsel.core import crypto
from govcounsel.core.validators import normalise_code, parse_id_number, validate_phone
from govcounsel.organisations.models import Unit

from ..models import Person, Qualification
from .form import (
    CIVIL_SERVANT,
    FULL_TIME,
    HEADERS,
    ID_NUMBER,
    KINDS,
    NAME,
    PHONE,
    QUAL_DATE,
    QUAL_KIND,
    QUAL_NUMBER,
    SEX,
    SEXES,
    UNIT_CODE,
    YES_NO,
)
from .plan import Progress, Row, RowError, SurveyFileError, SurveyPlan
from .reading import _date, _read, _text, _until_empty_run


def plan_survey(content: bytes, *, by: Any, progress: Progress | None = None) -> SurveyPlan:
    """Read and check the whole file; work out what importing it would change."""
    names, raw_rows = _read(content)
    index = {name: i for i, name in enumerate(names) if name}
    plan = SurveyPlan()
    units = {u.credit_code: u for u in Unit.objects.manageable_by(by)}
    parsed: list[tuple[int, dict[str, Any]]] = []
    for number, values in enumerate(_until_empty_run(raw_rows, plan), start=2):
        cells = {name: values[i] if i < len(values) else None for name, i in index.items()}
        if all(_text(v) == "" for v in cells.values()):
            continue
        parsed.append((number, cells))
        if progress is not None and number % 500 == 0:
            progress(number - 1)
    if not parsed:
        raise SurveyFileError(_("文件中没有数据行：请从第2行起填写人员信息。"))

    seen_ids: dict[str, int] = {}
    seen_quals: dict[tuple[str, str], int] = {}
    candidates: list[Row] = []
    for number, cells in parsed:
        row = _check_row(number, cells, units, seen_ids, seen_quals, plan.errors)
        if row is not None:
            candidates.append(row)

    existing = {
        p.id_number_hash: p
        for chunk in _chunks([r.id_hash for r in candidates], 2000)
        for p in Person.objects.filter(id_number_hash__in=chunk)
    }
    known_quals = {
        (q.kind, q.certificate_number): q.person_id
        for chunk in _chunks([r.qualification[1] for r in candidates if r.qualification], 2000)
        for q in Qualification.objects.filter(certificate_number__in=chunk)
    }
    for row in candidates:
        person = existing.get(row.id_hash)
        if person is not None and person.unit_id != row.unit.pk:
            plan.errors.append(
                RowError(row.number, ID_NUMBER, _("该人员已登记在其他单位，调动请在人员页面办理。"))
            )
            continue
        row.person = person
        if person is not None:
            row.changes = _diff(person, row)
        if row.qualification:
            owner = known_quals.get((row.qualification[0], row.qualification[1]))
            if owner is not None and (person is None or owner != person.pk):
                plan.errors.append(
                    RowError(row.number, QUAL_NUMBER, _("该资格证书编号已登记在其他人员名下。"))
                )
                continue
            row.qualification_known = owner is not None
        plan.rows.append(row)
    plan.errors.sort(key=lambda e: (e.row, HEADERS.index(e.column) if e.column in HEADERS else 99))
    return plan


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _check_row(
    number: int,
    cells: dict[str, Any],
    units: dict[str, Unit],
    seen_ids: dict[str, int],
    seen_quals: dict[tuple[str, str], int],
    errors: list[RowError],
) -> Row | None:
    found: list[RowError] = []

    def fail(column: str, reason: str) -> None:
        found.append(RowError(number, column, reason))

    name = _text(cells.get(NAME))
    if not name:
        fail(NAME, _("姓名不能为空。"))
    elif len(name) > 50:
        fail(NAME, _("姓名过长。"))
    id_number = normalise_code(_text(cells.get(ID_NUMBER)))
    parsed = None
    if not id_number:
        fail(ID_NUMBER, _("身份证号码不能为空。"))
    else:
        try:
            parsed = parse_id_number(id_number)
        except ValidationError as error:
            fail(ID_NUMBER, error.messages[0])
    if parsed is not None:
        if id_number in seen_ids:
            fail(ID_NUMBER, _("与第%(row)d行是同一人，重复登记。") % {"row": seen_ids[id_number]})
        else:
            seen_ids[id_number] = number
    sex_text = _text(cells.get(SEX))
    sex = SEXES.get(sex_text, "") if sex_text else (parsed.sex if parsed else "")
    if sex_text and sex_text not in SEXES:
        fail(SEX, _("性别应填“男”或“女”。"))
    elif parsed is not None and sex and sex != parsed.sex:
        fail(SEX, _("性别与身份证号码第17位不符。"))
    phone = _text(cells.get(PHONE))
    try:
        validate_phone(phone)
    except ValidationError as error:
        fail(PHONE, error.messages[0])
    code = normalise_code(_text(cells.get(UNIT_CODE)))
    unit = units.get(code)
    if not code:
        fail(UNIT_CODE, _("单位统一社会信用代码不能为空。"))
    elif unit is None:
        fail(UNIT_CODE, _("未找到该单位，或您无权导入该单位的人员：%(code)s") % {"code": code})
    flags: dict[str, bool] = {}
    for column, default in ((CIVIL_SERVANT, True), (FULL_TIME, False)):
        text = _text(cells.get(column))
        if text not in YES_NO:
            fail(column, _("应填“是”或“否”。"))
        flags[column] = default if YES_NO.get(text) is None else bool(YES_NO[text])
    qualification = None
    kind_text = _text(cells.get(QUAL_KIND))
    qual_number = _text(cells.get(QUAL_NUMBER))
    if kind_text or qual_number or _text(cells.get(QUAL_DATE)):
        kind = KINDS.get(kind_text)
        if kind is None:
            fail(QUAL_KIND, _("资格类别应为：%(kinds)s。") % {"kinds": "、".join(KINDS)})
        if not qual_number:
            fail(QUAL_NUMBER, _("填写资格类别时须填写证书编号。"))
        obtained = None
        try:
            obtained = _date(cells.get(QUAL_DATE))
            if obtained > timezone.localdate():
                fail(QUAL_DATE, _("取得日期不能晚于今天。"))
        except ValueError as error:
            fail(
                QUAL_DATE,
                str(error) if _text(cells.get(QUAL_DATE)) else _("填写资格类别时须填写取得日期。"),
            )
        if kind and qual_number and obtained:
            key = (str(kind), qual_number)
            if key in seen_quals:
                fail(QUAL_NUMBER, _("与第%(row)d行的资格证书编号重复。") % {"row": seen_quals[key]})
            seen_quals[key] = number
            qualification = (str(kind), qual_number, obtained)
    if found or parsed is None or unit is None:
        errors.extend(found)
        return None
    return Row(
        number=number,
        name=name,
        id_number=id_number,
        id_hash=crypto.lookup_hash(id_number),
        sex=sex or parsed.sex,
        phone=phone,
        unit=unit,
        is_civil_servant=flags[CIVIL_SERVANT],
        full_time_legal=flags[FULL_TIME],
        qualification=qualification,
    )


_COMPARED = ("name", "sex", "phone", "is_civil_servant", "full_time_legal")


def _diff(person: Person, row: Row) -> dict[str, list[Any]]:
    changes = {}
    for attr in _COMPARED:
        new = getattr(row, attr)
        if attr == "phone" and not new:
            continue  # an empty phone cell keeps the number on record
        old = getattr(person, attr)
        if old != new:
            changes[attr] = [old, new]
    return changes
