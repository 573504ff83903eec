"""Correcting advisers and qualifications: edit and end an adviser's service, edit and delete
a qualification entered by mistake — each by whoever keeps the records, each recorded."""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.models import AuditEvent
from govcounsel.core.views.verbs import verb_url
from govcounsel.people import services
from govcounsel.people.models import LegalAdviser, Qualification
from govcounsel.people.tests.factories import (
    LegalAdviserFactory,
    PersonFactory,
    QualificationFactory,
)


def events(action):
    return list(AuditEvent.objects.filter(action=action))


@pytest.fixture
def adviser(cast):
    return LegalAdviserFactory(unit=cast.tree.unit_a, service_start=date(2023, 1, 1))


@pytest.fixture
def qualification(cast):
    return QualificationFactory(person=PersonFactory(name="吴科员", unit=cast.tree.unit_a))


# --- advisers -------------------------------------------------------------------------------


def test_ending_an_advisers_service_records_the_day_and_the_reason(cast, adviser):
    services.end_adviser_service(
        adviser=adviser, by=cast.own_unit, ended_on=date(2025, 6, 30), reason=" 合同期满 "
    )
    stored = LegalAdviser.objects.get(pk=adviser.pk)
    assert (stored.service_end, stored.end_reason) == (date(2025, 6, 30), "合同期满")
    assert not stored.in_service_on(date(2025, 7, 1))
    assert stored.in_service_on(date(2025, 6, 30))
    (event,) = events("people.adviser.service_ended")
    assert event.data["fields"] == ["end_reason", "service_end"]
    assert event.actor == cast.own_unit


def test_a_service_ends_once(cast, adviser):
    services.end_adviser_service(
        adviser=adviser, by=cast.own_unit, ended_on=date(2025, 6, 30), reason="合同期满"
    )
    with pytest.raises(DomainError) as refused:
        services.end_adviser_service(
            adviser=adviser, by=cast.own_unit, ended_on=date(2025, 7, 30), reason="再次"
        )
    assert refused.value.code == "already_ended"
    assert LegalAdviser.objects.get(pk=adviser.pk).service_end == date(2025, 6, 30)


@pytest.mark.parametrize(
    ("ended_on", "reason", "code", "field"),
    [
        (date(2022, 12, 31), "合同期满", "end_before_start", "ended_on"),
        (date(2025, 6, 30), "  ", "reason_required", "reason"),
    ],
)
def test_an_end_before_the_start_or_without_a_reason_is_refused(
    cast, adviser, ended_on, reason, code, field
):
    with pytest.raises(DomainError) as refused:
        services.end_adviser_service(
            adviser=adviser, by=cast.own_unit, ended_on=ended_on, reason=reason
        )
    assert (refused.value.code, refused.value.field) == (code, field)
    assert LegalAdviser.objects.get(pk=adviser.pk).service_end is None
    assert events("people.adviser.service_ended") == []


def test_another_units_office_may_not_end_the_service(cast, adviser):
    with pytest.raises(NotPermitted):
        services.end_adviser_service(
            adviser=adviser, by=cast.sibling_unit, ended_on=date(2025, 6, 30), reason="x"
        )


def test_clearing_the_end_date_resumes_service_and_drops_the_reason(cast, adviser):
    services.end_adviser_service(
        adviser=adviser, by=cast.own_unit, ended_on=date(2025, 6, 30), reason="误录"
    )
    services.update_adviser(adviser=adviser, by=cast.own_unit, service_end=None)
    stored = LegalAdviser.objects.get(pk=adviser.pk)
    assert (stored.service_end, stored.end_reason) == (None, "")


def test_the_edit_page_shows_the_record_and_saves_a_changed_period_and_notes(cast, adviser):
    client = cast.page("own_unit")
    url = verb_url("edit", adviser)
    shown = client.get(url).content.decode()
    assert adviser.name in shown
    assert "2023-01-01" in shown
    assert adviser.phone not in shown  # the phone is offered masked
    response = client.post(
        url,
        {
            "unit": cast.tree.unit_a.pk,
            "kind": "external",
            "name": adviser.name,
            "organisation": "北京市朝正律师事务所",
            "phone": adviser.phone_masked,
            "service_start": "2023-03-01",
            "service_end": "2026-02-28",
            "notes": "每周二驻点",
        },
    )
    assert response.status_code == 302
    stored = LegalAdviser.objects.get(pk=adviser.pk)
    assert (stored.service_start, stored.service_end, stored.notes) == (
        date(2023, 3, 1),
        date(2026, 2, 28),
        "每周二驻点",
    )
    assert stored.phone == adviser.phone  # the masked number sent back keeps it
    (event,) = events("people.adviser.updated")
    assert event.data["fields"] == ["notes", "service_end", "service_start"]


def test_an_end_before_the_start_on_the_edit_page_is_answered_400(cast, adviser):
    response = cast.page("own_unit").post(
        verb_url("edit", adviser),
        {
            "unit": cast.tree.unit_a.pk,
            "kind": "external",
            "name": adviser.name,
            "service_start": "2023-03-01",
            "service_end": "2023-02-01",
        },
    )
    assert response.status_code == 400
    assert "服务结束日期不能早于开始日期" in response.content.decode()
    assert LegalAdviser.objects.get(pk=adviser.pk).service_start == date(2023, 1, 1)


