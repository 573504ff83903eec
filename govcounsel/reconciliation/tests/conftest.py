"""A pool around 朝阳区: the dispute is against unit_a (market regulation); two other market
regulation organs of the district nominate one lawyer each; unit_a2 (public security) and
unit_a itself nominate theirs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from govcounsel.organisations.tests.factories import UnitFactory
from govcounsel.people.tests.factories import PersonFactory

from .. import services
from .factories import centre_user, office_user, rule_for


@dataclass
class Pool:
    centre: Any
    rule: Any
    unit_m1: Any
    unit_m2: Any
    m1: Any
    m2: Any
    office_m1: Any
    office_m2: Any


def grant_clerk(clerk: Any, *units: Any) -> None:
    """The certifying clerk runs the new units too (core/testing/tree.py make_clerk)."""
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.models import RoleGrant
    from govcounsel.accounts.scopes import forget_grants

    for unit in units:
        RoleGrant.objects.create(user=clerk, role=Role.UNIT_ADMIN, unit=unit)
    forget_grants(clerk)


@pytest.fixture
def pool(tree, clerk, certify) -> Pool:
    tree.unit_a.sector = "market_regulation"
    tree.unit_a.save()
    centre = centre_user(tree.chaoyang)
    rule = rule_for(tree.chaoyang, centre)
    unit_m1 = UnitFactory(
        name="朝阳区市场监管一所", region=tree.chaoyang, sector="market_regulation"
    )
    unit_m2 = UnitFactory(
        name="朝阳区市场监管二所", region=tree.chaoyang, sector="market_regulation"
    )
    grant_clerk(clerk, unit_m1, unit_m2)
    m1 = PersonFactory(name="甲调解", unit=unit_m1)
    m2 = PersonFactory(name="乙调解", unit=unit_m2)
    certify(m1)
    certify(m2)
    office_m1 = office_user(unit_m1, "office_m1")
    office_m2 = office_user(unit_m2, "office_m2")
    services.nominate(unit=unit_m1, person=m1, by=office_m1)
    services.nominate(unit=unit_m2, person=m2, by=office_m2)
    return Pool(centre, rule, unit_m1, unit_m2, m1, m2, office_m1, office_m2)
