"""Documents the matters app writes: the commission letter (委托公函, 001 三(四))."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.utils import timezone
from docxtpl import DocxTemplate

HERE = Path(__file__).resolve().parent
LITIGATION_SUBTYPES = {"litigation", "arbitration", "reconsideration"}


def commission_letter(
    matter: Any, *, court: str, counterparty: str, authority: str, lawyers: list[Any]
) -> bytes:
    """The letter authorising the unit's public lawyers to represent it in the case."""
    from govcounsel.certificates.choices import CertificateStatus
    from govcounsel.certificates.models import Certificate

    numbers = [
        c.number
        for c in Certificate.objects.filter(
            person__in=lawyers, unit=matter.unit, status=CertificateStatus.ACTIVE
        ).order_by("person_id")
    ]
    today = timezone.localdate()  # the Beijing date the letter is issued on
    template = DocxTemplate(str(HERE / "commission_letter.docx"))
    template.render(
        {
            "number": f"委字〔{today.year}〕{matter.pk}号",
            "court": court,
            "counterparty": counterparty,
            "case_kind": {
                "litigation": "行政诉讼",
                "arbitration": "仲裁",
                "reconsideration": "行政复议",
            }.get(matter.subtype, "纠纷"),
            "lawyers": "、".join(p.name for p in lawyers),
            "numbers": "、".join(numbers) or "—",
            "authority": authority,
            "unit": matter.unit.name,
            "date": f"{today.year}年{today.month}月{today.day}日",
        },
        # Typed-in values are text: markup in them must not become runs of the letter.
        autoescape=True,
    )
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()
