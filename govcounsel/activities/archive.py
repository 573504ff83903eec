"""A lawyer's dispute work and activities of a year, for the work archive (002 §15): one
aggregate query per source, each thing counted once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q, Sum

from govcounsel.disputes.choices import RESOLVED_OUTCOMES, AssignmentStatus, DisputeStatus
from govcounsel.disputes.models import Dispute, DisputeLawyer
from govcounsel.matters.choices import ENDED_ASSIGNMENTS
from govcounsel.matters.models import Assignment

from .choices import DISPUTE_KINDS, OUTREACH_KINDS, ActivityKind
from .models import Activity, Participant


@dataclass
class DisputeWork:
    disputes_worked: int = 0
    disputes_resolved: int = 0
    mediator_roles: int = 0
    # None: the reconciliation centre's sessions are not recorded in this installation.
    centre_sessions: int | None = None
    activities_by_kind: dict[str, int] = field(default_factory=dict)
    dispute_activities: int = 0
    outreach_activities: int = 0
    outreach_audience: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "disputes_worked": self.disputes_worked,
            "disputes_resolved": self.disputes_resolved,
            "mediator_roles": self.mediator_roles,
            "centre_sessions": self.centre_sessions,
            "activities_by_kind": self.activities_by_kind,
            "dispute_activities": self.dispute_activities,
            "outreach_activities": self.outreach_activities,
            "outreach_audience": self.outreach_audience,
        }


def _on_dispute(person: Any, dispute: Any, **more: Any) -> Exists:
    return Exists(
        DisputeLawyer.objects.filter(
            dispute=dispute, person=person, status=AssignmentStatus.ACTIVE, **more
        )
    )


def dispute_work(person: Any, year: int) -> DisputeWork:
    work = DisputeWork()
    # Disputes of the year the person is on, as the organ's lawyer or as the centre's
    # mediator (a lawyer relieved after a duty conflict did not do the work, 002 §9).
    as_lawyer = _on_dispute(person, OuterRef("pk"), mediator=False)
    as_mediator = _on_dispute(person, OuterRef("pk"), mediator=True)
    resolved = Q(status=DisputeStatus.CLOSED, outcome__in=RESOLVED_OUTCOMES)
    figures = Dispute.objects.filter(registered_at__year=year).aggregate(
        worked=Count("pk", filter=Q(as_lawyer)),
        resolved=Count("pk", filter=Q(as_lawyer) & resolved),
        mediated=Count("pk", filter=Q(as_mediator)),
    )
    work.disputes_worked = figures["worked"]
    work.disputes_resolved = figures["resolved"]
    work.mediator_roles = figures["mediated"]
    work.centre_sessions = centre_sessions(person, year)
    # Typed activities, less those that point at a matter or a dispute the archive already
    # counts for this person: counted once.
    matter_counted = Exists(
        Assignment.objects.filter(matter=OuterRef("matter_id"), person=person).exclude(
            status__in=ENDED_ASSIGNMENTS
        )
    )
    dispute_counted = _on_dispute(person, OuterRef("dispute_id"))
    typed = (
        Activity.objects.filter(
            Exists(Participant.objects.filter(activity=OuterRef("pk"), person=person)),
            day__year=year,
        )
        .exclude(matter_counted)
        .exclude(dispute_counted)
    )
    rows = {
        row["kind"]: row
        for row in typed.values("kind").annotate(n=Count("pk"), audience=Sum("audience")).order_by()
    }
    work.activities_by_kind = {
        kind.value: rows[kind.value]["n"] if kind.value in rows else 0 for kind in ActivityKind
    }
    work.dispute_activities = sum(work.activities_by_kind[k.value] for k in DISPUTE_KINDS)
    work.outreach_activities = sum(work.activities_by_kind[k.value] for k in OUTREACH_KINDS)
    work.outreach_audience = sum(
        rows[k.value]["audience"] or 0 for k in OUTREACH_KINDS if k.value in rows
    )
    return work


def centre_sessions(person: Any, year: int) -> int | None:
    """The centre's sessions of the year held with the person among the mediators (002 §7,
    §10): read from the centre's records, never typed."""
    try:
        session = apps.get_model("reconciliation", "MediationSession")
    except LookupError:
        return None
    from govcounsel.reconciliation.choices import SessionStatus

    return int(
        session._default_manager.filter(
            status=SessionStatus.HELD, mediators=person, starts_at__year=year
        ).count()
    )
