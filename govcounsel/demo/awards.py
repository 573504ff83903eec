"""Liaocheng's annual awards (002 §19, §20): the rule of the city's measure, two decided
cycles (lawyer_lc awarded in both, so flagged 多次评优，人才推荐优先) and this year's cycle
open with candidates. Written through the services and verbs, acting as the logins of
demo/liaocheng.py; the figures are read from the dispute records seeded before."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from django.utils import timezone

from govcounsel.accounts.models import User
from govcounsel.awards import services
from govcounsel.awards.models import AwardCycle
from govcounsel.certificates.choices import CertificateStatus
from govcounsel.core import verbs
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

BASIS = "《聊城市公职律师参与行政争议化解工作实施办法》第十九条"
CLAUSE = (
    "市、县(市、区)人民政府和市属开发区管委会每年要结合各单位公职律师职能作用发挥情况和"
    "参与化解行政争议质效情况,组织公职律师参与行政纠纷化解工作先进单位、先进个人集中评选和"
    "表彰活动.多次被评优的公职律师应当在人才推荐、选拔任用、职级晋升中予以优先考虑。"
)
UNITS = ["聊城市市场监督管理局", "聊城市自然资源和规划局", "聊城市人力资源和社会保障局"]


def _verb(name: str) -> verbs.Verb:
    verb = verbs.find("awards.awardcycle", name)
    assert verb is not None
    return verb


def _lawyers(unit: Unit) -> list[Person]:
    return list(
        Person.objects.filter(unit=unit, certificates__status=CertificateStatus.ACTIVE)
        .order_by("pk")
        .distinct()
    )


def seed_awards(rng: random.Random) -> None:
    city = Region.objects.get(code="371500")
    supervisor = User.objects.get(username="supervisor_lc")
    bureau = User.objects.get(username="justice_lc")
    office = User.objects.get(username="unit_lc")
    flagged = User.objects.get(username="lawyer_lc").person
    assert flagged is not None  # the demo lawyer is a person
    units = {name: Unit.objects.get(name=name) for name in UNITS}
    # 002 §20: in force from 2022-02-01 to 2027-01-31.
    services.create_rule(
        by=supervisor,
        region=city,
        valid_from=date(2022, 2, 1),
        valid_to=date(2027, 1, 31),
        cycle_month=12,
        unit_quota=2,
        individual_quota=3,
        basis=BASIS,
        basis_text=CLAUSE,
    )
    year = timezone.localdate().year
    for past in (year - 2, year - 1):
        cycle = _candidates(rng, city, past, supervisor, bureau, units, flagged)
        _verb("lock").perform(cycle, bureau, note="经审核，确定候选名单。")
        cycle.refresh_from_db()
        chosen_units = list(cycle.candidates.units().order_by("pk")[:2])
        # lawyer_lc is awarded both years: 多次评优 (002 §19).
        people = list(cycle.candidates.individuals().order_by("pk"))
        chosen = [c for c in people if c.person_id == flagged.pk]
        chosen += [c for c in people if c.person_id != flagged.pk][:2]
        _verb("decide").perform(
            cycle,
            supervisor,
            units=chosen_units,
            individuals=chosen,
            dated=date(past, 12, 28),
        )
    # This year's selection, still taking candidates: the bureau's proposals and the
    # market regulator's own nomination.
    cycle = _candidates(rng, city, year, supervisor, bureau, units, flagged, open_only=True)
    _verb("nominate").perform(cycle, office, reason="本单位全年诉前化解行政争议成效明显。")


def _candidates(
    rng: random.Random,
    city: Region,
    year: int,
    supervisor: Any,
    bureau: Any,
    units: dict[str, Unit],
    flagged: Person,
    open_only: bool = False,
) -> AwardCycle:
    cycle = services.open_cycle(
        by=supervisor, region=city, year=year, note=f"{year}年度评选，12月作出表彰决定。"
    )
    propose = _verb("propose")
    names = UNITS[1:] if open_only else UNITS
    for name in names:
        propose.perform(
            cycle, bureau, unit=units[name], reason="公职律师参与化解行政争议成效突出。"
        )
    people = [flagged] + [p for name in UNITS for p in _lawyers(units[name]) if p != flagged]
    for person in people[: 4 + rng.randrange(0, 2)]:
        propose.perform(cycle, bureau, person=person, reason="全年主办、参与多起行政争议化解。")
    return cycle
