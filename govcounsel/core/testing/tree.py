"""The small jurisdiction every test can use, as plain functions: the `tree`, `clerk` and
`certify` fixtures of govcounsel/conftest.py call them, and the generic scoped cases build
their world with them once per test class.

110000 北京市 ─ 110100 市辖区 ─┬ 110105 朝阳区: unit_a (own), unit_a2 (sibling)
                            └ 110108 海淀区: unit_b
110000 北京市: city_unit (北京市公安局), vertical superior of unit_a2
610000 陕西省 ─ 610700 汉中市 ─ 610722 城固县: unit_c (another region)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person


@dataclass
class Tree:
    """The regions, units and one person per unit of the test jurisdiction."""

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


def build_tree() -> Tree:
    from govcounsel.organisations.tests.factories import UnitFactory, make_region
    from govcounsel.people.tests.factories import PersonFactory

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
        city_unit,  # type: ignore[arg-type]
        unit_a,  # type: ignore[arg-type]
        unit_a2,  # type: ignore[arg-type]
        unit_b,  # type: ignore[arg-type]
        unit_c,  # type: ignore[arg-type]
        person_a=PersonFactory(name="王建国", unit=unit_a),  # type: ignore[arg-type]
        person_a2=PersonFactory(name="李秀英", sex="F", unit=unit_a2),  # type: ignore[arg-type]
        person_b=PersonFactory(name="赵明", unit=unit_b),  # type: ignore[arg-type]
        person_c=PersonFactory(name="陈静", sex="F", unit=unit_c),  # type: ignore[arg-type]
    )


def make_clerk(tree: Tree) -> Any:
    """An account able to run every certificate step anywhere in the test tree."""
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.models import RoleGrant
    from govcounsel.accounts.scopes import forget_grants
    from govcounsel.accounts.tests.factories import user_with

    user = user_with(Role.JUSTICE_BUREAU, tree.beijing)
    RoleGrant.objects.create(user=user, role=Role.JUSTICE_BUREAU, region=tree.shaanxi)
    for unit in (tree.city_unit, tree.unit_a, tree.unit_a2, tree.unit_b, tree.unit_c):
        RoleGrant.objects.create(user=user, role=Role.UNIT_ADMIN, unit=unit)
    forget_grants(user)
    return user


def certifier(clerk: Any) -> Callable[..., Any]:
    """certify(person, issued_on=None, obtained=...): qualify the person if need be and take
    an application through to an issued certificate, every step by the clerk."""
    from govcounsel.certificates import services
    from govcounsel.people.tests.factories import QualificationFactory

    def certify(
        person: Person, issued_on: date | None = None, obtained: date = date(2015, 3, 1)
    ) -> Any:
        person.full_time_legal = True
        person.save()
        if not person.qualifications.exists():
            QualificationFactory(person=person, obtained_on=obtained)
        application = services.apply(person=person, by=clerk)
        services.review(application=application, by=clerk, passed=True)
        services.submit(application=application, by=clerk)
        return services.approve(application=application, by=clerk, issued_on=issued_on)

    return certify
