"""The people update services through model_update: what changed is saved and recorded,
what did not change is neither (ADR 0016)."""

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError
from govcounsel.core.models import AuditEvent
from govcounsel.people import services
from govcounsel.people.models import Person
from govcounsel.people.tests.factories import LegalAdviserFactory


@pytest.fixture
def office(tree):
    return user_with(Role.UNIT_ADMIN, tree.unit_a)


def updates(action="people.person.updated"):
    return list(AuditEvent.objects.filter(action=action))


def test_a_new_name_is_saved_with_its_pinyin_and_recorded(tree, office):
    services.update_person(person=tree.person_a, by=office, name="李四")
    stored = Person.objects.get(pk=tree.person_a.pk)
    assert (stored.name, stored.name_pinyin) == ("李四", "lisi")
    (event,) = updates()
    assert "name" in event.data["fields"]
    assert "phone" not in event.data["fields"]


def test_the_form_sent_back_unchanged_records_nothing(tree, office):
    person = tree.person_a
    services.update_person(
        person=person,
        by=office,
        id_number=person.id_number,
        name=person.name,
        phone=person.phone_masked,  # the masked phone the form shows means "unchanged"
        full_time_legal=person.full_time_legal,
    )
    assert updates() == []
    assert Person.objects.get(pk=person.pk).id_number_cipher == person.id_number_cipher


def test_a_field_no_form_offers_is_refused(tree, office):
    with pytest.raises(DomainError) as refused:
        services.update_person(person=tree.person_a, by=office, id_number_hash="x")
    assert (refused.value.code, refused.value.field) == ("field_not_editable", "id_number_hash")


def test_a_changed_status_keeps_its_history_and_is_recorded(tree, office):
    from datetime import date

    services.update_person(
        person=tree.person_a,
        by=office,
        employment_status="left",
        employment_status_date=date(2025, 3, 1),
    )
    versions = list(tree.person_a.versions.order_by("valid_from"))
    assert versions[-1].valid_from == date(2025, 3, 1)
    assert versions[-1].employment_status == "left"
    assert sorted(updates()[0].data["fields"]) == ["employment_status", "employment_status_date"]


def test_an_adviser_update_records_only_what_changed(tree, office):
    adviser = LegalAdviserFactory(unit=tree.unit_a)
    services.update_adviser(adviser=adviser, by=office, name=adviser.name, organisation="新所")
    (event,) = updates("people.adviser.updated")
    assert event.data == {"fields": ["organisation"]}
