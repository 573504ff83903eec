"""Who may hold a public-lawyer certificate (000 preamble and #1; 002 §2)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.core.errors import DomainError
from govcounsel.people.choices import EmploymentStatus

ELIGIBLE_UNIT_KINDS = {"party_organ", "government_organ", "peoples_organisation"}


@dataclass(frozen=True)
class Condition:
    """One condition of eligibility as the person meets it or not: `why` says what the
    record shows, `unmet` is the sentence of a refusal."""

    label: Any
    met: bool
    why: str
    unmet: str


def conditions(person: Any) -> list[Condition]:
    """Every condition of eligibility, in the order the policy names them. Reads the
    person's unit and qualifications: prefetch them when called for many people."""
    qualifications = list(person.qualifications.all())
    in_post = person.employment_status == EmploymentStatus.IN_POST
    status = person.get_employment_status_display()
    return [
        Condition(
            _("在职"),
            in_post,
            str(_("任职状态：%(status)s") % {"status": status}),
            str(_("该人员不在职（%(status)s）。") % {"status": status}),
        ),
        Condition(
            _("所在单位为党政机关或人民团体"),
            person.unit.kind in ELIGIBLE_UNIT_KINDS,
            str(
                _("%(unit)s：%(kind)s")
                % {"unit": person.unit.name, "kind": person.unit.get_kind_display()}
            ),
            str(_("所在单位不是党政机关或人民团体。")),
        ),
        Condition(
            _("公务员或参照公务员法管理的工作人员"),
            person.is_civil_servant,
            str(_("是") if person.is_civil_servant else _("否")),
            str(_("该人员不是公务员或参照公务员法管理的工作人员。")),
        ),
        Condition(
            _("取得法律职业资格或律师资格"),
            bool(qualifications),
            "、".join(str(q.get_kind_display()) for q in qualifications) or str(_("未登记资格")),
            str(_("该人员未取得法律职业资格或律师资格。")),
        ),
        Condition(
            _("专门从事法律事务工作"),
            person.full_time_legal,
            str(_("是") if person.full_time_legal else _("否")),
            str(_("该人员未专门从事法律事务工作。")),
        ),
    ]


def unmet_conditions(person: Any) -> list[str]:
    """Every condition the person does not meet, as sentences for the applicant."""
    return [condition.unmet for condition in conditions(person) if not condition.met]


@dataclass(frozen=True)
class Readiness:
    """Whether a person may apply now: the conditions, and what else stands in the way —
    an application under way, or a certificate already held at the person's unit. A
    certificate still held at a former unit does not stop an application at the new one;
    its cancellation must be completed before the approval (000 #3, services.approve)."""

    conditions: list[Condition]
    open_application: Any = None
    held_here: Any = None
    held_elsewhere: Any = None

    @property
    def eligible(self) -> bool:
        return all(condition.met for condition in self.conditions)

    @property
    def may_apply(self) -> bool:
        return self.eligible and self.open_application is None and self.held_here is None


def readiness(person: Any) -> Readiness:
    from .models import Certificate, CertificateApplication

    held = Certificate.objects.held().filter(person=person).select_related("unit").first()
    here = held is not None and held.unit_id == person.unit_id
    return Readiness(
        conditions=conditions(person),
        open_application=CertificateApplication.objects.open().filter(person=person).first(),
        held_here=held if here else None,
        held_elsewhere=None if here else held,
    )


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