def test_the_api_refuses_an_end_without_a_reason_and_hides_a_strangers_adviser(cast, adviser):
    url = reverse("adviser-end-service", args=[adviser.pk])
    refused = cast.api("own_unit").post(url, {"ended_on": "2025-06-30"}, format="json")
    assert refused.status_code == 400
    assert "reason" in refused.json()["errors"]
    stranger = cast.api("other_region").post(
        url, {"ended_on": "2025-06-30", "reason": "合同期满"}, format="json"
    )
    assert stranger.status_code == 404
    done = cast.api("bureau").post(
        url, {"ended_on": "2025-06-30", "reason": "合同期满"}, format="json"
    )
    assert done.status_code == 200
    assert done.json()["service_end"] == "2025-06-30"
    again = cast.api("bureau").post(
        url, {"ended_on": "2025-07-30", "reason": "合同期满"}, format="json"
    )
    assert again.status_code == 400
    assert again.json()["code"] == "already_ended"


def test_the_advisers_page_offers_its_keepers_the_corrections_and_others_none(cast, adviser):
    url = reverse("people:adviser", args=[adviser.pk])
    keeper = cast.page("own_unit").get(url).content.decode()
    assert 'data-testid="verb-edit"' in keeper
    assert 'data-testid="verb-end-service"' in keeper
    reader = cast.page("parent_region").get(url)
    assert reader.status_code == 200
    assert 'data-testid="verb-edit"' not in reader.content.decode()
    listed = cast.page("own_unit").get(reverse("people:advisers")).content.decode()
    assert url in listed  # the list links each adviser to its page


def test_an_ended_service_is_not_offered_to_end_again(cast, adviser):
    services.end_adviser_service(
        adviser=adviser, by=cast.own_unit, ended_on=date(2025, 6, 30), reason="合同期满"
    )
    page = cast.page("own_unit").get(reverse("people:adviser", args=[adviser.pk]))
    body = page.content.decode()
    assert 'data-testid="verb-end-service"' not in body
    assert "合同期满" in body


# --- qualifications -------------------------------------------------------------------------


def test_a_qualification_is_corrected_and_recorded(cast, qualification):
    response = cast.page("own_unit").post(
        verb_url("edit", qualification),
        {"kind": "legal_b", "certificate_number": "B20200000001", "obtained_on": "2020-03-01"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person", args=[qualification.person_id])
    stored = Qualification.objects.get(pk=qualification.pk)
    assert (stored.kind, stored.certificate_number) == ("legal_b", "B20200000001")
    (event,) = events("people.qualification.updated")
    assert set(event.data["fields"]) == {"kind", "certificate_number", "obtained_on"}


def test_a_certificate_number_already_on_record_is_answered_400(cast, qualification):
    other = QualificationFactory(person=qualification.person, certificate_number="A1")
    data = {"kind": other.kind, "certificate_number": "A1", "obtained_on": "2019-03-01"}
    page = cast.page("own_unit").post(verb_url("edit", qualification), data)
    assert page.status_code == 400
    api = cast.api("own_unit").post(
        reverse("qualification-edit", args=[qualification.pk]), data, format="json"
    )
    assert api.status_code == 400
    assert Qualification.objects.get(pk=qualification.pk).certificate_number != "A1"


def test_a_future_date_is_refused(cast, qualification):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = cast.api("own_unit").post(
        reverse("qualification-edit", args=[qualification.pk]),
        {"kind": "legal_a", "certificate_number": "A2", "obtained_on": str(tomorrow)},
        format="json",
    )
    assert response.status_code == 400
    assert "obtained_on" in str(response.json())


def test_a_mistaken_qualification_is_deleted_and_the_event_keeps_what_it_said(cast, qualification):
    person = services.delete_qualification(qualification=qualification, by=cast.bureau)
    assert person == qualification.person
    assert not Qualification.objects.filter(pk=qualification.pk).exists()
    (event,) = events("people.qualification.deleted")
    assert event.object_id == str(qualification.pk)
    assert (event.data["person"], event.data["kind"]) == (person.pk, qualification.kind)
    # The field-level trail keeps the deleted values.
    (deleted,) = LogEntry.objects.get_for_object(qualification).filter(
        action=LogEntry.Action.DELETE
    )
    assert qualification.certificate_number in str(deleted.changes)


def test_a_certificate_holders_only_qualification_stays(cast):
    holder = cast.lawyer.person  # certified on their one qualification
    (only,) = holder.qualifications.all()
    with pytest.raises(DomainError) as refused:
        services.delete_qualification(qualification=only, by=cast.own_unit)
    assert refused.value.code == "qualification_in_use"
    assert Qualification.objects.filter(pk=only.pk).exists()
    api = cast.api("own_unit").post(reverse("qualification-delete", args=[only.pk]))
    assert api.status_code == 400
    assert api.json()["code"] == "qualification_in_use"
    # A second one on record: the mistaken first may go.
    QualificationFactory(person=holder, kind="lawyer")
    services.delete_qualification(qualification=only, by=cast.own_unit)


def test_the_person_page_offers_corrections_to_its_keepers_only(cast, qualification):
    url = reverse("people:person", args=[qualification.person_id])
    keeper = cast.page("own_unit").get(url).content.decode()
    assert verb_url("edit", qualification) in keeper
    assert verb_url("delete", qualification) in keeper
    reader = cast.page("parent_region").get(url).content.decode()
    assert verb_url("delete", qualification) not in reader


def test_the_delete_page_asks_before_deleting(cast, qualification):
    page = cast.page("own_unit").get(verb_url("delete", qualification)).content.decode()
    assert "data-confirm" in page
    assert "误录" in page
    assert Qualification.objects.filter(pk=qualification.pk).exists()
