"""Typical cases (002 §18): nomination by the organ's office; review, editing, anonymising,
publishing, revision and withdrawal by the justice bureau; the annual compilation."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import lock, model_update
from govcounsel.core.verbs import Document
from govcounsel.core.workflow import run_transition
from govcounsel.disputes.models import Dispute
from govcounsel.documents.models import OfficialDocument
from govcounsel.documents.services import document_file, issue_document
from govcounsel.organisations.choices import Sector
from govcounsel.organisations.models import Region, Unit

from . import anonymise as anonymiser
from . import compilation as compilation_docx
from .choices import CaseAction, CaseStatus
from .models import TEXT_FIELDS, CaseStep, Compilation, TypicalCase, TypicalCaseRevision
from .notices import NOMINATED

_REVIEW = _("只有争议所涉行政机关所在区域的司法局可以审核、编辑和发布典型案例。")
_NOMINATE = _("只有该行政机关的法治工作机构可以推荐本机关的行政争议。")


def _actor(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def _step(case: TypicalCase, action: CaseAction, before: str, by: Any, note: str = "") -> None:
    CaseStep.objects.create(
        case=case,
        action=action,
        from_status=before,
        to_status=case.status,
        actor=_actor(by),
        note=note,
    )


def _locked(case: TypicalCase) -> TypicalCase:
    return lock(case, "unit__region", "dispute")


def _required(value: str, code: str, message: Any, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(code, message, field=field)
    return value


def draft_of(dispute: Dispute) -> dict[str, Any]:
    """The first draft of the text, from the dispute's record: the bureau rewrites it."""
    facts = "\n".join(part for part in (dispute.act, dispute.contested) if part)
    closed = dispute.closed_at or timezone.now()
    return {
        "title": dispute.title[:200],
        "facts": facts,
        "resolution": dispute.outcome_note,
        "year": timezone.localtime(closed).year,
        "sector": dispute.unit.sector or Sector.GENERAL,
    }


@transaction.atomic
def nominate(*, dispute: Dispute, by: Any, reason: str) -> TypicalCase:
    """002 §18: an organ's office puts forward one of its closed disputes resolved inside
    the administration (settled, mediated or withdrawn) with a short reason."""
    dispute = Dispute.objects.select_for_update().select_related("unit__region").get(pk=dispute.pk)
    ensure_can(by, "casebook.nominate", dispute, _NOMINATE)
    if not dispute.is_resolved:
        raise DomainError(
            "not_resolved",
            _("只有已办结并已化解（和解、调解达成协议或撤回）的行政争议可以推荐为典型案例。"),
            field="dispute",
        )
    if TypicalCase.objects.filter(dispute=dispute).exists():
        raise DomainError("already_nominated", _("该行政争议已推荐过典型案例。"), field="dispute")
    reason = _required(reason, "reason_required", _("请填写推荐理由。"), "reason")
    case = TypicalCase.objects.create(
        dispute=dispute,
        unit=dispute.unit,
        reason=reason,
        nominated_by=_actor(by),
        **draft_of(dispute),
    )
    _step(case, CaseAction.NOMINATED, "", by, reason)
    record_event("casebook.case.nominated", case, by=by, data={"dispute": dispute.pk})
    NOMINATED.send(case, case, by=by)
    return case


@transaction.atomic
def accept(*, case: TypicalCase, by: Any, note: str = "") -> TypicalCase:
    case = _locked(case)
    ensure_can(by, "casebook.review", case, _REVIEW)
    before = run_transition(case, "accept")
    case.save()
    _step(case, CaseAction.ACCEPTED, before, by, note)
    record_event("casebook.case.accepted", case, by=by)
    return case


@transaction.atomic
def decline(*, case: TypicalCase, by: Any, reason: str) -> TypicalCase:
    case = _locked(case)
    ensure_can(by, "casebook.review", case, _REVIEW)
    reason = _required(reason, "reason_required", _("请填写不予采用的理由。"), "reason")
    before = run_transition(case, "decline")
    case.decline_reason = reason
    case.save()
    _step(case, CaseAction.DECLINED, before, by, reason)
    record_event("casebook.case.declined", case, by=by)
    return case


