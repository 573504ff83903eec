"""A unit's establishment, abolition and dated versions of kind, level and enforcement power
(ADR 0009): written by the services, shown on the unit's page, kept without overlap."""

import importlib
import random
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError
from govcounsel.core.history import HISTORY_EPOCH
from govcounsel.demo import generators as gen
from govcounsel.organisations import services
from govcounsel.organisations.models import Unit, UnitVersion
from govcounsel.tests.helpers import client_for, events

_rng = random.Random(9)


@pytest.fixture
def sysadmin(db):
    return user_with(Role.SYSTEM_ADMIN)


def spans(unit):
    return [
        (v.valid_from, v.valid_to, v.kind, v.level, v.has_enforcement_power)
        for v in unit.versions.order_by("valid_from")
    ]


def new_unit(tree, sysadmin, **fields):
    return services.create_unit(
        by=sysadmin,
        name="北京市朝阳区新设局",
        credit_code=gen.credit_code(_rng, "110105", "government_organ"),
        kind="government_organ",
        level="county",
        region=tree.chaoyang,
        **fields,
    )


def test_a_new_unit_is_established_today_with_one_open_version(tree, sysadmin):
    unit = new_unit(tree, sysadmin)
    today = timezone.localdate()
    assert unit.established_on == today
    assert spans(unit) == [(today, None, "government_organ", "county", False)]


def test_a_change_of_enforcement_power_opens_a_version_on_its_effective_day(tree, sysadmin):
    services.update_unit(
        unit=tree.unit_b, by=sysadmin, has_enforcement_power=True, effective_on=date(2024, 1, 1)
    )
    assert spans(tree.unit_b) == [
        (HISTORY_EPOCH, date(2024, 1, 1), "government_organ", "county", False),
        (date(2024, 1, 1), None, "government_organ", "county", True),
    ]
    tree.unit_b.refresh_from_db()
    assert tree.unit_b.has_enforcement_power is True  # the row holds today's facts


def test_a_change_without_a_date_holds_from_today(tree, sysadmin):
    services.update_unit(unit=tree.unit_b, by=sysadmin, level="township")
    today = timezone.localdate()
    assert [(v[0], v[1], v[3]) for v in spans(tree.unit_b)] == [
        (HISTORY_EPOCH, today, "county"),
        (today, None, "township"),
    ]


def test_renaming_a_unit_leaves_its_history_alone(tree, sysadmin):
    services.update_unit(unit=tree.unit_b, by=sysadmin, name="北京市海淀区司法局（新）")
    assert len(spans(tree.unit_b)) == 1


@pytest.mark.parametrize(
    ("effective_on", "code"),
    [
        (date(1999, 12, 31), "before_last_change"),  # before the unit was established
        (timezone.localdate() + timedelta(days=1), "effective_in_future"),
    ],
)
def test_a_change_dated_outside_the_record_is_refused(tree, sysadmin, effective_on, code):
    with pytest.raises(DomainError) as refused:
        services.update_unit(
            unit=tree.unit_b, by=sysadmin, has_enforcement_power=True, effective_on=effective_on
        )
    assert refused.value.code == code
    tree.unit_b.refresh_from_db()
    assert tree.unit_b.has_enforcement_power is False
    assert len(spans(tree.unit_b)) == 1


def test_a_change_cannot_rewrite_a_closed_period(tree, sysadmin):
    services.update_unit(
        unit=tree.unit_b, by=sysadmin, has_enforcement_power=True, effective_on=date(2024, 1, 1)
    )
    with pytest.raises(DomainError) as refused:
        services.update_unit(
            unit=tree.unit_b, by=sysadmin, level="township", effective_on=date(2023, 6, 1)
        )
    assert refused.value.code == "before_last_change"
    assert len(spans(tree.unit_b)) == 2


def test_abolition_closes_the_last_version_and_is_recorded(tree, sysadmin):
    services.abolish_unit(unit=tree.unit_b, by=sysadmin, on=date(2024, 7, 1))
    tree.unit_b.refresh_from_db()
    assert tree.unit_b.abolished_on == date(2024, 7, 1)
    assert spans(tree.unit_b)[-1][:2] == (HISTORY_EPOCH, date(2024, 7, 1))
    assert len(events("organisations.unit.abolished")) == 1
    with pytest.raises(DomainError) as again:
        services.abolish_unit(unit=tree.unit_b, by=sysadmin, on=date(2024, 8, 1))
    assert again.value.code == "already_abolished"
    # After its abolition a unit takes no further change.
    with pytest.raises(DomainError) as changed:
        services.update_unit(unit=tree.unit_b, by=sysadmin, level="township")
    assert changed.value.code == "record_ended"


