"""Writes to staff records, qualifications and advisers, and the audited read of identity data."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.certificates.choices import HELD_CERTIFICATE
from govcounsel.core import crypto
from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.history import change_as_of, move_latest_start
from govcounsel.core.masking import is_masked
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import lock, model_update
from govcounsel.core.validators import parse_id_number

from .choices import EmploymentStatus
from .models import LegalAdviser, Person, Qualification
from .signals import employment_ended

PERSON_FIELDS = (
    "name",
    "sex",
    "phone",
    "unit",
    "is_civil_servant",
    "full_time_legal",
    "employment_status",
    "employment_status_date",
)
_NO_SUCH_UNIT = _("您不能管理该单位的人员。")


def _ensure_unique_id_number(id_number: str, *, except_pk: int | None = None) -> None:
    clash = Person.objects.with_id_number(id_number)
    if except_pk is not None:
        clash = clash.exclude(pk=except_pk)
    if clash.exists():
        raise DomainError(
            "duplicate_person",
            _("该身份证号码已登记在其他人员档案中，请勿重复登记。"),
            field="id_number",
        )


def _set_id_number(person: Person, id_number: str) -> None:
    try:
        person.set_id_number(id_number)
    except ValidationError as error:
        raise ValidationError({"id_number": error.messages}) from None


def _effective_day(effective_on: date | None) -> date | None:
    if effective_on is not None and effective_on > timezone.localdate():
        raise DomainError(
            "effective_in_future", _("变更生效日期不能晚于今天。"), field="effective_on"
        )
    return effective_on


@transaction.atomic
def create_person(
    *, by: Any, id_number: str, effective_on: date | None = None, **fields: Any
) -> Person:
    """Register a person; their facts are on record from `effective_on` (today if not given)."""
    ensure_can(by, "people.manage_unit_staff", fields.get("unit"), _NO_SUCH_UNIT)
    _ensure_unique_id_number(id_number)
    person = Person(**{k: v for k, v in fields.items() if k in PERSON_FIELDS})
    _set_id_number(person, id_number)
    person.full_clean()
    person.version_from = _effective_day(effective_on) or timezone.localdate()
    person.save()
    record_event("people.person.created", person, by=by)
    return person


@transaction.atomic
def update_person(
    *,
    person: Person,
    by: Any,
    id_number: str | None = None,
    effective_on: date | None = None,
    **changes: Any,
) -> Person:
    """Change a staff record. A new unit, civil-servant status, full-time flag or employment
    status holds from `effective_on` — by default the status date for a change of status,
    else today — and the days before it keep the old facts (ADR 0009)."""
    before: dict[str, Any] = {}

    def check(person: Person) -> None:
        nonlocal effective_on
        ensure_can(by, "people.manage_person", person)
        effective_on = _effective_day(effective_on)
        before.update(
            status=person.employment_status,
            unit=person.unit_id,
            date=person.employment_status_date,
        )
        if "unit" in changes and changes["unit"] != person.unit:
            ensure_can(by, "people.manage_unit_staff", changes["unit"], _NO_SUCH_UNIT)
        _keep_masked_phone(person, changes)

    def with_id_number(person: Person) -> None:
        # The same number typed again changes nothing (its cipher would differ each time).
        if id_number and crypto.lookup_hash(id_number) != person.id_number_hash:
            _ensure_unique_id_number(id_number, except_pk=person.pk)
            _set_id_number(person, id_number)
            if "sex" not in changes:
                person.sex = parse_id_number(id_number).sex

    person, _changed = model_update(
        person,
        by=by,
        fields=PERSON_FIELDS,
        data=changes,
        event="people.person.updated",
        check=check,
        prepare=with_id_number,
        before_save=lambda person: _record_history(
            person, before["status"], before["date"], effective_on
        ),
    )
    _announce_end_of_employment(person, before["status"], before["unit"], by, effective_on)
    return person


def _keep_masked_phone(record: Person | LegalAdviser, changes: dict[str, Any]) -> None:
    """Forms show the phone masked; the masked value sent back means "unchanged",
    a new number replaces it, and a masked value that is not this record's is refused."""
    phone = changes.get("phone")
    if not phone or not is_masked(phone):
        return
    if phone != record.phone_masked:
        raise ValidationError({"phone": _("请填写完整的新号码，或保留原显示的号码不变。")})
    del changes["phone"]


