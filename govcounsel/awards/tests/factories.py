"""Award rules, cycles and the records their figures are read from, made for tests."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils import timezone

from govcounsel.awards import services
from govcounsel.awards.models import AwardCycle, AwardRule
from govcounsel.disputes.models import Dispute, DisputeLawyer

BASIS = "聊城市公职律师参与行政争议化解工作实施办法第十九条"


def rule(cast: Any, region: Any = None, **fields: Any) -> AwardRule:
    """The committee office's rule for its region, in force 2022-02-01 to 2027-01-31 (002 §20)."""
    values = {
        "valid_from": date(2022, 2, 1),
        "valid_to": date(2027, 1, 31),
        "cycle_month": 12,
        "unit_quota": 1,
        "individual_quota": 1,
        "basis": BASIS,
        **fields,
    }
    return services.create_rule(
        by=cast.parent_region, region=region or cast.tree.chaoyang, **values
    )


def cycle(cast: Any, year: int | None = None, **kwargs: Any) -> AwardCycle:
    """An open cycle of 朝阳区 for the year (this year unless named), under a rule."""
    year = year or timezone.localdate().year
    if not AwardRule.objects.filter(region=cast.tree.chaoyang).exists():
        rule(cast, valid_from=date(2020, 1, 1), valid_to=None)
    return services.open_cycle(by=cast.parent_region, region=cast.tree.chaoyang, year=year)


def with_candidates(cast: Any, year: int | None = None) -> AwardCycle:
    """An open cycle with unit_a and its lawyer person_a as candidates."""
    c = cycle(cast, year)
    if not cast.tree.person_a.certificates.exists():
        # Certified long before, so that person_a is a public lawyer in any year tested.
        cast.certify(cast.tree.person_a, issued_on=date(2020, 1, 6))
    services.propose(cycle=c, by=cast.bureau, unit=cast.tree.unit_a, reason="化解成效突出")
    services.propose(cycle=c, by=cast.bureau, person=cast.tree.person_a, reason="主办多起争议")
    return c


def locked(cast: Any, year: int | None = None) -> AwardCycle:
    c = with_candidates(cast, year)
    return services.lock_list(cycle=c, by=cast.bureau)


def decided(cast: Any, year: int | None = None) -> AwardCycle:
    c = locked(cast, year)
    return services.decide(
        cycle=c,
        by=cast.parent_region,
        units=list(c.candidates.units()),
        individuals=list(c.candidates.individuals()),
    )


def dispute(
    unit: Any,
    *,
    registered: datetime,
    resolved: bool = False,
    outcome: str = "",
    lawyers: tuple[Any, ...] = (),
    mediators: tuple[Any, ...] = (),
    title: str = "某行政处罚争议",
) -> Dispute:
    """A dispute as the records hold it, written directly: the figures read these rows."""
    closed = resolved or bool(outcome)
    row = Dispute.objects.create(
        unit=unit,
        title=title,
        counterparty_kind="person",
        counterparty_name="张某",
        act_kind="act",
        act="行政处罚",
        contested="处罚过重",
        origin="complaint",
        registered_at=registered,
        status="closed" if closed else "handling",
        outcome=("settled" if resolved else outcome) if closed else "",
    )
    for person in lawyers:
        DisputeLawyer.objects.create(dispute=row, person=person)
    for person in mediators:
        DisputeLawyer.objects.create(dispute=row, person=person, mediator=True)
    return row
