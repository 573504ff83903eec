"""The training certificate (培训证明) of a completed course, as an official document of the
plan's owner (ADR 0026: laid out by the documents layer, never here)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from govcounsel.documents.dates import chinese_date
from govcounsel.documents.word import OfficialText, build_docx


def certificate_text(enrolment: Any, number: str) -> bytes:
    course = enrolment.course
    plan = course.plan
    person = enrolment.person
    held = person.certificates.order_by("-issued_on").first()
    licence = f"（执业证号：{held.number}）" if held else ""
    span = chinese_date(course.starts_on)
    if course.ends_on != course.starts_on:
        span = f"{span}至{chinese_date(course.ends_on)}"
    return build_docx(
        OfficialText(
            issuer_name=plan.owner_name,
            number=number,
            title="培训证明",
            dated=timezone.localdate(),  # the Beijing date the certificate is issued on
            body=[
                f"兹证明{person.unit.name}公职律师{person.name}{licence}于{span}参加"
                f"{course.provider}举办的“{course.title}”（{course.get_kind_display()}，"
                f"{course.get_category_display()}类），完成培训{enrolment.hours}学时。",
                "特此证明。",
            ],
        )
    )
