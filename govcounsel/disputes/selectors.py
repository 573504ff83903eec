"""Reads of administrative disputes: the registers' rows, the counterparty's phone as the
reader may see it, and what waits on whom."""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet

from govcounsel.accounts.choices import Role
from govcounsel.organisations.models import Unit

from .choices import AssignmentStatus
from .models import Dispute, DisputeLawyer, DutyConflict


def phone_readers(user: Any) -> Q:
    """The disputes whose counterparty phone the user reads in full: the organ's office
    and the reconciliation centre of its region, who call the party (rule disputes.read_phone)."""
    return Q(unit__in=Unit.objects.run_by(user)) | Q(
        unit__in=Unit.objects.reached_by(user, Role.RECONCILIATION_ADMIN)
    )


def with_phone_shown(disputes: Any, user: Any) -> Any:
    """Each row says whether its phone is shown in full (`phone_shown`), in the same query."""
    return disputes.annotate(
        phone_shown=ExpressionWrapper(phone_readers(user), output_field=BooleanField())
    )


def phone_as_shown(dispute: Dispute) -> str:
    """The phone a page, an export or a print shows: full for its readers, masked else."""
    if getattr(dispute, "phone_shown", False):
        return dispute.counterparty_phone
    return dispute.counterparty_phone_masked


def open_conflicts() -> Exists:
    """A duty conflict reported on the dispute and not yet decided by the organ head."""
    return Exists(DutyConflict.objects.filter(lawyer__dispute=OuterRef("pk"), decision=""))


def worked_by(person_id: Any) -> Exists:
    """The person is one of the organ's lawyers on the dispute now."""
    return Exists(
        DisputeLawyer.objects.filter(
            dispute=OuterRef("pk"),
            person_id=person_id,
            mediator=False,
            status=AssignmentStatus.ACTIVE,
        )
    )


def mine(user: Any) -> Any:
    """A lawyer's own disputes: those they are or were on as the organ's lawyer."""
    person_id = getattr(user, "person_id", None)
    return Dispute.objects.visible_to(user).filter(
        Exists(
            DisputeLawyer.objects.filter(
                dispute=OuterRef("pk"), person_id=person_id or 0, mediator=False
            )
        )
    )


def registering_units(user: Any) -> QuerySet[Unit]:
    """The organs the user may register a dispute for: its own (the office) and, for the
    reconciliation centre, every organ of its region."""
    return Unit.objects.filter(
        Q(pk__in=Unit.objects.run_by(user).values("pk"))
        | Q(pk__in=Unit.objects.reached_by(user, Role.RECONCILIATION_ADMIN).values("pk"))
    ).order_by("name")
