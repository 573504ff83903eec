from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from govcounsel.certificates.models import ActivePeriod
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from .choices import ENDED_ASSIGNMENTS, FINISHED, DispatchStatus


def public_lawyers_of(
    unit: Unit, on: date | None = None, *, own_only: bool = False
) -> QuerySet[Person]:
    """The unit's public lawyers on the day: its own (a certificate of this unit in an
    active period) and, unless `own_only`, those dispatched to it for that day (001 一(三))."""
    from .models import DispatchRequest

    day = on or timezone.localdate()
    own = ActivePeriod.objects.covering(day).filter(unit=unit).values("certificate__person_id")
    condition = Q(pk__in=own)
    if not own_only:
        lent = DispatchRequest.objects.filter(
            unit=unit, status=DispatchStatus.DISPATCHED, starts_on__lte=day, ends_on__gte=day
        )
        condition |= Q(pk__in=lent.values("lawyer_id"))
    return Person.objects.filter(condition).order_by("name_pinyin")


@dataclass
class Candidate:
    person: Person
    matches: bool
    load: int
    distance: int  # 0 the same county … 3 another province

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        return (0 if self.matches else 1, self.load, self.distance, self.person.name_pinyin)


def open_load(people: QuerySet[Person]) -> dict[int, int]:
    """Open matters each lawyer leads, plus dispatches under way."""
    from .models import Assignment, DispatchRequest

    load: dict[int, int] = {}
    leading = (
        Assignment.objects.filter(person__in=people, is_lead=True)
        .exclude(status__in=ENDED_ASSIGNMENTS)
        .exclude(matter__status__in=FINISHED)
        .values("person_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in leading:
        load[row["person_id"]] = row["n"]
    lent = (
        DispatchRequest.objects.filter(
            lawyer__in=people, status=DispatchStatus.DISPATCHED, ends_on__gte=timezone.localdate()
        )
        .values("lawyer_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for lawyer_row in lent:
        load[lawyer_row["lawyer_id"]] = load.get(lawyer_row["lawyer_id"], 0) + lawyer_row["n"]
    return load


def talent_pool(superior: Unit) -> QuerySet[Person]:
    """The active public lawyers of a superior unit's whole vertical system (001 一(三))."""
    periods = ActivePeriod.objects.covering(timezone.localdate()).filter(
        unit__system_path__startswith=superior.system_path
    )
    return (
        Person.objects.filter(pk__in=periods.values("certificate__person_id"))
        .select_related("unit__region")
        .prefetch_related("expertise")
    )


def pool_of(heads: QuerySet[Unit]) -> QuerySet[Person]:
    """The talent pools of the systems the units head, as one register, each lawyer with
    the open load `open_load` counts (`load`), so that a page, its export and its print show
    the same figure."""
    from .models import Assignment, DispatchRequest

    systems = Q(pk__in=[])
    for path in heads.values_list("system_path", flat=True):
        systems |= Q(unit__system_path__startswith=path)
    periods = ActivePeriod.objects.covering(timezone.localdate()).filter(systems)
    leading = (
        Assignment.objects.filter(person=OuterRef("pk"), is_lead=True)
        .exclude(status__in=ENDED_ASSIGNMENTS)
        .exclude(matter__status__in=FINISHED)
        .values("person")
        .annotate(n=Count("pk"))
        .values("n")
    )
    lent = (
        DispatchRequest.objects.filter(
            lawyer=OuterRef("pk"),
            status=DispatchStatus.DISPATCHED,
            ends_on__gte=timezone.localdate(),
        )
        .values("lawyer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    zero = Value(0, output_field=IntegerField())
    return (
        Person.objects.filter(pk__in=periods.values("certificate__person_id"))
        .select_related("unit__region")
        .prefetch_related("expertise")
        .annotate(
            load=Coalesce(Subquery(leading, output_field=IntegerField()), zero)
            + Coalesce(Subquery(lent, output_field=IntegerField()), zero)
        )
        .order_by("unit__system_path", "unit__name", "name_pinyin", "pk")
    )


def rank_candidates(request: Any) -> list[Candidate]:
    """Pool members ranked by expertise match, open load and nearness to the requesting
    unit; never the requesting unit's own staff."""
    pool = talent_pool(request.superior).exclude(unit=request.unit)
    loads = open_load(pool)
    home = request.unit.region.path
    candidates = []
    for person in pool:
        path = person.unit.region.path
        shared = next(
            (i for i in range(len(home)) if i >= len(path) or path[i] != home[i]), len(home)
        )
        distance = max(0, 3 - shared // 4)
        matches = request.expertise_id is not None and any(
            e.pk == request.expertise_id for e in person.expertise.all()
        )
        candidates.append(Candidate(person, matches, loads.get(person.pk, 0), distance))
    return sorted(candidates, key=lambda c: c.sort_key)


def assignable_people(user: Any) -> QuerySet[Person]:
    """Whom the user may name on a matter: the people they can see, and the lawyers lent
    (dispatched) today to a unit whose requests they see (001 一(三)). The assignment
    service then checks that the person is a public lawyer of the matter's unit."""
    from .models import DispatchRequest

    day = timezone.localdate()
    lent = DispatchRequest.objects.visible_to(user).filter(
        status=DispatchStatus.DISPATCHED, starts_on__lte=day, ends_on__gte=day
    )
    return Person.objects.filter(
        Q(pk__in=Person.objects.visible_to(user).values("pk")) | Q(pk__in=lent.values("lawyer_id"))
    )
