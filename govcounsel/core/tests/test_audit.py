import io

import pytest
from auditlog.models import LogEntry
from django.db import connection, transaction
from django.db.utils import DatabaseError
from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.audit import record_event
from govcounsel.core.audit_actions import actions
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.core.models import AuditEvent
from govcounsel.people import services
from govcounsel.tests.helpers import client_for, events


@pytest.fixture(autouse=True)
def _test_actions():
    with actions.declared("test.thing.happened", "test.thing"):
        yield


def test_audit_events_cannot_be_changed_or_deleted_through_the_application(tree):
    event = record_event("test.thing.happened", tree.unit_a)
    event.action = "tampered"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="tampered")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_database_refuses_to_rewrite_audit_events(tree):
    event = record_event("test.thing.happened", tree.unit_a)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE core_auditevent SET action = 'x' WHERE id = %s", [event.pk])
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])


def test_service_changes_record_an_event_and_a_field_diff(tree, cast):
    services.update_person(person=tree.person_a, by=cast.own_unit, full_time_legal=True)
    (event,) = events("people.person.updated")
    assert event.actor == cast.own_unit
    assert event.object_id == str(tree.person_a.pk)
    entry = LogEntry.objects.get_for_object(tree.person_a).latest("timestamp")
    assert entry.changes_dict["full_time_legal"] == ["False", "True"]


def test_api_changes_record_actor_and_client_address(tree, cast):
    client = client_for(cast.own_unit)
    response = client.patch(
        f"/api/v1/people/{tree.person_a.pk}/",
        {"full_time_legal": True},
        format="json",
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 200
    (event,) = events("people.person.updated")
    assert event.client_address == "10.1.2.3"
    assert event.actor_name == "own_unit"
    entry = LogEntry.objects.get_for_object(tree.person_a).latest("timestamp")
    assert entry.actor == cast.own_unit
    assert entry.remote_addr == "10.1.2.3"


def test_phone_changes_are_masked_in_the_diff(tree, cast):
    services.update_person(person=tree.person_a, by=cast.own_unit, phone="13911112222")
    entry = LogEntry.objects.get_for_object(tree.person_a).latest("timestamp")
    assert "13911112222" not in str(entry.changes)


def test_audit_page_is_for_the_audit_administrator_only(tree, client):
    auditor = user_with(Role.AUDIT_ADMIN)
    record_event("organisations.unit.updated", tree.unit_a, by=auditor)
    for role in (Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN):
        client.force_login(user_with(role))
        assert client.get("/audit/").status_code == 403
        assert client.get("/audit/changes/").status_code == 403
    client.force_login(auditor)
    response = client.get("/audit/?group=organisations")
    assert response.status_code == 200
    assert "修改单位" in response.content.decode()
    assert client.get("/audit/changes/").status_code == 200


def test_audit_export_is_an_excel_file_of_the_filtered_trail(tree, client):
    auditor = user_with(Role.AUDIT_ADMIN)
    record_event("organisations.unit.updated", tree.unit_a, by=auditor)
    record_event("people.person.updated", tree.person_a, by=auditor)
    client.force_login(auditor)
    response = client.get("/audit/?group=organisations&export=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [row[1:3] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert rows == [("修改单位", "organisations.unit.updated")]


def test_audit_admin_cannot_change_anything_in_the_back_office(tree, client):
    auditor = user_with(Role.AUDIT_ADMIN, is_staff=True)
    event = record_event("test.thing", tree.unit_a)
    client.force_login(auditor)
    assert client.get(f"/admin/core/auditevent/{event.pk}/change/").status_code == 200  # view only
    response = client.post(f"/admin/core/auditevent/{event.pk}/change/", {"action": "x"})
    assert response.status_code == 403
    assert (
        client.post(f"/admin/core/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert client.get(f"/admin/organisations/unit/{tree.unit_a.pk}/change/").status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == "test.thing"
