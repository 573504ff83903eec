"""Reads of the reconciliation centre: the rule in force, who may mediate a dispute and why
not, the organs that nominated nobody, and the ledger per organ (002 §10)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from govcounsel.disputes.choices import DisputeStatus
from govcounsel.disputes.models import Dispute, DisputeLawyer
from govcounsel.organisations.choices import UnitKind
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

from .choices import Exclusion, NominationStatus, SessionStatus
from .models import MediationSession, MediatorAssignment, MediatorDraw, Nomination, PoolRule


def rule_in_force(region: Region, day: date | None = None) -> PoolRule | None:
    """The pool rule for a region on a day: the region's own, or that of the nearest region
    above it that has one."""
    day = day or timezone.localdate()
    step = type(region).steplen
    above = [region.path[:end] for end in range(step, len(region.path) + 1, step)]
    rules = list(
        PoolRule.objects.filter(region__path__in=above).in_force(day).select_related("region")
    )
    if not rules:
        return None
    return max(rules, key=lambda r: (len(r.region.path), r.valid_from, r.pk))


@dataclass
class Eligibility:
    """A nominee of the pool, for one dispute: eligible, or each reason they are not."""

    nomination: Nomination
    load: int
    reasons: list[str] = field(default_factory=list)

    @property
    def person(self) -> Person:
        return self.nomination.person

    @property
    def eligible(self) -> bool:
        return not self.reasons

    @property
    def reasons_text(self) -> str:
        return "、".join(str(Exclusion(r).label) for r in self.reasons)


def loads(person_ids: list[int]) -> dict[int, int]:
    """Open disputes each mediator is on (active assignments, dispute not finished)."""
    rows = (
        MediatorAssignment.objects.load()
        .filter(person_id__in=person_ids)
        .values("person_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["person_id"]: row["n"] for row in rows}


def pool(rule: PoolRule, day: date) -> QuerySet[Nomination]:
    """The nominations of the centre's region that have started by the day and are not
    ended or renewed (an expired one is listed, with its reason)."""
    return (
        Nomination.objects.filter(
            status=NominationStatus.ACTIVE,
            unit__region__path__startswith=rule.region.path,
            starts_on__lte=day,
        )
        .select_related("person", "person__unit", "unit")
        .order_by("person_id", "-ends_on")
    )


def eligibility(dispute: Dispute, rule: PoolRule, day: date | None = None) -> list[Eligibility]:
    """Every nominee of the pool with the reasons (none: eligible) they may not mediate this
    dispute under this rule (002 §10: their own system's cases)."""
    day = day or timezone.localdate()
    nominations: dict[int, Nomination] = {}
    for nomination in pool(rule, day):
        # One line per person: their latest term.
        nominations.setdefault(nomination.person_id, nomination)
    on_dispute = set(
        DisputeLawyer.objects.filter(dispute=dispute).values_list("person_id", flat=True)
    )
    load = loads(list(nominations))
    rows = []
    for person_id, nomination in nominations.items():
        reasons = []
        if rule.same_sector and nomination.unit.sector != dispute.unit.sector:
            reasons.append(Exclusion.OTHER_SECTOR)
        if rule.exclude_own_staff and dispute.unit_id in (
            nomination.unit_id,
            nomination.person.unit_id,
        ):
            reasons.append(Exclusion.OWN_STAFF)
        if person_id in on_dispute:
            reasons.append(Exclusion.ON_DISPUTE)
        if load.get(person_id, 0) >= rule.load_cap:
            reasons.append(Exclusion.AT_CAP)
        if nomination.ends_on < day:
            reasons.append(Exclusion.EXPIRED)
        rows.append(Eligibility(nomination, load.get(person_id, 0), [str(r) for r in reasons]))
    return sorted(rows, key=lambda r: (not r.eligible, r.nomination.unit.name, r.person.name))


def awaiting_mediator(disputes: QuerySet[Dispute]) -> QuerySet[Dispute]:
    """Disputes the centre works (qualified or handling) with no active mediator yet."""
    live = MediatorAssignment.objects.active().filter(dispute=OuterRef("pk"))
    return disputes.filter(status__in=(DisputeStatus.QUALIFIED, DisputeStatus.HANDLING)).exclude(
        Exists(live)
    )


def obliged_units(paths: Iterable[str], day: date | None = None) -> QuerySet[Unit]:
    """The administrative organs (002 §10 "行政机关") in being in the regions at these paths
    and below."""
    day = day or timezone.localdate()
    where = Q(pk__in=[])
    for path in paths:
        where |= Q(region__path__startswith=path)
    return Unit.objects.filter(
        where, kind=UnitKind.GOVERNMENT_ORGAN, established_on__lte=day
    ).filter(Q(abolished_on__isnull=True) | Q(abolished_on__gt=day))


def missing_units(units: QuerySet[Unit], year: int) -> QuerySet[Unit]:
    """Of these organs, those with no nomination counting in the year."""
    nominated = Nomination.objects.counting().filter(unit=OuterRef("pk"), year=year)
    return units.exclude(Exists(nominated))


def _count(rows: QuerySet[Any]) -> Coalesce:
    return Coalesce(
        Subquery(rows.order_by().values("k").annotate(n=Count("pk", distinct=True)).values("n")),
        Value(0),
        output_field=IntegerField(),
    )


def with_ledger(units: QuerySet[Unit], year: int, day: date | None = None) -> QuerySet[Unit]:
    """Each organ's line of the ledger (002 §10) for a year: mediators it contributed (in
    force on the day), sessions its mediators held in the year, its disputes the centre
    took up (a draw in the year)."""
    day = day or timezone.localdate()
    contributed = Nomination.objects.in_force(day).filter(unit=OuterRef("pk")).annotate(k=Value(1))
    sessions = MediationSession.objects.filter(
        status=SessionStatus.HELD,
        starts_at__year=year,
        mediators__mediator_assignments__nomination__unit=OuterRef("pk"),
        mediators__mediator_assignments__dispute=F("dispute"),
    ).annotate(k=Value(1))
    received = Dispute.objects.filter(
        unit=OuterRef("pk"),
        pk__in=MediatorDraw.objects.filter(drawn_at__year=year).values("dispute_id"),
    ).annotate(k=Value(1))
    return units.annotate(
        mediators=_count(contributed),
        sessions_held=_count(sessions),
        disputes_received=_count(received),
    )


def mediator_roles(person_id: int) -> QuerySet[MediatorAssignment]:
    """A lawyer's parts as mediator ("我的和解调解")."""
    return (
        MediatorAssignment.objects.filter(person_id=person_id)
        .select_related("dispute", "dispute__unit")
        .order_by("-assigned_at")
    )