def _record_history(
    person: Person, before_status: str, before_date: date | None, effective_on: date | None
) -> None:
    today = timezone.localdate()
    status, status_date = person.employment_status, person.employment_status_date
    if status != before_status:
        # The status date is the day of the change only if it was given with it: a date
        # left over from an earlier status says nothing about this one.
        dated = status_date if status_date and status_date != before_date else None
        on = effective_on or min(dated or today, today)
    else:
        on = effective_on or today
        if status != EmploymentStatus.IN_POST and status_date and status_date != before_date:
            # The date of a retirement or departure corrected: the version boundary follows.
            move_latest_start(
                person, before_date, min(status_date, today), field="employment_status_date"
            )
    # A change dated before the person's first record takes effect from that record.
    change_as_of(person, on, before_first="clamp")


def _announce_end_of_employment(
    person: Person, before_status: str, before_unit: int, by: Any, effective_on: date | None
) -> None:
    """Retirement, leaving, or a move to another unit ends what was bound to the old post."""
    status = person.employment_status
    if status != before_status and status != EmploymentStatus.IN_POST:
        reason = status
    elif person.unit_id != before_unit:
        reason = EmploymentStatus.TRANSFERRED
    else:
        return
    on = effective_on or person.employment_status_date or timezone.localdate()
    employment_ended.send(sender=Person, person=person, reason=str(reason), on=on, by=by)


def reveal_identity(*, person: Person, by: Any) -> dict[str, str]:
    """The full ID number (and with it the birth date) and phone, for roles that may read
    them; every read is audited. Nothing else shows more than the masks and the birth year."""
    ensure_can(by, "people.read_identity", person, _("您无权查看该人员的完整身份信息。"))
    record_event(
        "people.person.identity_revealed",
        person,
        by=by,
        data={"fields": ["id_number", "birth_date", "phone"]},
    )
    return {
        "id_number": person.id_number,
        "birth_date": person.birth_date.isoformat() if person.birth_date else "",
        "phone": person.phone,
    }


def reveal_adviser_phone(*, adviser: LegalAdviser, by: Any) -> dict[str, str]:
    """An adviser's full phone: the same audited reveal as a person's identity, for the same
    roles (the justice bureau over the served unit, and an internal adviser themself)."""
    ensure_can(by, "people.read_adviser_phone", adviser, _("您无权查看该法律顾问的完整电话。"))
    record_event("people.adviser.phone_revealed", adviser, by=by, data={"fields": ["phone"]})
    return {"phone": adviser.phone}


QUALIFICATION_FIELDS = ("kind", "certificate_number", "obtained_on")


@transaction.atomic
def add_qualification(*, by: Any, person: Person, **fields: Any) -> Qualification:
    ensure_can(by, "people.manage_person", person)
    qualification = Qualification(
        person=person, **{k: v for k, v in fields.items() if k in QUALIFICATION_FIELDS}
    )
    qualification.full_clean()
    qualification.save()
    record_event("people.qualification.added", qualification, by=by)
    return qualification


@transaction.atomic
def update_qualification(*, qualification: Qualification, by: Any, **changes: Any) -> Qualification:
    qualification, _changed = model_update(
        qualification,
        by=by,
        fields=QUALIFICATION_FIELDS,
        data=changes,
        event="people.qualification.updated",
        related=("person",),
        check=lambda qualification: ensure_can(by, "people.manage_person", qualification.person),
    )
    return qualification


