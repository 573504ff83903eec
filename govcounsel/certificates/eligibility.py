"""Who may hold a public-lawyer certificate (000 preamble and #1; 002 §2)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.core.errors import DomainError
from govcounsel.people.choices import EmploymentStatus

ELIGIBLE_UNIT_KINDS = {"party_organ", "government_organ", "peoples_organisation"}


def unmet_conditions(person: Any) -> list[str]:
    """Every condition the person does not meet, as sentences for the applicant."""
    unmet = []
    if person.employment_status != EmploymentStatus.IN_POST:
        unmet.append(
            str(
                _("该人员不在职（%(status)s）。")
                % {"status": person.get_employment_status_display()}
            )
        )
    if person.unit.kind not in ELIGIBLE_UNIT_KINDS:
        unmet.append(str(_("所在单位不是党政机关或人民团体。")))
    if not person.is_civil_servant:
        unmet.append(str(_("该人员不是公务员或参照公务员法管理的工作人员。")))
    if not person.qualifications.exists():
        unmet.append(str(_("该人员未取得法律职业资格或律师资格。")))
    if not person.full_time_legal:
        unmet.append(str(_("该人员未专门从事法律事务工作。")))
    return unmet


def ensure_eligible(person: Any) -> None:
    unmet = unmet_conditions(person)
    if unmet:
        raise DomainError(
            "ineligible",
            _("不符合申请公职律师证书的条件：%(reasons)s") % {"reasons": "".join(unmet)},
            reasons=unmet,
            title=_("不符合申请公职律师证书的条件："),
            unmet=unmet,
        )