EDITABLE = (*TEXT_FIELDS, "year")


@transaction.atomic
def edit(*, case: TypicalCase, by: Any, **changes: Any) -> TypicalCase:
    """The bureau writes the case to the template (标题、副标题、基本案情、化解过程、典型意义)."""

    def check(case: TypicalCase) -> None:
        ensure_can(by, "casebook.review", case, _REVIEW)
        if case.status not in (CaseStatus.EDITING, CaseStatus.WITHDRAWN):
            raise DomainError(
                "not_editing",
                _("只有编辑中或已撤下的案例可以直接编辑；已发布的案例请使用“修订”。"),
            )

    case, changed = model_update(
        case,
        by=by,
        fields=EDITABLE,
        data=changes,
        event="casebook.case.edited",
        related=("unit__region", "dispute"),
        check=check,
    )
    if changed:
        _step(case, CaseAction.EDITED, case.status, by, "、".join(changed))
    return case


def names_to_hide(case: TypicalCase, extra: list[str] | None = None) -> list[str]:
    """The counterparty's name and every name the bureau listed."""
    names = [case.dispute.counterparty_name, *case.hidden_names, *(extra or [])]
    return [n for n in dict.fromkeys(n.strip() for n in names) if n]


@transaction.atomic
def anonymise(*, case: TypicalCase, by: Any, names: str = "") -> TypicalCase:
    """Replace the counterparty's name, the listed names (one a line), phone numbers and
    ID numbers in the text (张某, 某公司, X)."""
    case = _locked(case)
    ensure_can(by, "casebook.review", case, _REVIEW)
    if case.status not in (CaseStatus.EDITING, CaseStatus.WITHDRAWN):
        raise DomainError("not_editing", _("只有编辑中或已撤下的案例可以做隐名处理。"))
    listed = [line.strip() for line in (names or "").replace("，", "\n").splitlines()]
    hide = names_to_hide(case, [n for n in listed if n])
    changed = []
    for name in TEXT_FIELDS:
        before = getattr(case, name)
        after = anonymiser.anonymise(before, hide)
        if after != before:
            setattr(case, name, after)
            changed.append(name)
    case.hidden_names = [n for n in hide if n != case.dispute.counterparty_name]
    case.save()
    _step(case, CaseAction.ANONYMISED, case.status, by, "、".join(changed))
    record_event("casebook.case.anonymised", case, by=by, data={"fields": changed})
    return case


def leaks_of(case: TypicalCase) -> list[str]:
    text = "\n".join(str(getattr(case, name)) for name in TEXT_FIELDS)
    return anonymiser.leaks(text, names_to_hide(case))


def _refuse_leaks(case: TypicalCase) -> None:
    found = leaks_of(case)
    if found:
        raise DomainError(
            "not_anonymised",
            _("案例文本中仍有可识别当事人的信息（%(found)s），请先做隐名处理。")
            % {"found": "、".join(found)},
            reasons=found,
        )


def _revision(case: TypicalCase, by: Any, note: str) -> TypicalCaseRevision:
    last = case.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    revision = TypicalCaseRevision.objects.create(
        case=case,
        number=last + 1,
        **case.text(),
        year=case.year,
        sector=case.sector,
        note=note,
        published_by=_actor(by),
    )
    case.current_revision = revision
    return revision


@transaction.atomic
def publish(*, case: TypicalCase, by: Any, note: str = "") -> TypicalCase:
    """The case goes on the public page, as it reads now; refused while the text still
    names the counterparty or holds a phone or ID number."""
    case = _locked(case)
    ensure_can(by, "casebook.review", case, _REVIEW)
    if not case.title.strip() or not case.facts.strip() or not case.key_points.strip():
        raise DomainError(
            "incomplete", _("请先填写标题、基本案情和典型意义，再发布。"), field="title"
        )
    _refuse_leaks(case)
    before = run_transition(case, "publish")
    revision = _revision(case, by, note)
    case.withdraw_reason = ""
    case.save()
    _step(case, CaseAction.PUBLISHED, before, by, note)
    record_event("casebook.case.published", case, by=by, data={"revision": revision.number})
    return case