def test_abolition_must_follow_establishment_and_the_last_change(tree, sysadmin):
    with pytest.raises(DomainError):
        services.abolish_unit(unit=tree.unit_b, by=sysadmin, on=HISTORY_EPOCH)
    services.update_unit(
        unit=tree.unit_b, by=sysadmin, has_enforcement_power=True, effective_on=date(2024, 1, 1)
    )
    with pytest.raises(DomainError):
        services.abolish_unit(unit=tree.unit_b, by=sysadmin, on=date(2023, 12, 1))
    tree.unit_b.refresh_from_db()
    assert tree.unit_b.abolished_on is None


def test_correcting_the_establishment_date_moves_the_first_version(tree, sysadmin):
    unit = new_unit(tree, sysadmin)
    services.update_unit(unit=unit, by=sysadmin, established_on=date(2019, 5, 1))
    assert spans(unit)[0][:2] == (date(2019, 5, 1), None)


def test_overlapping_versions_are_refused_by_the_database(tree):
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitVersion.objects.create(
            unit=tree.unit_b,
            valid_from=date(2020, 1, 1),
            valid_to=date(2021, 1, 1),
            kind="government_organ",
            level="county",
        )


def test_api_takes_establishment_and_effective_dates_and_abolishes(tree):
    client = client_for(user_with(Role.SYSTEM_ADMIN))
    created = client.post(
        "/api/v1/units/",
        {
            "name": "北京市朝阳区新设局",
            "credit_code": gen.credit_code(_rng, "110105", "government_organ"),
            "kind": "government_organ",
            "level": "county",
            "region": tree.chaoyang.pk,
            "established_on": "2020-03-01",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["established_on"] == "2020-03-01"
    url = f"/api/v1/units/{created.json()['id']}/"
    changed = client.patch(
        url, {"has_enforcement_power": True, "effective_on": "2023-01-01"}, format="json"
    )
    assert changed.status_code == 200, changed.json()
    unit = Unit.objects.get(pk=created.json()["id"])
    assert [v[:2] for v in spans(unit)] == [
        (date(2020, 3, 1), date(2023, 1, 1)),
        (date(2023, 1, 1), None),
    ]
    refused = client.patch(url, {"level": "city", "effective_on": "2022-01-01"}, format="json")
    assert refused.status_code == 400
    assert "2023-01-01" in refused.json()["message"]
    assert Unit.objects.get(pk=unit.pk).level == "county"  # nothing half-written
    ignored = client.patch(url, {"abolished_on": "2024-01-01"}, format="json")
    assert ignored.json()["abolished_on"] is None  # abolition is its own verb
    abolished = client.post(f"{url}abolish/", {"on": "2024-06-30"}, format="json")
    assert abolished.status_code == 200, abolished.json()
    assert abolished.json()["abolished_on"] == "2024-06-30"
    assert client.post(f"{url}abolish/", {"on": "2024-07-30"}, format="json").status_code == 400
    assert client.post(f"{url}abolish/", {"on": "soon"}, format="json").status_code == 400


def test_only_the_system_administrator_abolishes(tree, cast):
    response = client_for(cast.parent_region).post(
        f"/api/v1/units/{tree.unit_a.pk}/abolish/", {"on": "2024-06-30"}, format="json"
    )
    assert response.status_code == 403
    tree.unit_a.refresh_from_db()
    assert tree.unit_a.abolished_on is None


def test_unit_page_shows_its_history(tree, sysadmin, client):
    services.update_unit(
        unit=tree.unit_a2, by=sysadmin, has_enforcement_power=True, effective_on=date(2024, 1, 1)
    )
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    html = client.get(f"/organisations/units/{tree.unit_a2.pk}/").content.decode()
    assert 'data-testid="unit-history"' in html
    assert "2024-01-01" in html
    assert "2000-01-01" in html


def test_backfill_establishes_units_before_their_earliest_record(tree):
    """The migration: no figure reported before it moves."""
    from govcounsel.people.tests.factories import LegalAdviserFactory, QualificationFactory

    LegalAdviserFactory(unit=tree.unit_a, service_start=date(1998, 5, 1))
    QualificationFactory(person=tree.person_b, obtained_on=date(1996, 3, 1))
    UnitVersion.objects.all().delete()
    migration = importlib.import_module("govcounsel.organisations.migrations.0003_unit_history")
    migration.backfill(apps, None)
    established = dict(Unit.objects.values_list("name", "established_on"))
    assert established[tree.unit_a.name] == date(1998, 5, 1)
    assert established[tree.unit_b.name] == date(1996, 3, 1)
    assert established[tree.unit_c.name] == HISTORY_EPOCH
    for unit in Unit.objects.all():
        assert spans(unit) == [
            (unit.established_on, None, unit.kind, unit.level, unit.has_enforcement_power)
        ]
