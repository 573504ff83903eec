"""A person's unit, civil-servant status, full-time flag and employment status keep dated
versions (ADR 0009), written on every change by the services, the form, the API and the
survey import, and shown on the person's page."""

import importlib
import io
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.utils import timezone
from openpyxl import Workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError
from govcounsel.core.history import HISTORY_EPOCH
from govcounsel.people import services
from govcounsel.people.models import Person, PersonVersion
from govcounsel.people.survey import HEADERS, import_survey
from govcounsel.people.tests.factories import PersonFactory, QualificationFactory
from govcounsel.tests.helpers import client_for


@pytest.fixture
def office(tree):
    return user_with(Role.UNIT_ADMIN, tree.unit_a, username="office")


def spans(person):
    return [
        (v.valid_from, v.valid_to, v.unit_id, v.full_time_legal, v.employment_status)
        for v in person.versions.order_by("valid_from")
    ]


def test_a_person_registered_today_is_on_record_from_today(tree, office):
    person = services.create_person(
        by=office, id_number="11010519491231002X", name="孙丽", unit=tree.unit_a
    )
    today = timezone.localdate()
    assert spans(person) == [(today, None, tree.unit_a.pk, False, "in_post")]


def test_a_person_can_be_registered_as_on_record_since_an_earlier_day(tree, office):
    person = services.create_person(
        by=office,
        id_number="11010519491231002X",
        name="孙丽",
        unit=tree.unit_a,
        effective_on=date(2021, 9, 1),
    )
    assert spans(person)[0][:2] == (date(2021, 9, 1), None)


def test_a_retirement_takes_effect_on_its_date(tree, office):
    services.update_person(
        person=tree.person_a,
        by=office,
        employment_status="retired",
        employment_status_date=date(2024, 3, 31),
    )
    unit = tree.unit_a.pk
    assert spans(tree.person_a) == [
        (HISTORY_EPOCH, date(2024, 3, 31), unit, False, "in_post"),
        (date(2024, 3, 31), None, unit, False, "retired"),
    ]


def test_correcting_the_retirement_date_moves_the_boundary(tree, office):
    services.update_person(
        person=tree.person_a,
        by=office,
        employment_status="retired",
        employment_status_date=date(2024, 3, 31),
    )
    services.update_person(
        person=tree.person_a, by=office, employment_status_date=date(2024, 4, 30)
    )
    assert [v[:2] for v in spans(tree.person_a)] == [
        (HISTORY_EPOCH, date(2024, 4, 30)),
        (date(2024, 4, 30), None),
    ]


def test_a_return_to_post_keeps_the_retirement_on_record(tree, office):
    services.update_person(
        person=tree.person_a,
        by=office,
        employment_status="retired",
        employment_status_date=date(2024, 3, 31),
    )
    # The form sends the old status date back unchanged: the return holds from today.
    services.update_person(
        person=tree.person_a,
        by=office,
        employment_status="in_post",
        employment_status_date=date(2024, 3, 31),
    )
    today = timezone.localdate()
    assert [(v[0], v[4]) for v in spans(tree.person_a)] == [
        (HISTORY_EPOCH, "in_post"),
        (date(2024, 3, 31), "retired"),
        (today, "in_post"),
    ]


def test_a_change_of_flag_holds_from_today_unless_dated(tree, office):
    services.update_person(person=tree.person_a, by=office, full_time_legal=True)
    today = timezone.localdate()
    assert [(v[0], v[3]) for v in spans(tree.person_a)] == [
        (HISTORY_EPOCH, False),
        (today, True),
    ]


def test_a_change_before_the_last_change_is_refused(tree, office):
    services.update_person(
        person=tree.person_a, by=office, full_time_legal=True, effective_on=date(2024, 1, 1)
    )
    with pytest.raises(DomainError) as refused:
        services.update_person(
            person=tree.person_a, by=office, is_civil_servant=False, effective_on=date(2023, 1, 1)
        )
    assert refused.value.code == "before_last_change"
    tree.person_a.refresh_from_db()
    assert tree.person_a.is_civil_servant is True  # nothing half-written


