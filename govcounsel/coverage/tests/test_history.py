"""History must not change when today's data changes (ADR 0009), and the 应设尽设 shortfall
counts 党政机关 only, with every eligibility condition as of the day."""

import itertools
import random
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.coverage.bulletin_content import build_content
from govcounsel.coverage.groups import UnitGroup
from govcounsel.coverage.selectors import empty_units, figures_by_region, shortfall_units
from govcounsel.demo import generators as gen
from govcounsel.organisations import services as unit_services
from govcounsel.organisations.tests.factories import UnitFactory
from govcounsel.people import services as people_services
from govcounsel.people.tests.factories import PersonFactory, QualificationFactory

ALL = UnitGroup()
END_2023 = date(2023, 12, 31)
_rng = random.Random(2023)


@pytest.fixture
def sysadmin(db):
    return user_with(Role.SYSTEM_ADMIN)


def chaoyang(tree, day, group=ALL):
    return figures_by_region(None, None, group, day)[tree.chaoyang.path]


def counts(figures):
    return (figures.units, figures.covered, figures.advised_only, figures.shortfall)


def names(units):
    return sorted(u.name for u in units)


def test_adding_a_unit_today_does_not_change_past_coverage(landscape, sysadmin):
    before = counts(chaoyang(landscape, END_2023))
    unit_services.create_unit(
        by=sysadmin,
        name="北京市朝阳区新设局",
        credit_code=gen.credit_code(_rng, "110105", "government_organ"),
        kind="government_organ",
        level="county",
        region=landscape.chaoyang,
    )
    assert counts(chaoyang(landscape, END_2023)) == before == (2, 1, 1, 1)
    assert chaoyang(landscape, END_2023).coverage_rate == 0.5
    assert chaoyang(landscape, timezone.localdate()).units == 3


def test_a_unit_counts_from_its_establishment(landscape, sysadmin):
    unit = unit_services.create_unit(
        by=sysadmin,
        name="北京市朝阳区新设局",
        credit_code=gen.credit_code(_rng, "110105", "government_organ"),
        kind="government_organ",
        level="county",
        region=landscape.chaoyang,
        established_on=date(2024, 4, 1),
    )
    assert chaoyang(landscape, date(2024, 3, 31)).units == 2
    assert chaoyang(landscape, date(2024, 4, 1)).units == 3
    assert unit.name in names(empty_units(None, landscape.chaoyang, ALL, date(2024, 4, 1)))
    assert unit.name not in names(empty_units(None, landscape.chaoyang, ALL, date(2024, 3, 31)))


def test_abolished_unit_leaves_figures_after_its_abolition(landscape, sysadmin):
    unit_services.abolish_unit(unit=landscape.unit_a2, by=sysadmin, on=date(2024, 1, 1))
    assert counts(chaoyang(landscape, END_2023)) == (2, 1, 1, 1)
    assert counts(chaoyang(landscape, date(2024, 1, 1))) == (1, 1, 0, 0)
    assert landscape.unit_a2.name in names(shortfall_units(None, landscape.chaoyang, ALL, END_2023))
    assert names(shortfall_units(None, landscape.chaoyang, ALL, date(2024, 6, 30))) == []


def test_unit_enforcement_power_as_of_date(landscape, sysadmin):
    enforcement = UnitGroup(enforcement=True)
    unit_services.update_unit(
        unit=landscape.unit_a2,
        by=sysadmin,
        has_enforcement_power=True,
        effective_on=date(2024, 1, 1),
    )
    assert chaoyang(landscape, END_2023, enforcement).units == 1  # unit_a only
    assert chaoyang(landscape, date(2024, 1, 1), enforcement).units == 2
    without = UnitGroup(enforcement=False)
    assert chaoyang(landscape, END_2023, without).units == 1
    assert landscape.chaoyang.path not in figures_by_region(None, None, without, date(2024, 1, 1))


