"""The work archive of a public lawyer for a year (002 §15, 001 三(三)): the evidence the
annual assessment uses, built from the records alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from govcounsel.activities.archive import DisputeWork, dispute_work
from govcounsel.activities.choices import ActivityKind
from govcounsel.people.models import Person

from .choices import ENDED_ASSIGNMENTS, AssignmentStatus, DispatchStatus, DutyCategory, MatterStatus
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
    # 002 §7, §14: disputes, centre work and typed activities (activities/archive.py).
    disputes: DisputeWork | None = None

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
            **(self.disputes.as_dict() if self.disputes is not None else {}),
        }


def work_archive(person: Any, year: int) -> WorkArchive:
    archive = WorkArchive(person=person, year=year)
    # The matters the person is on: neither declined nor taken off by a reassignment (the
    # new lawyer does the work), and not withdrawn (no work was asked for in the end).
    on_it = Assignment.objects.filter(matter=OuterRef("pk"), person=person).exclude(
        status__in=ENDED_ASSIGNMENTS
    )
    handled = Matter.objects.filter(Exists(on_it), registered_at__year=year).exclude(
        status=MatterStatus.WITHDRAWN
    )
    counts = dict(handled.values_list("category").annotate(n=Count("pk")).order_by())
    archive.by_category = {str(label): counts.get(code, 0) for code, label in DutyCategory.choices}
    archive.handled = sum(counts.values())
    closed = handled.filter(status=MatterStatus.CLOSED)
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
    # 001 三(三): only a decline the office has judged to be without valid reason counts
    # against the lawyer; one not yet judged is shown as pending, never counted. The refusal
    # is the lawyer's act, so it stays on record if the matter is later withdrawn.
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
        lawyer=person, status=DispatchStatus.DISPATCHED, starts_on__year=year
    ).count()
    archive.disputes = dispute_work(person, year)
    return archive


# --- what the archive page and the API show ---------------------------------------------

# Ids people type in a query string: digits that fit the id column, anything else is no id.
_MAX_ID = 2**63 - 1


def parse_person_id(text: str | None) -> int | None:
    text = (text or "").strip()
    if text.isascii() and text.isdigit() and 0 < int(text) <= _MAX_ID:
        return int(text)
    return None


def archive_people(user: Any) -> QuerySet[Person]:
    """Whose archive the user may read: the people in their scope."""
    return Person.objects.visible_to(user)


def archive_lawyers(user: Any) -> QuerySet[Person]:
    """The page's choice of lawyers: the people in scope who hold or held a certificate."""
    from govcounsel.certificates.models import Certificate

    return (
        archive_people(user)
        .filter(pk__in=Certificate.objects.values("person_id"))
        .select_related("unit")
    )


def archive_of(user: Any, person_id: int | None, year: int) -> WorkArchive | None:
    """The archive of a person in the user's scope; None for anyone else (a 404 to the API)."""
    person = archive_people(user).filter(pk=person_id).first() if person_id else None
    return None if person is None else work_archive(person, year)


def archive_rows(a: WorkArchive) -> list[tuple[str, object]]:
    """The archive as (item, value) rows: the page's table and the export's lines."""
    rows: list[tuple[str, object]] = [
        (str(_("承办事项：%(category)s") % {"category": name}), n)
        for name, n in a.by_category.items()
    ]
    rate = "—" if a.on_time_rate is None else f"{a.on_time_rate * 100:.1f}%"
    score = a.average_score if a.average_score is not None else "—"
    rows += [
        (str(label), value)
        for label, value in (
            (_("承办事项合计"), a.handled),
            (_("已办结"), a.closed),
            (_("按期办结"), a.on_time),
            (_("按期办结率"), rate),
            (_("平均评价得分"), score),
            (_("拒绝承办（理由正当）"), a.declines_justified),
            (_("拒绝承办（无正当理由）"), a.declines_unjustified),
            (_("拒绝承办（待认定）"), a.declines_unjudged),
            (_("加班时长（小时）"), a.overtime_hours),
            (_("补休（小时）"), a.leave_hours),
            (_("跨单位调派次数"), a.dispatches),
        )
    ]
    if a.disputes is not None:
        rows += dispute_rows(a.disputes)
    return rows


def dispute_rows(d: DisputeWork) -> list[tuple[str, object]]:
    """002 §7, §14, §15: the disputes worked, the centre's work and the typed activities; a
    typed activity on a matter or dispute counted above is not counted again."""
    rows: list[tuple[str, object]] = [
        (str(_("参与化解行政争议")), d.disputes_worked),
        (str(_("其中：在行政系统内化解")), d.disputes_resolved),
        (str(_("担任和解调解员参与争议")), d.mediator_roles),
    ]
    if d.centre_sessions is not None:
        rows.append((str(_("参加和解中心和解调解（次）")), d.centre_sessions))
    rows += [
        (str(_("活动：%(kind)s") % {"kind": label}), d.activities_by_kind.get(code, 0))
        for code, label in ActivityKind.choices
    ]
    rows += [
        (str(_("参与化解行政争议活动合计（第七条）")), d.dispute_activities),
        (str(_("释案说法与送法活动合计（第十四条）")), d.outreach_activities),
        (str(_("释案说法与送法活动受众人数")), d.outreach_audience),
    ]
    return rows


# The page's list of lawyers to choose from stops here; a larger scope picks by id.
LAWYER_CHOICES = 500


@dataclass
class ArchivePage:
    """The work archive page: whom the user may choose, whom they chose, and the year's
    archive of that person (None when there is no lawyer to show)."""

    lawyers: QuerySet[Person]
    person: Person | None
    year: int
    archive: WorkArchive | None
    rows: list[tuple[str, object]]
    # The declines of the year not yet judged, on matters the reader may open (to judge them).
    pending: list[Assignment] = field(default_factory=list)

    def context(self) -> dict[str, Any]:
        context: dict[str, Any] = {
            "lawyers": self.lawyers[:LAWYER_CHOICES],
            "year": self.year,
            "person": self.person,
        }
        if self.archive is not None:
            context.update(archive=self.archive, rows=self.rows)
        if self.pending:
            context["pending"] = self.pending
        return context


def pending_declines(user: Any, person: Any, year: int) -> list[Assignment]:
    """The person's declines of the year that await the office's judgement, on the matters
    the user sees: the archive counts them as pending until judged (001 三(三))."""
    return list(
        Assignment.objects.filter(
            person=person,
            status=AssignmentStatus.DECLINED,
            decline_justified__isnull=True,
            assigned_at__year=year,
            matter__in=Matter.objects.visible_to(user),
        )
        .select_related("matter")
        .order_by("assigned_at")
    )


def archive_page(
    user: Any, *, person_id: int | None, year: int, lawyers: QuerySet[Person] | None = None
) -> ArchivePage:
    """The chosen lawyer's archive, or the first lawyer's when none is chosen; an id outside
    the lawyers in scope (or `lawyers`, those of them a search found) shows none."""
    lawyers = archive_lawyers(user) if lawyers is None else lawyers
    person = lawyers.filter(pk=person_id).first() if person_id else lawyers.first()
    if person is None:
        return ArchivePage(lawyers, None, year, None, [])
    record = work_archive(person, year)
    pending = pending_declines(user, person, year) if record.declines_unjudged else []
    return ArchivePage(lawyers, person, year, record, archive_rows(record), pending)
