"""Activities and the dispute rows the archive reads, for tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from govcounsel.activities import services
from govcounsel.activities.models import Activity
from govcounsel.disputes.choices import Outcome
from govcounsel.disputes.models import Dispute, DisputeLawyer


def activity(cast: Any, *, by: Any = None, people: Any = None, **fields: Any) -> Activity:
    """An activity of the cast's lawyer (person_a), recorded by the lawyer unless `by`."""
    lawyer = cast.lawyer  # certifies person_a on first use
    values: dict[str, Any] = {
        "kind": "calls_letters",
        "day": timezone.localdate(),
        "title": "答复当事人来信",
    }
    values.update(fields)
    return services.record_activity(
        by=by or lawyer, people=people or [cast.tree.person_a], **values
    )


def dispute(unit: Any, *, title: str = "行政处罚争议", resolved: bool | None = None) -> Dispute:
    """A dispute of the unit, written as its register leaves it: handling, or closed
    (resolved inside the administration or not) when `resolved` is given."""
    row = Dispute.objects.create(
        unit=unit,
        title=title,
        counterparty_kind="person",
        counterparty_name="张某",
        act_kind="act",
        act="罚款决定",
        contested="处罚是否适当",
        origin="complaint",
    )
    status, outcome = "handling", ""
    if resolved is not None:
        status = "closed"
        outcome = Outcome.SETTLED if resolved else Outcome.TO_LITIGATION
    # The status is protected (its transitions are the disputes app's services).
    Dispute.objects.filter(pk=row.pk).update(
        status=status, outcome=outcome, closed_at=timezone.now() if resolved is not None else None
    )
    row.refresh_from_db()
    return row


def on_dispute(row: Dispute, person: Any, *, mediator: bool = False) -> DisputeLawyer:
    return DisputeLawyer.objects.create(dispute=row, person=person, mediator=mediator)


def day_this_year(month: int = 1, day: int = 15) -> date:
    return timezone.localdate().replace(month=month, day=day)
