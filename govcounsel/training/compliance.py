"""Each public lawyer's training compliance for a year, and what is missing (000 #9).

A region's figures come from a fixed handful of grouped queries, whatever the number of
lawyers: the lawyers in post in the year with their certificate dates (grouped by person),
attended courses and verified self-claims (grouped by person, category and kind), the
exemptions, and the requirements in force. Nothing is read per lawyer.

Proration. A lawyer owes the share of the year they were in post with a valid certificate:
a calendar month counts when the certificate was valid on any day of it (a certificate
issued on 20 June counts June to December, 7 months); months excused by an exemption are
taken off. The share of each minimum (trainings, hours, each category) is rounded UP to a
whole training and a whole hour, so that a lawyer in post for any part of the year still
owes at least one training (000 #9: 每年参加不少于一次); 12 months owe the full minimum, 0
owe nothing.

The requirement applying to a lawyer is that of the nearest region above their unit with
one in force in the year (the latest to take effect, where two overlap it); with none, the
floor of 000 #9: one training a year.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from govcounsel.certificates.models import Certificate

from .choices import Category, ClaimStatus, CourseKind
from .models import Enrolment, ExternalClaim, TrainingExemption, TrainingRequirement

ZERO = Decimal("0")


def months_in_post(first: date, ended: date | None, year: int) -> int:
    """Calendar months of `year` in which a certificate issued on `first` and ending on
    `ended` (the day it stopped counting; None while valid) was valid on some day."""
    start = max(first, date(year, 1, 1))
    last = (
        date(year, 12, 31) if ended is None else min(ended - timedelta(days=1), date(year, 12, 31))
    )
    if last < start:
        return 0
    return last.month - start.month + 1


def prorate(minimum: Decimal | int | None, months: int) -> Decimal:
    """The share of a yearly minimum owed for `months` in post, rounded up to a whole unit."""
    if not minimum or months <= 0:
        return ZERO
    if months >= 12:
        return Decimal(minimum)
    return Decimal(math.ceil(Decimal(minimum) * months / 12))


@dataclass
class Done:
    trainings: int = 0
    hours: Decimal = ZERO


@dataclass
class Standing:
    """One lawyer's year: what was owed, what was done, what is missing."""

    person_id: int
    name: str
    unit_id: int
    unit_name: str
    region_path: str
    year: int
    months: int
    exempt_months: int = 0
    exemption_reason: str = ""
    requirement: TrainingRequirement | None = None
    owed_trainings: Decimal = ZERO
    owed_hours: Decimal = ZERO
    done: Done = field(default_factory=Done)
    by_category: dict[str, Done] = field(default_factory=dict)
    owed_by_category: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    pre_service_due: date | None = None
    pre_service_done: bool = False
    missing: list[str] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.person_id

    @property
    def counted_months(self) -> int:
        return max(0, self.months - self.exempt_months)

    @property
    def behind(self) -> bool:
        return bool(self.missing)

    @property
    def pre_service_overdue(self) -> bool:
        return bool(
            self.pre_service_due
            and not self.pre_service_done
            and self.pre_service_due < timezone.localdate()
        )

    @property
    def missing_text(self) -> str:
        return "；".join(self.missing)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("training:lawyer", kwargs={"person_id": self.person_id}) + (
            f"?year={self.year}"
        )

    def _work_out(self, today: date) -> None:
        requirement = self.requirement
        months = self.counted_months
        self.owed_trainings = prorate(requirement.min_trainings if requirement else 1, months)
        self.owed_hours = prorate(requirement.min_hours if requirement else None, months)
        missing: list[str] = []
        if self.done.trainings < self.owed_trainings:
            missing.append(
                _("还需参加培训%(n)s次") % {"n": int(self.owed_trainings - self.done.trainings)}
            )
        if self.done.hours < self.owed_hours:
            missing.append(_("还差%(h)s学时") % {"h": self.owed_hours - self.done.hours})
        for minimum in requirement.minimums.all() if requirement and requirement.pk else []:
            hours = prorate(minimum.min_hours, months)
            count = prorate(minimum.min_trainings, months)
            self.owed_by_category[minimum.category] = (count, hours)
            done = self.by_category.get(minimum.category, Done())
            label = Category(minimum.category).label
            if done.trainings < count:
                missing.append(
                    _("%(category)s类还需参加%(n)s次")
                    % {"category": label, "n": int(count - done.trainings)}
                )
            if done.hours < hours:
                missing.append(
                    _("%(category)s类还差%(h)s学时") % {"category": label, "h": hours - done.hours}
                )
        if self.pre_service_due and not self.pre_service_done:
            missing.append(
                _("职前培训应于%(day)s前完成") % {"day": self.pre_service_due.isoformat()}
            )
        self.missing = missing