def test_a_change_dated_in_the_future_is_refused(tree, office):
    with pytest.raises(DomainError) as refused:
        services.update_person(
            person=tree.person_a,
            by=office,
            full_time_legal=True,
            effective_on=timezone.localdate() + timedelta(days=1),
        )
    assert refused.value.code == "effective_in_future"


def test_a_retirement_dated_before_the_first_record_takes_effect_from_that_record(tree, office):
    person = services.create_person(
        by=office, id_number="11010519491231002X", name="孙丽", unit=tree.unit_a
    )
    services.update_person(
        person=person,
        by=office,
        employment_status="retired",
        employment_status_date=date(2024, 3, 31),
    )
    assert spans(person) == [(timezone.localdate(), None, tree.unit_a.pk, False, "retired")]


def test_the_form_takes_an_effective_date(tree, office, client):
    client.force_login(office)
    response = client.post(
        f"/people/{tree.person_a.pk}/edit/",
        {
            "name": tree.person_a.name,
            "unit": tree.unit_a.pk,
            "is_civil_servant": "on",
            "full_time_legal": "on",
            "employment_status": "in_post",
            "effective_on": "2024-02-01",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert [(v[0], v[3]) for v in spans(tree.person_a)] == [
        (HISTORY_EPOCH, False),
        (date(2024, 2, 1), True),
    ]


def test_the_api_takes_an_effective_date_and_refuses_a_bad_one(tree, office):
    client = client_for(office)
    url = f"/api/v1/people/{tree.person_a.pk}/"
    moved = client.patch(url, {"full_time_legal": True, "effective_on": "2024-02-01"})
    assert moved.status_code == 200, moved.json()
    assert spans(tree.person_a)[-1][:2] == (date(2024, 2, 1), None)
    refused = client.patch(url, {"is_civil_servant": False, "effective_on": "2023-02-01"})
    assert refused.status_code == 400
    assert refused.json()["errors"]["effective_on"]
    assert Person.objects.get(pk=tree.person_a.pk).is_civil_servant is True


def test_person_page_shows_the_history(tree, office, client):
    services.update_person(
        person=tree.person_a, by=office, full_time_legal=True, effective_on=date(2024, 2, 1)
    )
    client.force_login(office)
    html = client.get(f"/people/{tree.person_a.pk}/").content.decode()
    assert 'data-testid="person-history"' in html
    assert "2024-02-01" in html


def _survey(tree, full_time):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    code = tree.unit_a.credit_code
    sheet.append(["吴敏", "110105199002020026", "女", "", code, "是", full_time, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_survey_import_writes_versions(tree, office):
    import_survey(_survey(tree, "否"), by=office)
    person = Person.objects.get(name="吴敏")
    today = timezone.localdate()
    assert spans(person) == [(today, None, tree.unit_a.pk, False, "in_post")]
    import_survey(_survey(tree, "是"), by=office)  # the same day: the version is corrected
    assert spans(person) == [(today, None, tree.unit_a.pk, True, "in_post")]


def test_the_survey_import_dates_a_change_on_the_day_of_import(tree, office):
    person = PersonFactory(name="吴敏", unit=tree.unit_a, id_number="110105199002020026")
    import_survey(_survey(tree, "是"), by=office)
    assert [(v[0], v[3]) for v in spans(person)] == [
        (HISTORY_EPOCH, False),
        (timezone.localdate(), True),
    ]


def test_backfill_keeps_a_retired_person_in_post_until_the_retirement(tree):
    """The migration: the facts a past figure used before it are the facts it uses after."""
    retired = PersonFactory(
        unit=tree.unit_a, employment_status="retired", employment_status_date=date(2024, 3, 31)
    )
    QualificationFactory(person=tree.person_b, obtained_on=date(1995, 3, 1))
    PersonVersion.objects.all().delete()
    migration = importlib.import_module("govcounsel.people.migrations.0003_person_history")
    migration.backfill(apps, None)
    unit = tree.unit_a.pk
    assert spans(retired) == [
        (HISTORY_EPOCH, date(2024, 3, 31), unit, False, "in_post"),
        (date(2024, 3, 31), None, unit, False, "retired"),
    ]
    assert spans(tree.person_b)[0][0] == date(1995, 3, 1)
    assert spans(tree.person_a) == [(HISTORY_EPOCH, None, unit, False, "in_post")]
