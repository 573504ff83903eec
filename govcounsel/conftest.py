"""A small jurisdiction every test can use.

110000 北京市 ─ 110100 市辖区 ─┬ 110105 朝阳区: unit_a (own), unit_a2 (sibling)
                            └ 110108 海淀区: unit_b
110000 北京市: city_unit (北京市公安局), vertical superior of unit_a2
610000 陕西省 ─ 610700 汉中市 ─ 610722 城固县: unit_c (another region)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from rest_framework.test import APIClient

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.accounts.scopes import forget_grants
from govcounsel.accounts.tests.factories import user_with
from govcounsel.certificates import services as certificate_services
from govcounsel.organisations.models import Region, Unit
from govcounsel.organisations.tests.factories import UnitFactory, make_region
from govcounsel.people.models import Person
from govcounsel.people.tests.factories import PersonFactory, QualificationFactory


@dataclass
class Tree:
    beijing: Region
    beijing_city: Region
    chaoyang: Region
    haidian: Region
    shaanxi: Region
    hanzhong: Region
    chenggu: Region
    city_unit: Unit
    unit_a: Unit
    unit_a2: Unit
    unit_b: Unit
    unit_c: Unit
    person_a: Person
    person_a2: Person
    person_b: Person
    person_c: Person


@pytest.fixture
def tree(db: None) -> Tree:
    beijing = make_region("110000", "北京市")
    beijing_city = make_region("110100", "市辖区", beijing)
    chaoyang = make_region("110105", "朝阳区", beijing_city)
    haidian = make_region("110108", "海淀区", beijing_city)
    shaanxi = make_region("610000", "陕西省")
    hanzhong = make_region("610700", "汉中市", shaanxi)
    chenggu = make_region("610722", "城固县", hanzhong)
    city_unit = UnitFactory(
        name="北京市公安局", region=beijing, level="city", has_enforcement_power=True
    )
    unit_a = UnitFactory(
        name="北京市朝阳区市场监督管理局", region=chaoyang, has_enforcement_power=True
    )
    unit_a2 = UnitFactory(name="北京市公安局朝阳分局", region=chaoyang, vertical_superior=city_unit)
    unit_b = UnitFactory(name="北京市海淀区司法局", region=haidian)
    unit_c = UnitFactory(name="城固县自然资源局", region=chenggu)
    return Tree(
        beijing,
        beijing_city,
        chaoyang,
        haidian,
        shaanxi,
        hanzhong,
        chenggu,
        city_unit,
        unit_a,
        unit_a2,
        unit_b,
        unit_c,
        person_a=PersonFactory(name="王建国", unit=unit_a),
        person_a2=PersonFactory(name="李秀英", sex="F", unit=unit_a2),
        person_b=PersonFactory(name="赵明", unit=unit_b),
        person_c=PersonFactory(name="陈静", sex="F", unit=unit_c),
    )


@pytest.fixture
def actors(tree: Tree) -> dict[str, object]:
    """The standard cast of a role matrix, around unit_a and person_a."""
    return {
        "own_unit": user_with(Role.UNIT_ADMIN, tree.unit_a, username="own_unit"),
        "sibling_unit": user_with(Role.UNIT_ADMIN, tree.unit_a2, username="sibling_unit"),
        "parent_region": user_with(Role.SUPERVISOR, tree.chaoyang, username="parent_region"),
        "other_region": user_with(Role.JUSTICE_BUREAU, tree.chenggu, username="other_region"),
        "anonymous": None,
    }


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def clerk(tree):
    """An account able to run every certificate step anywhere in the test tree."""
    user = user_with(Role.JUSTICE_BUREAU, tree.beijing)
    RoleGrant.objects.create(user=user, role=Role.JUSTICE_BUREAU, region=tree.shaanxi)
    for unit in (tree.city_unit, tree.unit_a, tree.unit_a2, tree.unit_b, tree.unit_c):
        RoleGrant.objects.create(user=user, role=Role.UNIT_ADMIN, unit=unit)
    forget_grants(user)
    return user


@pytest.fixture
def certify(clerk):
    def run(person, issued_on=None, obtained=date(2015, 3, 1)):
        person.full_time_legal = True
        person.save()
        if not person.qualifications.exists():
            QualificationFactory(person=person, obtained_on=obtained)
        application = certificate_services.apply(person=person, by=clerk)
        certificate_services.review(application=application, by=clerk, passed=True)
        certificate_services.submit(application=application, by=clerk)
        certificate = certificate_services.approve(application=application, by=clerk)
        if issued_on is not None:
            certificate_services.backdate_issue(certificate, issued_on)
        return certificate

    return run