def test_a_unit_changing_level_moves_between_groups_on_that_day(landscape, sysadmin):
    unit_services.update_unit(
        unit=landscape.unit_b, by=sysadmin, level="township", effective_on=date(2024, 7, 1)
    )
    county = UnitGroup(level="county")
    haidian = landscape.haidian.path
    assert figures_by_region(None, None, county, date(2024, 6, 30))[haidian].units == 1
    assert haidian not in figures_by_region(None, None, county, date(2024, 7, 1))


def test_person_transferred_counts_for_old_unit_before_transfer(landscape, clerk):
    # person_a2: qualified, full-time civil servant in unit_a2, moved to unit_b on 2024-01-01.
    people_services.update_person(
        person=landscape.person_a2, by=clerk, unit=landscape.unit_b, effective_on=date(2024, 1, 1)
    )
    before = names(shortfall_units(None, None, ALL, END_2023))
    after = names(shortfall_units(None, None, ALL, date(2024, 3, 31)))
    assert landscape.unit_a2.name in before
    assert landscape.unit_b.name not in before
    assert landscape.unit_b.name in after
    assert landscape.unit_a2.name not in after


def test_changing_a_person_today_does_not_change_a_past_shortfall(landscape, clerk):
    people_services.update_person(person=landscape.person_a2, by=clerk, full_time_legal=False)
    assert landscape.unit_a2.name in names(shortfall_units(None, None, ALL, END_2023))
    assert landscape.unit_a2.name not in names(
        shortfall_units(None, None, ALL, timezone.localdate())
    )


def test_full_time_only_since_a_day_is_no_candidate_before_it(tree, clerk):
    person = tree.person_b  # in unit_b, no certificate, no adviser
    QualificationFactory(person=person, obtained_on=date(2015, 3, 1))
    people_services.update_person(
        person=person, by=clerk, full_time_legal=True, effective_on=date(2024, 1, 1)
    )
    assert names(shortfall_units(None, tree.haidian, ALL, END_2023)) == []
    assert names(shortfall_units(None, tree.haidian, ALL, date(2024, 1, 1))) == [tree.unit_b.name]


# --- the 应设尽设 candidate: every condition, each on the day ---------------------------

DAY = date(2024, 6, 30)


def _candidate_unit(tree, *, kind="government_organ", **missing):
    """A unit in Chaoyang whose only member of staff meets every condition but `missing`."""
    unit = UnitFactory(region=tree.chaoyang, kind=kind)
    person = PersonFactory(
        unit=unit,
        is_civil_servant=missing.get("civil_servant", True),
        full_time_legal=missing.get("full_time", True),
        employment_status="in_post" if missing.get("in_post", True) else "retired",
        employment_status_date=None if missing.get("in_post", True) else date(2024, 1, 31),
    )
    qualified = missing.get("qualification", True)
    # Obtained after the day when "missing": held today, but not yet on the day.
    QualificationFactory(
        person=person, obtained_on=date(2015, 3, 1) if qualified else DAY + timedelta(days=1)
    )
    return unit


def test_a_qualified_full_time_civil_servant_in_post_makes_a_shortfall(tree):
    unit = _candidate_unit(tree)
    assert names(shortfall_units(None, tree.chaoyang, ALL, DAY)) == [unit.name]
    assert chaoyang(tree, DAY).shortfall == 1


@pytest.mark.parametrize("condition", ["civil_servant", "qualification", "full_time", "in_post"])
def test_shortfall_requires_civil_servant_qualification_full_time_and_in_post(tree, condition):
    _candidate_unit(tree, **{condition: False})
    assert names(shortfall_units(None, tree.chaoyang, ALL, DAY)) == []
    assert chaoyang(tree, DAY).shortfall == 0


@pytest.mark.parametrize(
    ("kind", "counted"),
    [("party_organ", True), ("government_organ", True), ("peoples_organisation", False)],
)
def test_shortfall_counts_party_and_government_organs_only(tree, kind, counted):
    unit = _candidate_unit(tree, kind=kind)
    assert (unit.name in names(shortfall_units(None, tree.chaoyang, ALL, DAY))) is counted
    assert chaoyang(tree, DAY).shortfall == int(counted)
    assert chaoyang(tree, DAY).units == 3  # still counted among the units


