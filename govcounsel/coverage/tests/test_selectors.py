from datetime import date

import pytest

from govcounsel.coverage.groups import UnitGroup
from govcounsel.coverage.selectors import (
    Figures,
    empty_units,
    figures_by_region,
    own_figures,
    quarter_ends,
    shortfall_units,
)

ALL = UnitGroup()


def counts(figures):
    return (
        figures.units,
        figures.covered,
        figures.advised_only,
        figures.neither,
        figures.shortfall,
    )


@pytest.mark.parametrize(
    ("day", "code", "expected"),
    [
        # units, covered, advised only, neither, shortfall
        (date(2023, 12, 31), "110105", (2, 1, 1, 0, 1)),
        (date(2023, 12, 31), "110108", (1, 0, 0, 1, 0)),
        (date(2023, 12, 31), "110100", (3, 1, 1, 1, 1)),
        (date(2023, 12, 31), "110000", (4, 1, 1, 2, 1)),
        (date(2023, 12, 31), "610722", (1, 1, 0, 0, 0)),
        (date(2024, 6, 30), "110108", (1, 0, 0, 1, 1)),  # qualified since 2024-05-01
        (date(2024, 6, 30), "610722", (1, 0, 0, 1, 0)),  # holder retired 2024-03-31
        (date(2024, 3, 30), "610722", (1, 1, 0, 0, 0)),
        # Before unit_a's certificate its qualified full-time officer puts it in shortfall too.
        (date(2023, 5, 31), "110105", (2, 0, 1, 1, 2)),
        (date(2021, 12, 31), "110105", (2, 0, 0, 2, 2)),  # before the adviser too
    ],
)
def test_hand_computed_figures_as_of_a_date(landscape, day, code, expected):
    from govcounsel.organisations.models import Region

    figures = figures_by_region(None, None, ALL, day)
    assert counts(figures[Region.objects.get(code=code).path]) == expected


def test_groups_by_enforcement_and_level(landscape):
    figures = figures_by_region(
        None, landscape.beijing, UnitGroup(enforcement=True), date(2023, 12, 31)
    )
    assert counts(figures[landscape.chaoyang.path]) == (1, 1, 0, 0, 0)
    city = figures_by_region(None, landscape.beijing, UnitGroup(level="city"), date(2023, 12, 31))
    assert counts(city[landscape.beijing.path]) == (1, 0, 0, 1, 0)
    assert landscape.chaoyang.path not in city


def test_own_units_of_a_region(landscape):
    assert counts(own_figures(None, landscape.beijing, ALL, date(2023, 12, 31))) == (1, 0, 0, 1, 0)


def test_rates(landscape):
    figures = figures_by_region(None, landscape.chaoyang, ALL, date(2023, 12, 31))[
        landscape.chaoyang.path
    ]
    assert (figures.coverage_rate, figures.work_rate) == (0.5, 1.0)
    assert Figures().coverage_rate is None


def test_shortfall_and_empty_lists(landscape):
    day = date(2024, 6, 30)
    assert sorted(u.name for u in shortfall_units(None, landscape.beijing, ALL, day)) == sorted(
        [
            landscape.unit_a2.name,
            landscape.unit_b.name,
        ]
    )
    assert sorted(u.name for u in empty_units(None, None, ALL, day)) == sorted(
        [landscape.city_unit.name, landscape.unit_b.name, landscape.unit_c.name]
    )


def test_scope_limits_what_is_counted(landscape):
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.tests.factories import user_with

    unit_admin = user_with(Role.UNIT_ADMIN, landscape.unit_a)
    figures = figures_by_region(unit_admin, None, ALL, date(2023, 12, 31))
    assert counts(figures[landscape.chaoyang.path]) == (1, 1, 0, 0, 0)
    assert landscape.haidian.path not in figures


def test_quarter_ends():
    assert quarter_ends(date(2024, 5, 17), 4) == [
        date(2023, 9, 30),
        date(2023, 12, 31),
        date(2024, 3, 31),
        date(2024, 6, 30),
    ]


def test_query_count_does_not_grow_with_regions(landscape, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures_by_region(None, None, ALL, date(2023, 12, 31))
