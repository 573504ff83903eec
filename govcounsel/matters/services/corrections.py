"""Corrections of a matter once registered: edit or withdraw it before it is assigned;
reassign it or change its deadline while it is handled. Each one is a step on the matter's
timeline (with its reason) and an audit event."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import model_update
from govcounsel.core.workflow import run_transition
from govcounsel.people.models import Person

from ..choices import ENDED_ASSIGNMENTS, AssignmentStatus, MatterStatus
from ..models import Assignment, Matter, MatterStep
from .workflow import _OFFICE_ONLY, _locked, _step, ensure_assignable

# What registration set and the office may still correct before anyone is assigned.
EDITABLE_FIELDS = (
    "title",
    "description",
    "category",
    "subtype",
    "priority",
    "confidential",
    "deadline",
    "attachment",
)
# The matters whose deadline the office may change: those being handled. A registered one
# is corrected with `edit`; a closed or withdrawn one has no deadline left to keep.
HANDLED = (MatterStatus.ASSIGNED, MatterStatus.IN_PROGRESS, MatterStatus.OPINION_SUBMITTED)


def _reason(reason: str, message: Any) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("reason_required", message, field="reason")
    return reason


def _not_in_the_past(deadline: date) -> None:
    if deadline < timezone.localdate():
        raise DomainError("deadline_past", _("办理期限不能早于今天。"), field="deadline")


def _timeline(matter: Matter, action: str, by: Any, note: str) -> None:
    """A step that leaves the status as it was (the event is recorded by the caller)."""
    MatterStep.objects.create(
        matter=matter,
        action=action,
        from_status=matter.status,
        to_status=matter.status,
        actor=by,
        note=note,
    )


@transaction.atomic
def edit_matter(*, matter: Matter, by: Any, **data: Any) -> Matter:
    """The office corrects what it registered, while no lawyer has it yet."""
    original: dict[str, Any] = {}

    def check(row: Matter) -> None:
        ensure_can(by, "matters.run", row, _OFFICE_ONLY)
        if row.status != MatterStatus.REGISTERED:
            raise DomainError(
                "not_registered",
                _("只有待指派的事项可以修改登记信息；已指派的事项请改派或调整办理期限。"),
            )
        original["deadline"] = row.deadline

    def prepare(row: Matter) -> None:
        if row.deadline != original["deadline"]:
            _not_in_the_past(row.deadline)

    matter, changed = model_update(
        matter,
        by=by,
        fields=EDITABLE_FIELDS,
        data=data,
        event="matters.matter.edited",
        related=("unit",),
        check=check,
        prepare=prepare,
    )
    if changed:
        labels = "、".join(
            str(getattr(Matter._meta.get_field(name), "verbose_name", name)) for name in changed
        )
        _timeline(matter, "edited", by, str(_("修改了：%(fields)s") % {"fields": labels}))
    return matter


@transaction.atomic
def withdraw_matter(*, matter: Matter, by: Any, reason: str) -> Matter:
    """The office withdraws a matter registered in error or no longer needed. The record
    stays in the register, with its reason; it leaves the active lists and the archives."""
    matter = _locked(matter)
    ensure_can(by, "matters.run", matter, _OFFICE_ONLY)
    reason = _reason(reason, _("撤回须说明理由。"))
    before = run_transition(matter, "withdraw")
    matter.save()
    _step(matter, "withdrawn", before, by, reason)
    return matter


@transaction.atomic
def reassign(
    *,
    matter: Matter,
    by: Any,
    lawyer: Person,
    reason: str,
    co_handlers: list[Person] | None = None,
) -> Matter:
    """The office puts other lawyers on a matter being handled: the present assignments are
    marked replaced (kept, with their time), the new lawyers must be eligible exactly as for
    a first assignment, and the new lead answers (accepts or declines) again."""
    matter = _locked(matter)
    ensure_can(by, "matters.run", matter, _OFFICE_ONLY)
    reason = _reason(reason, _("改派须说明理由。"))
    co = [p for p in dict.fromkeys(co_handlers or []) if p.pk != lawyer.pk]
    live = list(
        matter.assignments.select_for_update()
        .exclude(status__in=ENDED_ASSIGNMENTS)
        .select_related("person")
    )
    lead = next((a for a in live if a.is_lead), None)
    if (
        lead is not None
        and lead.person_id == lawyer.pk
        and {a.person_id for a in live if not a.is_lead} == {p.pk for p in co}
    ):
        raise DomainError(
            "same_lawyers", _("改派后的承办律师与现在相同，无需改派。"), field="lawyer"
        )
    ensure_assignable(matter, [lawyer, *co])
    before = run_transition(matter, "reassign")
    matter.save()
    now = timezone.now()
    Assignment.objects.filter(pk__in=[a.pk for a in live]).update(
        status=AssignmentStatus.REPLACED, replaced_at=now
    )
    Assignment.objects.create(matter=matter, person=lawyer, is_lead=True)
    for person in co:
        Assignment.objects.create(matter=matter, person=person, is_lead=False)
    old = "、".join(a.person.name for a in live) or "—"
    new = "、".join(p.name for p in [lawyer, *co])
    _step(
        matter,
        "reassigned",
        before,
        by,
        str(_("%(old)s → %(new)s：%(reason)s") % {"old": old, "new": new, "reason": reason}),
    )
    return matter


@transaction.atomic
def change_deadline(*, matter: Matter, by: Any, deadline: date, reason: str) -> Matter:
    """The office moves the deadline of a matter being handled, with a reason; the old and
    the new date are kept on the timeline. Supervision starts again from the new date."""
    # Filled on the locked row by `check`: the event says from which date to which.
    event_data: dict[str, Any] = {}

    def check(row: Matter) -> None:
        ensure_can(by, "matters.run", row, _OFFICE_ONLY)
        event_data["reason"] = _reason(reason, _("调整办理期限须说明理由。"))
        if row.status not in HANDLED:
            raise DomainError(
                "not_handled",
                _("只有办理中的事项可以调整办理期限；待指派的事项请修改登记信息。"),
            )
        if deadline == row.deadline:
            raise DomainError(
                "deadline_unchanged", _("新的办理期限与原期限相同。"), field="deadline"
            )
        _not_in_the_past(deadline)
        event_data.update({"from": str(row.deadline), "to": str(deadline)})

    matter, _changed = model_update(
        matter,
        by=by,
        fields=("deadline",),
        data={"deadline": deadline},
        event="matters.matter.deadline_changed",
        event_data=event_data,
        related=("unit",),
        check=check,
    )
    note = _("%(old)s → %(new)s：%(reason)s") % {
        "old": event_data["from"],
        "new": event_data["to"],
        "reason": event_data["reason"],
    }
    _timeline(matter, "deadline_changed", by, str(note))
    return matter
