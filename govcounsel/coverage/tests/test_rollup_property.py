"""A region's figures equal its own units' plus the sum of its children's, on any tree."""

from datetime import date

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcounsel.certificates.models import ActivePeriod, Certificate
from govcounsel.coverage.groups import UnitGroup
from govcounsel.coverage.selectors import Figures, figures_by_region, own_figures
from govcounsel.organisations.models import Region
from govcounsel.organisations.tests.factories import UnitFactory, make_region
from govcounsel.people.tests.factories import LegalAdviserFactory

# A unit: (region index, has an active certificate period, has an adviser)
unit_spec = st.tuples(st.integers(0, 8), st.booleans(), st.booleans())
tree_spec = st.tuples(
    st.integers(1, 3),  # cities under the province
    st.lists(st.integers(0, 2), min_size=1, max_size=6),  # counties: index of their city
    st.lists(unit_spec, min_size=0, max_size=20),
)


def _build(cities, counties, units):
    province = make_region("510000", "四川省")
    city_regions = [make_region(f"51{i + 1:02d}00", f"市{i}", province) for i in range(cities)]
    county_regions = [
        make_region(f"51{(c % cities) + 1:02d}{i + 1:02d}", f"县{i}", city_regions[c % cities])
        for i, c in enumerate(counties)
    ]
    regions = [province, *city_regions, *county_regions]
    for index, has_lawyer, has_adviser in units:
        unit = UnitFactory(region=regions[index % len(regions)])
        if has_lawyer:
            _period_for(unit)
        if has_adviser:
            LegalAdviserFactory(unit=unit, service_start=date(2020, 1, 1))
    return regions


def _period_for(unit):
    # A bare active period is enough for the arithmetic being tested.
    from govcounsel.certificates.models import CertificateApplication
    from govcounsel.people.tests.factories import PersonFactory

    person = PersonFactory(unit=unit)
    application = CertificateApplication.objects.create(person=person, unit=unit)
    certificate = Certificate.objects.create(
        application=application,
        person=person,
        unit=unit,
        number=f"{unit.pk:017d}",
        serial=unit.pk,
        first_approved_year=2020,
        issued_on=date(2020, 1, 1),
    )
    ActivePeriod.objects.create(certificate=certificate, unit=unit, started_on=date(2020, 1, 1))


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=tree_spec)
def test_region_equals_own_units_plus_children(spec):
    with transaction.atomic():
        regions = _build(*spec)
        figures = figures_by_region(None, None, UnitGroup(), date(2024, 1, 1))
        if not spec[2]:
            assert figures == {}
            transaction.set_rollback(True)
            return
        day = date(2024, 1, 1)
        for region in regions:
            expected = own_figures(None, region, UnitGroup(), day)  # a separate query path
            for child in Region.objects.filter(
                path__startswith=region.path, depth=region.depth + 1
            ):
                expected += figures.get(child.path, Figures())
            got = figures.get(region.path, Figures())
            assert (got.units, got.covered, got.advised_only, got.shortfall) == (
                expected.units,
                expected.covered,
                expected.advised_only,
                expected.shortfall,
            )
        units = spec[2]
        assert figures[regions[0].path].units == len(units)
        assert figures.get(regions[0].path, Figures()).covered == sum(1 for u in units if u[1])
        assert figures.get(regions[0].path, Figures()).advised_only == sum(
            1 for u in units if u[2] and not u[1]
        )
        transaction.set_rollback(True)
