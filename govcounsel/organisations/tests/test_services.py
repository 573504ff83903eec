import pytest
from django.core.exceptions import ValidationError

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.organisations import services
from govcounsel.organisations.models import Region, Unit
from govcounsel.organisations.tests.factories import UnitFactory
from govcounsel.tests.helpers import events


@pytest.fixture
def sysadmin(db):
    return user_with(Role.SYSTEM_ADMIN)


def test_region_goes_under_its_parent(tree, sysadmin):
    chaoyang_sibling = services.create_region(
        code="110101", name="东城区", parent=tree.beijing_city, by=sysadmin
    )
    assert Region.objects.get_parent(chaoyang_sibling) == tree.beijing_city
    assert chaoyang_sibling.level == "county"
    assert len(events("organisations.region.created")) == 1


@pytest.mark.parametrize(
    ("code", "parent_attr", "error"),
    [
        ("610723", "beijing_city", "invalid_parent"),  # a Shaanxi county under Beijing
        ("110101", None, "invalid_parent"),  # a county without parent
        ("110000", None, "duplicate_region"),
        ("110200", "beijing_city", "invalid_parent"),  # a city under a city
    ],
)
def test_region_refusals(tree, sysadmin, code, parent_attr, error):
    parent = getattr(tree, parent_attr) if parent_attr else None
    with pytest.raises(DomainError) as refused:
        services.create_region(code=code, name="测试", parent=parent, by=sysadmin)
    assert refused.value.code == error


def test_only_the_system_administrator_keeps_the_tree(tree):
    supervisor = user_with(Role.SUPERVISOR, tree.chaoyang)
    with pytest.raises(NotPermitted):
        services.create_region(
            code="110101", name="东城区", parent=tree.beijing_city, by=supervisor
        )
    with pytest.raises(NotPermitted):
        services.update_unit(unit=tree.unit_a, by=supervisor, name="改名")
    assert Region.objects.filter(code="110101").count() == 0


def test_vertical_system_path_follows_the_superior(tree, sysadmin):
    assert tree.unit_a2.system_path.startswith(tree.city_unit.system_path)
    grandchild = UnitFactory(region=tree.chaoyang, vertical_superior=tree.unit_a2)
    new_head = UnitFactory(region=tree.beijing, level="city")
    services.update_unit(unit=tree.unit_a2, by=sysadmin, vertical_superior=new_head)
    grandchild.refresh_from_db()
    assert grandchild.system_path.startswith(new_head.system_path)
    assert not grandchild.system_path.startswith(tree.city_unit.system_path)


def test_a_unit_cannot_be_under_its_own_subordinate(tree, sysadmin):
    with pytest.raises(ValidationError, match="下级单位"):
        services.update_unit(unit=tree.city_unit, by=sysadmin, vertical_superior=tree.unit_a2)


def test_unit_needs_a_valid_credit_code(tree, sysadmin):
    with pytest.raises(ValidationError) as error:
        services.create_unit(
            by=sysadmin,
            name="新单位",
            credit_code="91350100M000100Y44",
            kind="government_organ",
            level="county",
            region=tree.chaoyang,
        )
    assert "credit_code" in error.value.message_dict
    assert not Unit.objects.filter(name="新单位").exists()
