"""The survey of staff holding legal qualifications (摸排, 001 一(四)), imported from Excel.

A file is read whole and checked row by row; every problem is reported with its row,
column and reason. Nothing is written unless the whole file is valid, and a file whose
rows are already on record changes nothing. Lookups are batched, so 10,000 rows take
a handful of queries, not tens of thousands.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from auditlog.models import LogEntry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from govcounsel.core import crypto
from govcounsel.core.audit import record_event
from govcounsel.core.bulk_audit import log_bulk
from govcounsel.core.exporters import workbook_bytes
from govcounsel.core.history import bulk_change_as_of
from govcounsel.core.validators import normalise_code, parse_id_number, validate_phone
from govcounsel.organisations.models import Unit

from .choices import QualificationKind
from .models import Person, PersonVersion, Qualification, SurveyUpload, initial_versions

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
# A file is judged by what it declares before a row is read: a 119 KB sheet of empty rows
# once held a worker for 37 s. More rows than this are refused; a run of
# EMPTY_RUN empty rows ends the data (what follows is formatting, not people).
MAX_ROWS = getattr(settings, "SURVEY_MAX_ROWS", 20_000)
MAX_COLUMNS = 50
EMPTY_RUN = 200


class SurveyFileError(Exception):
    """The file as a whole cannot be read (not Excel, empty, wrong headers)."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("第%(row)d行“%(column)s”列：%(reason)s") % {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
        }


@dataclass
class Row:
    number: int
    name: str
    id_number: str
    id_hash: str
    sex: str
    phone: str
    unit: Unit
    is_civil_servant: bool
    full_time_legal: bool
    qualification: tuple[str, str, date] | None
    person: Person | None = None
    changes: dict[str, list[Any]] = field(default_factory=dict)
    qualification_known: bool = False

    @property
    def changes_nothing(self) -> bool:
        return (
            self.person is not None
            and not self.changes
            and (self.qualification is None or self.qualification_known)
        )


@dataclass
class SurveyPlan:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Fixed once the plan has been applied: the counts describe what the import did.
    applied: dict[str, int] | None = None
    # The row where reading stopped at a run of EMPTY_RUN empty rows (None: read to the end).
    ended_at: int | None = None

    @property
    def new_people(self) -> list[Row]:
        return [r for r in self.rows if r.person is None]

    @property
    def changed_people(self) -> list[Row]:
        return [r for r in self.rows if r.person is not None and r.changes]

    @property
    def new_qualifications(self) -> list[Row]:
        return [r for r in self.rows if r.qualification and not r.qualification_known]

    def summary(self) -> dict[str, int]:
        if self.applied is not None:
            return self.applied
        return {
            "rows": len(self.rows) + len({e.row for e in self.errors}),
            "new_people": len(self.new_people),
            "changed_people": len(self.changed_people),
            "new_qualifications": len(self.new_qualifications),
            "unchanged": sum(1 for r in self.rows if r.changes_nothing),
            "errors": len(self.errors),
        }


@dataclass
class StoredPlan:
    """The preview or result a background job left in SurveyUpload.summary (see tasks.py),
    shaped like a SurveyPlan for the page: counts, the first errors, where reading ended."""

    counts: dict[str, int]
    errors: list[RowError]
    ended_at: int | None = None

    @classmethod
    def from_summary(cls, summary: dict[str, Any]) -> StoredPlan:
        return cls(
            counts={k: summary.get(k, 0) for k in SUMMARY_KEYS},
            errors=[RowError(*e) for e in summary.get("problems", [])],
            ended_at=summary.get("ended_at"),
        )

    def summary(self) -> dict[str, int]:
        return self.counts


SUMMARY_KEYS = ("rows", "new_people", "changed_people", "new_qualifications", "unchanged", "errors")
# Progress of a background job: called with the number of data rows read so far.
Progress = Callable[[int], None]


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


def _too_many_rows() -> SurveyFileError:
    return SurveyFileError(_("一次最多导入%(max)d行，请分批导入。") % {"max": MAX_ROWS})


def _open(content: bytes) -> Any:
    """The first sheet, opened read-only: nothing but the workbook's index is read yet."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise SurveyFileError(
            _("文件不是有效的Excel（.xlsx）文件，请使用下载的模板填写。")
        ) from None
    return workbook.worksheets[0]


def declared_rows(content: bytes) -> int | None:
    """The data rows the sheet declares (its dimension tag), checked against the limits
    without reading a row; None when it declares none (some writers omit the tag)."""
    return _declared(_open(content))


def _declared(sheet: Any) -> int | None:
    # The dimension tag (e.g. A1:J2001) costs nothing to read; a missing one reads as None.
    declared_rows, declared_columns = sheet.max_row, sheet.max_column or 0
    if declared_columns > MAX_COLUMNS:
        raise SurveyFileError(
            _("工作表声明了%(columns)d列，超出摸排表模板的范围，请使用下载的模板填写。")
            % {"columns": declared_columns}
        )
    if declared_rows is None:
        return None
    if declared_rows - 1 > MAX_ROWS:
        raise _too_many_rows()
    return max(declared_rows - 1, 0)


def runs_in_background(content: bytes) -> bool:
    """A file of more than SURVEY_SYNC_ROWS declared rows (or of unknown size) is checked and
    imported by a worker, not in the request (bad input never costs a worker)."""
    rows = declared_rows(content)
    return rows is None or rows > getattr(settings, "SURVEY_SYNC_ROWS", 2000)


def _read(content: bytes) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The header and a stream of the data rows, read without holding the sheet in memory
    (openpyxl read-only mode). The sheet's declared size is checked before any row is read,
    and the stream ends at the first long run of empty rows."""
    sheet = _open(content)
    _declared(sheet)
    header = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), None)
    if header is None:
        raise SurveyFileError(_("文件是空的：第1行应为列标题。"))
    names = [str(h).strip() if h is not None else "" for h in header]
    while names and not names[-1]:
        names.pop()
    missing = [h for h in HEADERS if h in REQUIRED and h not in names]
    unknown = [h for h in names if h and h not in HEADERS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("缺少必需的列：%(cols)s") % {"cols": "、".join(missing)})
        if unknown:
            parts.append(_("无法识别的列：%(cols)s") % {"cols": "、".join(unknown)})
        raise SurveyFileError(_("第1行列标题不符合模板。") + "；".join(parts) + "。")
    return names, sheet.iter_rows(min_row=2, max_col=len(names), values_only=True)


