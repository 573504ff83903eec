"""Notices issued on a matter: reminders to its handlers (催办) and the commission letter."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.verbs import Document
from govcounsel.documents.choices import DocumentKind
from govcounsel.documents.services import WORD, issue_document, stored_bytes

from ..choices import AssignmentStatus, MatterAction, MatterStatus
from ..documents import LETTER_TITLE, LITIGATION_SUBTYPES, commission_letter
from ..models import Matter, MatterStep
from .workflow import _locked

# --- declared in verbs.py alongside the workflow ------------------------------------------


@transaction.atomic
def remind(*, matter: Matter, by: Any, note: str = "") -> Matter:
    """催办 (000 #11): the unit's office or the supervising committee office prompts the
    handling lawyers at once, without waiting for the daily supervision run. The notice to
    the lawyers and the office is the verb's (verbs.py `remind`)."""
    from ..supervision import handlers_of

    matter = _locked(matter)
    ensure_can(
        by, "matters.remind", matter, _("只有本单位法治工作机构或依法治区（县）办可以催办。")
    )
    if matter.status == MatterStatus.CLOSED:
        raise DomainError("closed", _("事项已办结，无需催办。"))
    if not handlers_of(matter):
        raise DomainError("no_handler", _("该事项尚未指派承办律师，无法催办。"))
    title = _("催办：“%(t)s”请于%(d)s前办结") % {
        "t": matter.title,
        "d": f"{matter.deadline:%Y-%m-%d}",
    }
    MatterStep.objects.create(
        matter=matter,
        action=MatterAction.SUPERVISED,
        from_status=matter.status,
        to_status=matter.status,
        actor=by,
        note=note or str(title),
    )
    record_event("matters.matter.reminded", matter, by=by)
    return matter


def letter_refusal(matter: Matter) -> DomainError | None:
    """Why no commission letter can be issued for this matter, or None when one can."""
    if matter.subtype not in LITIGATION_SUBTYPES:
        return DomainError("not_litigation", _("只有诉讼、仲裁和复议事项需要委托公函。"))
    if matter.status == MatterStatus.WITHDRAWN:
        return DomainError("withdrawn", _("事项已撤回，不能出具委托公函。"))
    return None


def issue_commission_letter(
    *, matter: Matter, by: Any, court: str, counterparty: str, authority: str = "一般授权"
) -> Document:
    """委托公函 (001 三(四)) for a litigation, arbitration or reconsideration matter: a 函
    numbered from the unit's register and stored as issued (documents.services)."""
    ensure_can(by, "matters.run", matter, _("只有本单位法治工作机构可以出具委托公函。"))
    refused = letter_refusal(matter)
    if refused:
        raise refused
    lawyers = [
        a.person
        for a in matter.assignments.select_related("person__unit")
        if a.status != AssignmentStatus.DECLINED
    ]
    with transaction.atomic():
        document = issue_document(
            kind=DocumentKind.LETTER,
            issuer=matter.unit,
            issuer_name=matter.unit.name,
            title=LETTER_TITLE,
            render=lambda number: commission_letter(
                matter,
                court=court,
                counterparty=counterparty,
                authority=authority,
                lawyers=lawyers,
                number=number,
            ),
            by=by,
            subject=matter,
        )
        record_event(
            "matters.commission_letter.issued", matter, by=by, data={"number": document.number}
        )
    return Document(document.filename, stored_bytes(document), WORD)