@transaction.atomic
def revise(*, case: TypicalCase, by: Any, note: str, **changes: Any) -> TypicalCase:
    """A published case is corrected: the new text is published as a new version, the
    earlier versions are kept."""
    case = _locked(case)
    ensure_can(by, "casebook.review", case, _REVIEW)
    note = _required(note, "note_required", _("请填写修订说明。"), "note")
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise DomainError("field_not_editable", _("不能修改：%(f)s") % {"f": "、".join(unknown)})
    before = run_transition(case, "revise")
    for name, value in changes.items():
        setattr(case, name, value)
    case.full_clean(exclude=["dispute", "unit", "current_revision", "status"])
    _refuse_leaks(case)
    revision = _revision(case, by, note)
    case.save()
    _step(case, CaseAction.REVISED, before, by, note)
    record_event("casebook.case.revised", case, by=by, data={"revision": revision.number})
    return case


@transaction.atomic
def withdraw(*, case: TypicalCase, by: Any, reason: str) -> TypicalCase:
    """Off the public page, with a reason; its versions stay on record."""
    case = _locked(case)
    ensure_can(by, "casebook.review", case, _REVIEW)
    reason = _required(reason, "reason_required", _("请填写撤下理由。"), "reason")
    before = run_transition(case, "withdraw")
    case.withdraw_reason = reason
    case.save()
    _step(case, CaseAction.WITHDRAWN, before, by, reason)
    record_event("casebook.case.withdrawn", case, by=by)
    return case


# --- the annual compilation ---------------------------------------------------------------


def compilation_title(year: int) -> str:
    return f"{year}年度公职律师参与行政争议化解典型案例汇编"


def bureau_issuer(region: Region) -> tuple[Unit | Region, str]:
    """Who issues: the region's justice bureau as a unit where the register knows it (its
    own 机关代字), else the region, in the bureau's name."""
    unit = (
        Unit.objects.filter(region=region, sector=Sector.JUSTICE, name__endswith="司法局")
        .order_by("pk")
        .first()
    )
    if unit is not None:
        return unit, unit.name
    return region, f"{region.name}司法局"


def compiled_revisions(region: Region, year: int) -> list[TypicalCaseRevision]:
    """The published version of each case of the region's organs for the year."""
    cases = (
        TypicalCase.objects.published()
        .filter(unit__region__path__startswith=region.path, current_revision__year=year)
        .select_related("current_revision")
        .order_by("current_revision__sector", "current_revision__published_at", "pk")
    )
    return [case.current_revision for case in cases if case.current_revision is not None]


@transaction.atomic
def issue_compilation(*, region: Region, year: int, by: Any) -> Compilation:
    """002 §18: the bureau issues the year's typical cases as one document, numbered from
    its register; the file is kept as issued."""
    ensure_can(by, "casebook.compile", region, _("只有本区域的司法局可以印发典型案例汇编。"))
    revisions = compiled_revisions(region, year)
    if not revisions:
        raise DomainError(
            "nothing_to_compile",
            _("%(year)s年度尚无已发布的典型案例，不能印发汇编。") % {"year": year},
            field="year",
        )
    issuer, issuer_name = bureau_issuer(region)
    title = compilation_title(year)
    dated = timezone.localdate()
    document = issue_document(
        kind=compilation_docx.KIND,
        issuer=issuer,
        issuer_name=issuer_name,
        title=title,
        dated=dated,
        render=lambda number: compilation_docx.to_docx(
            revisions, issuer_name=issuer_name, number=number, title=title, dated=dated
        ),
        by=by,
    )
    compilation = Compilation.objects.create(
        region=region, year=year, document=document, issued_by=_actor(by)
    )
    compilation.cases.set(revisions)
    record_event(
        "casebook.compilation.issued",
        compilation,
        by=by,
        data={"number": document.number, "cases": len(revisions)},
    )
    return compilation


def compilation_file(*, compilation: Compilation, by: Any) -> Document:
    """The compilation as issued, byte for byte; each download is recorded."""
    document: OfficialDocument = compilation.document
    record_event("casebook.compilation.downloaded", compilation, by=by)
    return document_file(document=document, by=by)
