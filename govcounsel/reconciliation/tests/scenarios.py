"""Arrangements of the centre's verbs for the cast (core/tests/test_verbs.py): a rule for
朝阳区 kept by `reconciliation`, person_a2 (朝阳分局, same business system as unit_a by
default) nominated by `sibling_unit`, and a qualified dispute of unit_a."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from .. import services
from ..models import PoolRule
from .factories import dispute_of, rule_for


def _rule(cast: Any) -> PoolRule:
    found = PoolRule.objects.filter(region=cast.tree.chaoyang, retired_on__isnull=True).first()
    return found or rule_for(cast.tree.chaoyang, cast.reconciliation, load_cap=50, term_months=1)


def rule(cast: Any) -> PoolRule:
    return rule_for(cast.tree.chaoyang, cast.reconciliation, basis="002 第十条（新）")


def nomination(cast: Any) -> Any:
    _rule(cast)
    person = cast.tree.person_a2
    found = person.mediator_nominations.filter(status="active").first()
    if found:
        services.end_nomination(nomination=found, by=cast.sibling_unit, reason="重新推荐")
    if not person.certificates.exists():
        cast.certify(person)
    return services.nominate(unit=cast.tree.unit_a2, person=person, by=cast.sibling_unit)


def draw(cast: Any) -> Any:
    nomination(cast)
    return services.draw_mediators(dispute=dispute_of(cast.tree.unit_a), by=cast.reconciliation)


def assignment(cast: Any) -> Any:
    return draw(cast).assignments.get()


def session(cast: Any) -> Any:
    made = draw(cast)
    start = timezone.now() - timedelta(hours=3)
    return services.schedule_session(
        dispute=made.dispute,
        by=cast.reconciliation,
        place="和解中心第一调解室",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        mediators=[made.assignments.get().person],
    )
