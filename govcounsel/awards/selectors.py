"""What the awards pages read: a candidate's figures of the year from the records (002 §15,
§19), the lawyers awarded more than once (002 §19), the rule in force (002 §20).

The figures come from the records of the other apps, never typed: disputes (disputes
app), sessions of the reconciliation centre, typical cases and typed activities. A record the
platform does not keep (the annual assessment grade) is shown as "—" with a note, never
invented."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import Count, Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from govcounsel.casebook.choices import CaseStatus
from govcounsel.disputes.choices import AssignmentStatus
from govcounsel.disputes.models import Dispute, DisputeLawyer
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person
from govcounsel.reconciliation.choices import SessionStatus

from .choices import REPEATED_AWARDS, CandidateKind, CycleStatus
from .models import AwardCycle, AwardRule, Candidate

# The annual practice assessment (001 三(三)) is not kept in the platform yet.
ASSESSMENT_NOTE = _("年度考核等次尚未在平台登记，暂不显示。")
NOT_CONNECTED = _("相关记录尚未接入，暂不计入。")


@dataclass(frozen=True)
class Figures:
    """A candidate's figures of one year. None: the record is not kept in the platform."""

    disputes_handled: int = 0
    disputes_resolved: int = 0
    mediator_roles: int = 0
    sessions_held: int | None = None
    cases_published: int | None = None
    activities: int | None = None
    assessment: str | None = None
    # Units only: the unit's own disputes resolved before litigation (诉源治理, 002 §12).
    unit_resolved: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figures:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def __add__(self, other: Figures) -> Figures:
        def plus(a: Any, b: Any) -> Any:
            return None if a is None or b is None else a + b

        return Figures(
            **{
                f.name: plus(getattr(self, f.name), getattr(other, f.name))
                for f in fields(self)
                if f.name not in ("assessment", "unit_resolved")
            }
        )


# The columns of the figures, in the order the pages, the export and the API show them.
FIGURE_LABELS: list[tuple[str, Any]] = [
    ("disputes_handled", _("参与化解争议")),
    ("disputes_resolved", _("化解成功")),
    ("mediator_roles", _("担任和解调解员")),
    ("sessions_held", _("主持或参加和解调解")),
    ("cases_published", _("入选典型案例")),
    ("activities", _("参与化解工作活动")),
    ("unit_resolved", _("本单位诉前化解争议")),
    ("assessment", _("年度考核等次")),
]


def _pk(obj: Model | int) -> int:
    return obj if isinstance(obj, int) else int(obj.pk)


def shown(value: Any) -> str:
    return "—" if value is None else str(value)


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


# --- records of the other apps -----------------------------------------------------------------


def _model(label: str) -> type[Model] | None:
    """The other app's model, read lazily; None where the app does not keep that record."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _sessions_held(person_ids: list[int], year: int) -> int | None:
    """Sessions of the reconciliation centre held in the year with the lawyer among their
    mediators (002 §10)."""
    model = _model("reconciliation.MediationSession")
    if model is None:
        return None
    rows = model._default_manager.filter(
        status=SessionStatus.HELD, starts_at__year=year, mediators__in=person_ids
    )
    return rows.values("pk").distinct().count()


def _cases_published(person_ids: list[int], year: int) -> int | None:
    """Typical cases of the year, published, on disputes the lawyer worked (002 §18)."""
    model = _model("casebook.TypicalCase")
    if model is None:
        return None
    rows = model._default_manager.filter(
        status=CaseStatus.PUBLISHED,
        year=year,
        dispute__lawyers__person_id__in=person_ids,
        dispute__lawyers__status=AssignmentStatus.ACTIVE,
    )
    return rows.values("pk").distinct().count()


def _activities(person_ids: list[int], year: int) -> int | None:
    """The lawyer's typed activities of the year (002 §7, §14)."""
    model = _model("activities.Activity")
    if model is None:
        return None
    rows = model._default_manager.filter(day__year=year, people__in=person_ids)
    return rows.values("pk").distinct().count()


# --- figures ---------------------------------------------------------------------------------


def _roles(person_ids: list[int], year: int) -> QuerySet[DisputeLawyer]:
    # A lawyer relieved from a dispute (002 §9) did not handle it.
    return DisputeLawyer.objects.filter(
        person_id__in=person_ids, dispute__registered_at__year=year
    ).exclude(status=AssignmentStatus.RELIEVED)


def person_figures(person: Person | int, year: int) -> Figures:
    """A public lawyer's figures of the year, from the records."""
    return _figures([_pk(person)], year, per_person=True)


