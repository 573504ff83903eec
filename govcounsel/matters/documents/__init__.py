"""Documents the matters app writes: the commission letter (委托公函, 001 三(四)), a 函 in
the layout of GB/T 9704-2012 (documents/word.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from govcounsel.documents.choices import DocumentKind, layout_of
from govcounsel.documents.word import OfficialText, build_docx

LITIGATION_SUBTYPES = {"litigation", "arbitration", "reconsideration"}
CASE_KINDS = {"litigation": "行政诉讼", "arbitration": "仲裁", "reconsideration": "行政复议"}
LETTER_TITLE = "委托公函"


def licence_numbers(lawyers: list[Any]) -> dict[int, str]:
    """Each lawyer's valid certificate number, whichever unit issued it: a lawyer
    dispatched by the superior holds her certificate at her own unit."""
    from govcounsel.certificates.choices import CertificateStatus
    from govcounsel.certificates.models import Certificate

    return dict(
        Certificate.objects.filter(person__in=lawyers, status=CertificateStatus.ACTIVE)
        .order_by("person_id", "-issued_on")
        .distinct("person_id")
        .values_list("person_id", "number")
    )


def dispatched_to(unit: Any, lawyers: list[Any]) -> set[int]:
    """The lawyers the superior dispatched to the unit (001 一(三))."""
    from govcounsel.matters.choices import DispatchStatus
    from govcounsel.matters.models import DispatchRequest

    return set(
        DispatchRequest.objects.filter(
            unit=unit, lawyer__in=lawyers, status=DispatchStatus.DISPATCHED
        ).values_list("lawyer_id", flat=True)
    )


def describe_lawyers(unit: Any, lawyers: list[Any]) -> str:
    """Who represents the unit, each as the court must know her: the unit's own public
    lawyer, or a public lawyer the superior dispatched, named with her own unit."""
    numbers = licence_numbers(lawyers)
    dispatched = dispatched_to(unit, lawyers)
    described = []
    for person in lawyers:
        licence = f"（执业证号：{numbers.get(person.pk, '—')}）"
        if person.unit_id == unit.pk:
            described.append(f"我单位公职律师{person.name}{licence}")
        elif person.pk in dispatched:
            described.append(
                f"上级单位派驻公职律师{person.name}"
                f"（{person.unit.name}，执业证号：{numbers.get(person.pk, '—')}）"
            )
        else:
            described.append(f"{person.unit.name}公职律师{person.name}{licence}")
    return "、".join(described) or "我单位公职律师"


def commission_letter(
    matter: Any,
    *,
    court: str,
    counterparty: str,
    authority: str,
    lawyers: list[Any],
    number: str = "",
    dated: date | None = None,
) -> bytes:
    """The letter authorising the public lawyers to represent the unit in the case, under
    the 发文字号 the unit's register gave it (services.issue_commission_letter)."""
    case_kind = CASE_KINDS.get(matter.subtype, "纠纷")
    return build_docx(
        OfficialText(
            issuer_name=matter.unit.name,
            number=number,
            title=LETTER_TITLE,
            dated=dated or timezone.localdate(),  # the Beijing date the letter is issued on
            addressee=court,
            body=[
                f"我单位与{counterparty}{case_kind}一案，现委托"
                f"{describe_lawyers(matter.unit, lawyers)}作为我单位的代理人，"
                f"代理权限为：{authority}。",
                "特此函告。",
            ],
            layout=layout_of(DocumentKind.LETTER),  # 信函格式 (GB/T 9704-2012 10.1)
        )
    )
