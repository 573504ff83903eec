"""The work archive of a public lawyer for a year (002 §15, 001 三(三)): the evidence the
annual assessment uses, built from the records alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Avg, Count, F, Q, Sum

from .choices import AssignmentStatus, DutyCategory
from .models import Assignment, DispatchRequest, Matter, Overtime


@dataclass
class WorkArchive:
    person: Any
    year: int
    by_category: dict[str, int] = field(default_factory=dict)
    handled: int = 0
    closed: int = 0
    on_time: int = 0
    average_score: float | None = None
    declines_justified: int = 0
    declines_unjustified: int = 0
    declines_unjudged: int = 0
    overtime_hours: Decimal = Decimal(0)
    leave_hours: Decimal = Decimal(0)
    dispatches: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.closed if self.closed else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.pk,
            "name": self.person.name,
            "year": self.year,
            "by_category": self.by_category,
            "handled": self.handled,
            "closed": self.closed,
            "on_time": self.on_time,
            "on_time_rate": self.on_time_rate,
            "average_score": self.average_score,
            "declines_justified": self.declines_justified,
            "declines_unjustified": self.declines_unjustified,
            "declines_unjudged": self.declines_unjudged,
            "overtime_hours": str(self.overtime_hours),
            "leave_hours": str(self.leave_hours),
            "dispatches": self.dispatches,
        }


def work_archive(person: Any, year: int) -> WorkArchive:
    archive = WorkArchive(person=person, year=year)
    handled = (
        Matter.objects.filter(assignments__person=person, registered_at__year=year)
        .exclude(assignments__status=AssignmentStatus.DECLINED, assignments__person=person)
        .distinct()
    )
    counts = dict(handled.values_list("category").annotate(n=Count("pk")).order_by())
    archive.by_category = {str(label): counts.get(code, 0) for code, label in DutyCategory.choices}
    archive.handled = sum(counts.values())
    closed = handled.filter(status="closed")
    # On time = closed on or before the deadline by the Beijing calendar: `closed_at__date`
    # converts the stored UTC instant in the current time zone, as timezone.localdate() does.
    summary = closed.aggregate(
        n=Count("pk"),
        avg=Avg("score"),
        on_time=Count("pk", filter=Q(closed_at__date__lte=F("deadline"))),
    )
    archive.closed = summary["n"]
    archive.average_score = round(summary["avg"], 1) if summary["avg"] is not None else None
    archive.on_time = summary["on_time"]
    declines = Assignment.objects.filter(
        person=person, status=AssignmentStatus.DECLINED, assigned_at__year=year
    )
    judged = declines.aggregate(
        yes=Count("pk", filter=Q(decline_justified=True)),
        no=Count("pk", filter=Q(decline_justified=False)),
        open=Count("pk", filter=Q(decline_justified__isnull=True)),
    )
    archive.declines_justified, archive.declines_unjustified, archive.declines_unjudged = (
        judged["yes"],
        judged["no"],
        judged["open"],
    )
    hours = Overtime.objects.filter(person=person, worked_on__year=year).aggregate(h=Sum("hours"))[
        "h"
    ] or Decimal(0)
    archive.overtime_hours = archive.leave_hours = hours
    archive.dispatches = DispatchRequest.objects.filter(
        lawyer=person, status="dispatched", starts_on__year=year
    ).count()
    return archive
