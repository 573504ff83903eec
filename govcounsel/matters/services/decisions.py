"""Decision items and decisions gated on a lawyer's opinion (001 二(二))."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.permissions import ensure_can
from govcounsel.core.services import model_update
from govcounsel.core.workflow import run_transition
from govcounsel.organisations.models import Unit

from ..choices import MatterStatus
from ..models import Decision, DecisionItem, Matter
from .workflow import _OFFICE_ONLY

# --- decision items (001 二(二)) ---------------------------------------------------------


@transaction.atomic
def add_decision_item(*, unit: Unit, by: Any, title: str, description: str = "") -> DecisionItem:
    ensure_can(by, "matters.run", unit, _OFFICE_ONLY)
    item = DecisionItem.objects.create(unit=unit, title=title, description=description)
    record_event("matters.decision_item.added", item, by=by)
    return item


@transaction.atomic
def open_decision(*, item: DecisionItem, by: Any, title: str) -> Decision:
    ensure_can(by, "matters.run", item.unit, _OFFICE_ONLY)
    decision = Decision.objects.create(item=item, title=title)
    record_event("matters.decision.opened", decision, by=by)
    return decision


@transaction.atomic
def decide(
    *, decision: Decision, by: Any, matter: Matter | None = None, on: date | None = None
) -> Decision:
    """The gate: a listed item is decided only with a closed matter whose opinion is on file."""
    decision = Decision.objects.select_for_update().select_related("item__unit").get(pk=decision.pk)
    ensure_can(by, "matters.run", decision.item.unit, _OFFICE_ONLY)
    matter = matter or decision.matter
    missing = _(
        "“%(item)s”须先听取公职律师意见：请关联本单位已办结并提交了法律意见的法律事务。"
    ) % {"item": decision.item.title}
    if matter is None:
        raise DomainError("opinion_missing", missing, field="matter")
    matter = Matter.objects.get(pk=matter.pk)
    if (
        matter.unit_id != decision.item.unit_id
        or matter.status != MatterStatus.CLOSED
        or not matter.opinions.exists()
    ):
        raise DomainError("opinion_missing", missing, field="matter")
    decision.matter = matter
    run_transition(decision, "decide", on or timezone.localdate())
    decision.save()
    record_event("matters.decision.decided", decision, by=by, data={"matter": matter.pk})
    return decision


DECISION_ITEM_FIELDS = ("title", "description", "active")


@transaction.atomic
def update_decision_item(*, item: DecisionItem, by: Any, **changes: Any) -> DecisionItem:
    """Rename, describe or retire an item of the unit's list; it stays on that unit's list."""

    def check(item: DecisionItem) -> None:
        ensure_can(by, "matters.run", item.unit, _OFFICE_ONLY)
        # The API sends the unit back with every PUT: the same unit means "as it was".
        if "unit" in changes and changes.pop("unit") != item.unit:
            raise DomainError("unit_fixed", _("决策事项不能移到其他单位的清单。"), field="unit")

    item, _changed = model_update(
        item,
        by=by,
        fields=DECISION_ITEM_FIELDS,
        data=changes,
        event="matters.decision_item.updated",
        related=("unit",),
        check=check,
    )
    return item
