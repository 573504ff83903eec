"""The demo's figures of 2023-12-31 stay put when a unit is added today, and its history
(a unit established in 2024, towns gaining enforcement power) is on record (ADR 0009)."""

import random
from datetime import date

import pytest
from django.core.management import call_command

from govcounsel.accounts.models import User
from govcounsel.coverage.groups import UnitGroup
from govcounsel.coverage.selectors import figures_by_region
from govcounsel.demo import generators as gen
from govcounsel.demo.places import ENFORCEMENT_GAINED_ON, ESTABLISHED
from govcounsel.organisations import services
from govcounsel.organisations.models import Region, Unit

COUNTY = UnitGroup(level="county")


@pytest.fixture
def seeded(db):
    call_command("seed_demo", verbosity=0)


def test_demo_figures_of_2023_do_not_move_when_a_unit_is_added_today(seeded):
    chaoyang = Region.objects.get(code="110105")
    before = figures_by_region(None, chaoyang, COUNTY, date(2023, 12, 31))[chaoyang.path]
    services.create_unit(
        by=User.objects.get(username="sysadmin"),
        name="北京市朝阳区新设局",
        credit_code=gen.credit_code(random.Random(5), "110105", "government_organ"),
        kind="government_organ",
        level="county",
        region=chaoyang,
    )
    after = figures_by_region(None, chaoyang, COUNTY, date(2023, 12, 31))[chaoyang.path]
    assert after.as_dict() == before.as_dict()


def test_demo_history_is_on_record(seeded):
    chenggu = Region.objects.get(code="610722")
    (name, established), *_ = ESTABLISHED.items()
    assert Unit.objects.get(name=name).established_on == established
    day_before = date.fromordinal(ENFORCEMENT_GAINED_ON.toordinal() - 1)
    enforcement = UnitGroup(level="township", enforcement=True)
    assert chenggu.path not in figures_by_region(None, chenggu, enforcement, day_before)
    assert figures_by_region(None, chenggu, enforcement, ENFORCEMENT_GAINED_ON)[chenggu.path].units