def _figures(person_ids: list[int], year: int, *, per_person: bool) -> Figures:
    roles = _roles(person_ids, year)
    handled = roles.filter(mediator=False)
    resolved_disputes = Dispute.objects.resolved().values("pk")
    # Summed over the lawyers: a dispute two lawyers worked counts for each (002 §19 rewards
    # each lawyer's part); for one lawyer each dispute counts once.
    key = "pk" if not per_person else "dispute_id"
    return Figures(
        disputes_handled=handled.values(key).distinct().count(),
        disputes_resolved=handled.filter(dispute_id__in=resolved_disputes)
        .values(key)
        .distinct()
        .count(),
        mediator_roles=roles.filter(mediator=True).values(key).distinct().count(),
        sessions_held=_sessions_held(person_ids, year),
        cases_published=_cases_published(person_ids, year),
        activities=_activities(person_ids, year),
    )


def lawyers_of(unit: Unit | int, year: int) -> QuerySet[Person]:
    """The unit's public lawyers in the year: holders of a certificate of the unit that
    counted at some time of the year."""
    from govcounsel.certificates.models import Certificate

    start, end = year_bounds(year)
    holders = Certificate.objects.filter(
        unit_id=getattr(unit, "pk", unit), issued_on__lte=end
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    return Person.objects.filter(pk__in=holders.values("person_id"))


def unit_figures(unit: Unit | int, year: int) -> Figures:
    """A unit's figures of the year: its lawyers' figures summed, and its own disputes of
    the year resolved before litigation."""
    ids = list(lawyers_of(unit, year).values_list("pk", flat=True))
    summed = _figures(ids, year, per_person=False) if ids else Figures()
    own = (
        Dispute.objects.resolved()
        .filter(unit_id=getattr(unit, "pk", unit), registered_at__year=year)
        .count()
    )
    return Figures(**{**summed.as_dict(), "unit_resolved": own})


def live_figures(candidate: Candidate) -> Figures:
    year = candidate.cycle.year
    if candidate.kind == CandidateKind.UNIT:
        return unit_figures(candidate.unit_id, year)
    assert candidate.person_id is not None
    return person_figures(candidate.person_id, year)


def figures_of(candidate: Candidate) -> Figures:
    """The figures kept when the list was closed, or today's reading while it is open."""
    if candidate.figures is not None:
        return Figures.from_dict(candidate.figures)
    return live_figures(candidate)


# --- multiple awards (002 §19) ----------------------------------------------------------------


def award_counts(person_ids: Iterable[int]) -> dict[int, int]:
    """How many decided cycles awarded each of these people."""
    rows = (
        Candidate.objects.filter(
            person_id__in=list(person_ids), awarded=True, cycle__status=CycleStatus.CLOSED
        )
        .values("person_id")
        .annotate(n=Count("cycle", distinct=True))
    )
    return {row["person_id"]: row["n"] for row in rows}


def repeatedly_awarded(people: QuerySet[Person] | None = None) -> QuerySet[Person]:
    """Public lawyers awarded in two or more cycles: 多次评优，人才推荐优先 (002 §19)."""
    people = Person.objects.all() if people is None else people
    awarded = Q(
        award_candidacies__awarded=True, award_candidacies__cycle__status=CycleStatus.CLOSED
    )
    return people.annotate(
        award_count=Count("award_candidacies__cycle", filter=awarded, distinct=True)
    ).filter(award_count__gte=REPEATED_AWARDS)


def is_repeatedly_awarded(person: Person | int) -> bool:
    pk = _pk(person)
    return award_counts([pk]).get(pk, 0) >= REPEATED_AWARDS


# --- rules (002 §20) ---------------------------------------------------------------------------


def appraisal_day(year: int) -> date:
    """The day a cycle's rule must be in force on: the last day of the year appraised."""
    return date(year, 12, 31)


def rule_for(region: Region, year: int) -> AwardRule | None:
    """The rule in force for the region's cycle of the year: the region's own, or the
    nearest region's above it (a county follows its city's measure)."""
    step = type(region).steplen
    paths = [region.path[:end] for end in range(step, len(region.path) + 1, step)]
    rules = AwardRule.objects.filter(region__path__in=paths).in_force(appraisal_day(year))
    return max(
        rules.select_related("region"),
        key=lambda r: (len(r.region.path), r.valid_from),
        default=None,
    )


# --- the cycle page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CandidateRow:
    candidate: Candidate
    figures: Figures
    repeated: bool

    @property
    def values(self) -> list[str]:
        return [shown(getattr(self.figures, key)) for key, _label in FIGURE_LABELS]


def candidate_rows(cycle: AwardCycle, candidates: Iterable[Candidate]) -> list[CandidateRow]:
    candidates = list(candidates)
    counts = award_counts(c.person_id for c in candidates if c.person_id)
    return [
        CandidateRow(
            c,
            figures_of(c),
            bool(c.person_id and counts.get(c.person_id, 0) >= REPEATED_AWARDS),
        )
        for c in candidates
    ]


def cycles_awaiting(user: Any) -> QuerySet[AwardCycle]:
    return AwardCycle.objects.visible_to(user).awaiting_decision()