def _until_empty_run(
    rows: Iterator[tuple[Any, ...]], plan: SurveyPlan
) -> Iterator[tuple[Any, ...]]:
    """The rows up to the first run of EMPTY_RUN empty ones (noted on the plan, so that the
    preview says where reading stopped); refused past MAX_ROWS rows read, empty or not,
    whatever the sheet declared."""
    empty = 0
    for read, values in enumerate(rows, start=1):
        if read > MAX_ROWS:
            raise _too_many_rows()
        if all(_text(v) == "" for v in values):
            empty += 1
            if empty >= EMPTY_RUN:
                plan.ended_at = read + 1 - EMPTY_RUN + 1  # sheet row of the first empty one
                return
        else:
            empty = 0
        yield values


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()  # naive: spreadsheet cells carry no time zone
    if isinstance(value, date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()  # naive: parsed text
    except ValueError:
        raise ValueError(
            _("无法识别的日期“%(value)s”，请按2019-03-01的格式填写。") % {"value": text}
        ) from None


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


def import_survey(
    content: bytes, *, by: Any, filename: str = "", progress: Progress | None = None
) -> SurveyPlan:
    """Apply the file: all rows, or — if any row is wrong — nothing. The file is checked
    before the transaction opens, so that a worker's progress can be seen meanwhile."""
    plan = plan_survey(content, by=by, progress=progress)
    if plan.errors:
        return plan
    _apply(plan, by=by, filename=filename)
    return plan


@transaction.atomic
def _apply(plan: SurveyPlan, *, by: Any, filename: str) -> None:
    plan.applied = plan.summary()
    new_people = []
    for row in plan.new_people:
        person = Person(
            name=row.name,
            sex=row.sex,
            phone=row.phone,
            unit=row.unit,
            is_civil_servant=row.is_civil_servant,
            full_time_legal=row.full_time_legal,
        )
        person.set_id_number(row.id_number)
        person.fill_derived()
        new_people.append(person)
        row.person = person
    Person.objects.bulk_create(new_people, batch_size=1000)
    # The survey states the facts as of the day of the import (ADR 0009).
    today = timezone.localdate()
    PersonVersion.objects.bulk_create(
        [v for p in new_people for v in initial_versions(p, today)], batch_size=1000
    )
    changed = []
    for row in plan.changed_people:
        assert row.person is not None
        for attr, (_old, new) in row.changes.items():
            setattr(row.person, attr, new)
        row.person.fill_derived()
        changed.append(row.person)
    Person.objects.bulk_update(
        changed, [*_COMPARED, "name_pinyin", "name_initials"], batch_size=1000
    )
    bulk_change_as_of(PersonVersion, changed, today)
    qualifications = [
        Qualification(person=row.person, kind=q[0], certificate_number=q[1], obtained_on=q[2])
        for row in plan.new_qualifications
        if (q := row.qualification) is not None
    ]
    Qualification.objects.bulk_create(qualifications, batch_size=1000)
    log_bulk(
        [
            *(
                (p, LogEntry.Action.CREATE, {"name": ["", p.name], "unit": ["", p.unit_id]})
                for p in new_people
            ),
            *((r.person, LogEntry.Action.UPDATE, r.changes) for r in plan.changed_people),
            *(
                (
                    q,
                    LogEntry.Action.CREATE,
                    {"kind": ["", q.kind], "certificate_number": ["", q.certificate_number]},
                )
                for q in qualifications
            ),
        ],
        by=by,
    )
    if new_people or changed or qualifications:
        record_event("people.survey.imported", by=by, data={"file": filename, **plan.summary()})


PREVIEW, IMPORT = "preview", "import"
ACTIVE = ("queued", "running")


@transaction.atomic
def queue_job(upload: SurveyUpload, action: str) -> None:
    """Hand a large file's preview or import to a worker once the upload is committed; the
    state lives in upload.summary ({"state": "queued|running|done|failed", "progress": 0-100})
    and the page polls it, as the quarterly bulletins do."""
    from django_q.tasks import async_task

    locked = SurveyUpload.objects.select_for_update().get(pk=upload.pk)
    if locked.summary.get("state") in ACTIVE:
        return  # a second click while the first job runs queues nothing
    upload.summary = {**locked.summary, "state": "queued", "progress": 0, "action": action}
    upload.save(update_fields=["summary"])
    pk = upload.pk
    transaction.on_commit(
        lambda: async_task(
            "govcounsel.people.tasks.run_survey_job", pk, task_name=f"survey-{action}-{pk}"
        )
    )