@transaction.atomic
def delete_qualification(*, qualification: Qualification, by: Any) -> Person:
    """Remove a qualification entered by mistake; the audit trail keeps what it said. A
    certificate holder keeps at least one qualification: the certificate was issued on it
    (001 一(四)), and is cancelled, not stripped of its grounds."""
    qualification = lock(qualification, "person")
    person = qualification.person
    ensure_can(by, "people.manage_person", person)
    held = person.certificates.filter(status__in=HELD_CERTIFICATE).exists()
    if held and not person.qualifications.exclude(pk=qualification.pk).exists():
        raise DomainError(
            "qualification_in_use",
            _("该人员持有公职律师证书，须保留至少一项法律职业资格；如证书应予注销，请先办理注销。"),
        )
    # The certificate number itself is in django-auditlog's diff of the deletion; event data
    # would keep it only as a keyed hash (it looks like an ID number to the scrubber).
    record_event(
        "people.qualification.deleted",
        qualification,
        by=by,
        data={
            "person": person.pk,
            "kind": qualification.kind,
            "obtained_on": qualification.obtained_on.isoformat(),
        },
    )
    qualification.delete()
    return person


ADVISER_FIELDS = (
    "unit",
    "kind",
    "name",
    "organisation",
    "person",
    "phone",
    "service_start",
    "service_end",
    "end_reason",
    "notes",
)


def _check_internal_adviser(adviser: LegalAdviser) -> None:
    if adviser.person_id and adviser.person and adviser.person.unit_id != adviser.unit_id:
        raise ValidationError({"person": _("内部法律顾问须为服务单位本单位人员。")})


def _prepare_adviser(adviser: LegalAdviser) -> None:
    _check_internal_adviser(adviser)
    if adviser.service_end is None:
        # Service resumed (an end date entered by mistake taken back): no reason for an end.
        adviser.end_reason = ""


@transaction.atomic
def register_adviser(*, by: Any, **fields: Any) -> LegalAdviser:
    ensure_can(by, "people.manage_unit_staff", fields.get("unit"), _NO_SUCH_UNIT)
    adviser = LegalAdviser(**{k: v for k, v in fields.items() if k in ADVISER_FIELDS})
    _check_internal_adviser(adviser)
    adviser.full_clean()
    adviser.save()
    record_event("people.adviser.registered", adviser, by=by)
    return adviser


@transaction.atomic
def update_adviser(*, adviser: LegalAdviser, by: Any, **changes: Any) -> LegalAdviser:
    def check(adviser: LegalAdviser) -> None:
        ensure_can(by, "people.manage_unit_staff", adviser.unit, _NO_SUCH_UNIT)
        if "unit" in changes:
            ensure_can(by, "people.manage_unit_staff", changes["unit"], _NO_SUCH_UNIT)
        _keep_masked_phone(adviser, changes)

    adviser, _changed = model_update(
        adviser,
        by=by,
        fields=ADVISER_FIELDS,
        data=changes,
        event="people.adviser.updated",
        related=("unit",),
        check=check,
        prepare=_prepare_adviser,
    )
    return adviser


def already_ended(adviser: LegalAdviser) -> DomainError:
    return DomainError(
        "already_ended",
        _("该法律顾问的服务已于%(day)s结束；如需更正，请修改服务期间。")
        % {"day": adviser.service_end.isoformat() if adviser.service_end else "—"},
    )


@transaction.atomic
def end_adviser_service(
    *, adviser: LegalAdviser, by: Any, ended_on: date, reason: str
) -> LegalAdviser:
    """End an adviser's service on its last day (000 #2: the unit's work is then carried by
    a public lawyer or another adviser). The day may lie ahead, as a contract's last day does;
    the coverage figures count the adviser up to and including it."""

    def check(adviser: LegalAdviser) -> None:
        ensure_can(by, "people.manage_unit_staff", adviser.unit, _NO_SUCH_UNIT)
        if adviser.service_end is not None:
            raise already_ended(adviser)
        if not (reason or "").strip():
            raise DomainError("reason_required", _("请填写结束服务的原因。"), field="reason")
        if ended_on < adviser.service_start:
            raise DomainError(
                "end_before_start",
                _("结束日期不能早于服务开始日期（%(day)s）。")
                % {"day": adviser.service_start.isoformat()},
                field="ended_on",
            )

    adviser, _changed = model_update(
        adviser,
        by=by,
        fields=("service_end", "end_reason"),
        data={"service_end": ended_on, "end_reason": (reason or "").strip()},
        event="people.adviser.service_ended",
        related=("unit",),
        check=check,
    )
    return adviser