def test_a_unit_becoming_a_peoples_organisation_leaves_the_shortfall_on_that_day(tree, sysadmin):
    unit = _candidate_unit(tree)
    unit_services.update_unit(
        unit=unit, by=sysadmin, kind="peoples_organisation", effective_on=date(2024, 7, 1)
    )
    assert names(shortfall_units(None, tree.chaoyang, ALL, DAY)) == [unit.name]
    assert names(shortfall_units(None, tree.chaoyang, ALL, date(2024, 7, 1))) == []


def test_bulletin_reads_units_as_of_the_quarter_end(landscape, sysadmin):
    unit_services.update_unit(
        unit=landscape.unit_a2, by=sysadmin, level="township", effective_on=date(2024, 1, 1)
    )
    unit_services.create_unit(
        by=sysadmin,
        name="北京市朝阳区新设局",
        credit_code=gen.credit_code(_rng, "110105", "government_organ"),
        kind="government_organ",
        level="county",
        region=landscape.chaoyang,
    )
    content = build_content(landscape.chaoyang, 2023, 4)
    lines = {line.name: line for line in content.units}
    assert set(lines) == {landscape.unit_a.name, landscape.unit_a2.name}
    assert lines[landscape.unit_a2.name].level == "区县级"  # its level on 2023-12-31
    assert content.summary["units"] == 2


def test_as_of_figures_stay_one_query(landscape, sysadmin, django_assert_num_queries):
    unit_services.update_unit(
        unit=landscape.unit_a2, by=sysadmin, has_enforcement_power=True, effective_on=END_2023
    )
    with django_assert_num_queries(1):
        figures_by_region(None, None, UnitGroup(enforcement=True, kind="organ"), END_2023)
    with django_assert_num_queries(1):
        list(shortfall_units(None, None, ALL, END_2023).select_related("region"))


# --- a property: the figures of a day follow the version of that day -------------------

changes = st.lists(
    st.tuples(st.integers(1, 3000), st.booleans()), min_size=1, max_size=6, unique_by=lambda c: c[0]
)


@pytest.mark.django_db
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=changes, probes=st.lists(st.integers(0, 3200), min_size=1, max_size=8))
def test_figures_of_a_day_follow_the_enforcement_power_of_that_day(tree, spec, probes):
    """Whatever dated changes are recorded, in order, a day's enforcement group holds the
    unit exactly when the last change on or before that day (or its founding state) says so."""
    founded = date(2015, 1, 1)
    with transaction.atomic():
        sysadmin = user_with(Role.SYSTEM_ADMIN)
        unit = UnitFactory(region=tree.haidian, established_on=founded)
        state = [(founded, False)]
        for offset, power in sorted(spec):
            day = founded + timedelta(days=offset)
            unit_services.update_unit(
                unit=unit, by=sysadmin, has_enforcement_power=power, effective_on=day
            )
            state.append((day, power))
        unit.refresh_from_db()
        versions = list(unit.versions.order_by("valid_from"))
        for earlier, later in itertools.pairwise(versions):
            assert earlier.valid_to == later.valid_from  # no gap, no overlap
        assert versions[-1].valid_to is None
        assert versions[-1].has_enforcement_power == unit.has_enforcement_power
        for probe in probes:
            day = founded + timedelta(days=probe - 100)
            expected = [power for start, power in state if start <= day]
            figures = figures_by_region(None, tree.haidian, UnitGroup(enforcement=True), day)
            in_group = figures.get(tree.haidian.path)
            got = in_group.units if in_group else 0
            # unit_b (no enforcement power) never counts; the unit counts from its founding.
            assert got == (1 if expected and expected[-1] else 0)
        transaction.set_rollback(True)