def _requirements(year: int) -> list[TrainingRequirement]:
    rows = (
        TrainingRequirement.objects.in_force(year)
        .select_related("region")
        .prefetch_related("minimums")
        .order_by("region__path", "effective_from", "id")
    )
    # Per region, the latest to take effect wins (rows are in order of effect).
    latest: dict[str, TrainingRequirement] = {}
    for row in rows:
        latest[row.region.path] = row
    return list(latest.values())


def requirement_for(path: str, requirements: Iterable[TrainingRequirement]) -> Any:
    """The requirement of the nearest region at or above `path`."""
    best = None
    for requirement in requirements:
        own = requirement.region.path
        if path.startswith(own) and (best is None or len(own) > len(best.region.path)):
            best = requirement
    return best


def standings(people: QuerySet[Any], year: int, *, today: date | None = None) -> list[Standing]:
    """The standing of each of `people` (a Person queryset, e.g. visible_to a reader and
    under a region) in post at some time in `year`; a fixed number of queries."""
    today = today or timezone.localdate()
    first_day, last_day = date(year, 1, 1), date(year, 12, 31)
    in_post = (
        Certificate.objects.filter(person__in=people.values("pk"), issued_on__lte=last_day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=first_day))
        .values(
            "person_id",
            "person__name",
            "person__unit_id",
            "person__unit__name",
            "person__unit__region__path",
        )
        .annotate(first=Min("issued_on"), still=Count("pk", filter=Q(ended_on__isnull=True)))
        .annotate(last=Max("ended_on"))
        .order_by("person__unit__name", "person__name", "person_id")
    )
    rows = list(in_post)
    if not rows:
        return []
    ids = Certificate.objects.filter(
        person__in=people.values("pk"), issued_on__lte=last_day
    ).values("person_id")
    done: dict[int, Done] = defaultdict(Done)
    by_category: dict[int, dict[str, Done]] = defaultdict(lambda: defaultdict(Done))
    pre_service: set[int] = set()
    credits = (
        Enrolment.objects.attended()
        .filter(person_id__in=ids, course__ends_on__year=year)
        .values("person_id", "course__category")
        .annotate(n=Count("pk"), h=Sum("hours"))
        .values_list("person_id", "course__category", "n", "h"),
        ExternalClaim.objects.filter(status=ClaimStatus.VERIFIED, person_id__in=ids, day__year=year)
        .values("person_id", "category")
        .annotate(n=Count("pk"), h=Sum("hours"))
        .values_list("person_id", "category", "n", "h"),
    )
    for rows_of in credits:
        for person_id, category, n, hours in rows_of:
            for target in (done[person_id], by_category[person_id][category]):
                target.trainings += n
                target.hours += hours or ZERO
    pre_service.update(
        Enrolment.objects.attended()
        .filter(person_id__in=ids, course__kind=CourseKind.PRE_SERVICE)
        .values_list("person_id", flat=True)
    )
    pre_service.update(
        ExternalClaim.objects.filter(
            status=ClaimStatus.VERIFIED, person_id__in=ids, kind=CourseKind.PRE_SERVICE
        ).values_list("person_id", flat=True)
    )
    exemptions = {
        e.person_id: e for e in TrainingExemption.objects.filter(person_id__in=ids, year=year)
    }
    requirements = _requirements(year)
    result = []
    for row in rows:
        person_id = row["person_id"]
        ended = None if row["still"] else row["last"]
        standing = Standing(
            person_id=person_id,
            name=row["person__name"],
            unit_id=row["person__unit_id"],
            unit_name=row["person__unit__name"],
            region_path=row["person__unit__region__path"],
            year=year,
            months=months_in_post(row["first"], ended, year),
            requirement=requirement_for(row["person__unit__region__path"], requirements),
            done=done.get(person_id, Done()),
            by_category=dict(by_category.get(person_id, {})),
        )
        exemption = exemptions.get(person_id)
        if exemption is not None:
            standing.exempt_months = exemption.months
            standing.exemption_reason = exemption.reason
        requirement = standing.requirement
        after = requirement.pre_service_after if requirement is not None else None
        if requirement is not None and after and row["first"] >= after:
            standing.pre_service_due = row["first"] + timedelta(days=requirement.pre_service_days)
            standing.pre_service_done = person_id in pre_service
        standing._work_out(today)
        result.append(standing)
    return result


@dataclass
class RegionFigures:
    year: int
    lawyers: int
    compliant: int
    behind: int
    exempt: int
    pre_service_overdue: int

    @property
    def rate(self) -> Decimal:
        if not self.lawyers:
            return ZERO
        return (Decimal(self.compliant) * 100 / self.lawyers).quantize(Decimal("0.1"))


def figures(rows: list[Standing], year: int) -> RegionFigures:
    return RegionFigures(
        year=year,
        lawyers=len(rows),
        compliant=sum(1 for r in rows if not r.behind),
        behind=sum(1 for r in rows if r.behind),
        exempt=sum(1 for r in rows if r.counted_months == 0 and r.exempt_months),
        pre_service_overdue=sum(1 for r in rows if r.pre_service_overdue),
    )
