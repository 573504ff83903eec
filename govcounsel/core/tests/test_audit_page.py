"""The audit administrator reads the trail in words (ADR 0017): one request id ties a
request's events to its field diffs; the page shows labels, Beijing time, the object's name
and a readable diff, filters by actor, object, group and Beijing dates, exports what it
filters, and pages without counting the trail."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core import audit_chain
from govcounsel.core.audit import record_event, verify_chains
from govcounsel.core.audit_display import CHANGES_PER_REQUEST
from govcounsel.core.bulk_audit import log_bulk
from govcounsel.core.context import RequestContext, reset, set_current
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.core.models import AuditEvent
from govcounsel.people.models import Person
from govcounsel.tests.helpers import client_for, events

pytestmark = pytest.mark.django_db

# 20:30 UTC on 1 January is 04:30 on 2 January in Beijing.
LATE_UTC = datetime(2026, 1, 1, 20, 30, tzinfo=UTC)


@pytest.fixture
def auditor(client):
    user = user_with(Role.AUDIT_ADMIN, username="auditor", last_name="审", first_name="计员")
    client.force_login(user)
    return user


def _patch_person(user, person, payload):
    response = client_for(user).patch(f"/api/v1/people/{person.pk}/", payload, format="json")
    assert response.status_code == 200, response.content
    return response


def _in_request(request_id: str = "f" * 32):
    """Code run as if serving a request with that id (a service called from a view)."""
    return set_current(RequestContext(request=None, client_address=None, request_id=request_id))


def _page(client, query: str = "") -> str:
    response = client.get(f"/audit/{query}")
    assert response.status_code == 200
    return response.content.decode()


# --- one request, one id ----------------------------------------------------------------


def test_a_request_ties_its_event_to_its_field_diffs(tree, cast):
    response = _patch_person(cast.own_unit, tree.person_a, {"full_time_legal": True})
    (event,) = events("people.person.updated")
    entry = LogEntry.objects.get_for_object(tree.person_a).latest("timestamp")
    assert len(event.request_id) == 32
    assert entry.cid == event.request_id == response["X-Request-ID"]


def test_each_request_has_its_own_id(tree, cast):
    _patch_person(cast.own_unit, tree.person_a, {"full_time_legal": True})
    _patch_person(cast.own_unit, tree.person_a, {"full_time_legal": False})
    first, second = AuditEvent.objects.filter(action="people.person.updated").order_by("pk")
    assert first.request_id != second.request_id


def test_a_client_cannot_choose_the_request_id(tree, cast):
    forged = "0" * 32
    client = client_for(cast.own_unit)
    client.patch(
        f"/api/v1/people/{tree.person_a.pk}/",
        {"full_time_legal": True},
        format="json",
        HTTP_X_CORRELATION_ID=forged,
    )
    entry = LogEntry.objects.get_for_object(tree.person_a).latest("timestamp")
    assert entry.cid
    assert entry.cid != forged
    assert not AuditEvent.objects.filter(request_id=forged).exists()


def test_bulk_diffs_carry_the_request_id(tree):
    token = _in_request("b" * 32)
    try:
        log_bulk([(tree.person_a, LogEntry.Action.UPDATE, {"name": ["甲", "乙"]})], by=None)
    finally:
        reset(token)
    entry = LogEntry.objects.get_for_object(tree.person_a).latest("pk")
    assert entry.changes_dict == {"name": ["甲", "乙"]}
    assert entry.cid == "b" * 32


def test_outside_a_request_an_event_has_no_request_id(tree):
    event = record_event("organisations.unit.updated", tree.unit_a)
    assert event.request_id is None


# --- the chain with request ids ------------------------------------------------------------


def test_events_without_a_request_id_hash_as_before_it_existed(tree):
    """Rows written before the field are chained without it: their digests stay valid."""
    event = record_event("organisations.unit.updated", tree.unit_a)
    before = [
        event.action,
        event.actor_id,
        event.actor_name,
        event.at,
        audit_chain.ip(event.client_address),
        event.content_type_id,
        str(event.object_id),
        event.object_repr,
        audit_chain.normalise_json(event.data),
    ]
    assert event.digest == audit_chain.digest(before, event.previous_digest)


def test_the_request_id_is_sealed_in_the_chain(tree):
    from govcounsel.core.tests.test_audit_chain import _tamper, _verify_audit

    token = _in_request("a" * 32)
    try:
        record_event("organisations.unit.updated", tree.unit_a)
        second = record_event("organisations.unit.updated", tree.unit_a)
    finally:
        reset(token)
    record_event("organisations.unit.updated", tree.unit_a)  # no request id
    assert all(broken is None for _chain, _count, broken in verify_chains())
    _tamper("UPDATE core_auditevent SET request_id = %s WHERE id = %s", ["c" * 32, second.pk])
    assert f"编号 {second.pk}" in _verify_audit()


def test_a_request_id_slipped_into_an_old_row_breaks_the_chain(tree):
    from govcounsel.core.tests.test_audit_chain import _tamper, _verify_audit

    event = record_event("organisations.unit.updated", tree.unit_a)
    _tamper("UPDATE core_auditevent SET request_id = %s WHERE id = %s", ["c" * 32, event.pk])
    assert f"编号 {event.pk}" in _verify_audit()


# --- the page ------------------------------------------------------------------------------


def test_the_page_shows_labels_beijing_time_and_the_object_name(tree, client, auditor):
    with time_machine.travel(LATE_UTC, tick=False):
        record_event("organisations.unit.updated", tree.unit_a, by=auditor)
    page = _page(client)
    assert "修改单位" in page  # the label
    assert "地区与单位" in page  # its group
    assert "2026-01-02 04:30:00" in page
    assert "20:30" not in page
    assert tree.unit_a.name in page
    assert "审计员" in page  # the actor's name beside the account


def test_an_event_of_a_name_no_longer_declared_shows_as_written(tree, client, auditor, settings):
    settings.AUDIT_STRICT_ACTIONS = False
    record_event("organisations.unit.renamed", tree.unit_a)
    assert "organisations.unit.renamed" in _page(client)


def test_the_page_shows_the_requests_diff_in_words(tree, cast, client, auditor):
    _patch_person(cast.own_unit, tree.person_a, {"full_time_legal": True, "phone": "13911112222"})
    page = _page(client, "?action=people.person.updated")
    full_time = str(Person._meta.get_field("full_time_legal").verbose_name)
    assert f"{full_time}</span>：<del>否</del> → <ins>是</ins>" in page
    assert str(Person._meta.get_field("phone").verbose_name) in page
    assert "139****2222" in page
    assert "13911112222" not in page
    assert tree.person_a.name in page


def test_a_related_record_in_a_diff_is_shown_by_name(tree, client, auditor):
    token = _in_request("d" * 32)
    try:
        LogEntry.objects.log_create(
            tree.person_a,
            action=LogEntry.Action.UPDATE,
            changes={"unit": [str(tree.unit_a.pk), str(tree.unit_b.pk)]},
            force_log=True,
        )
        record_event("people.person.updated", tree.person_a, by=auditor)
    finally:
        reset(token)
    page = _page(client)
    assert f"<del>{tree.unit_a.name}</del> → <ins>{tree.unit_b.name}</ins>" in page
    changes = client.get("/audit/changes/").content.decode()
    assert f"<del>{tree.unit_a.name}</del> → <ins>{tree.unit_b.name}</ins>" in changes
    assert f"/audit/?request={'d' * 32}" in changes  # to the events of the same request


def test_a_large_request_shows_a_few_diffs_and_links_to_the_rest(tree, client, auditor):
    token = _in_request("e" * 32)
    try:
        log_bulk(
            [
                (tree.person_a, LogEntry.Action.UPDATE, {"name": [str(n), str(n + 1)]})
                for n in range(CHANGES_PER_REQUEST + 5)
            ],
            by=auditor,
        )
        record_event("people.survey.imported", by=auditor, data={"file": "摸底.xlsx"})
    finally:
        reset(token)
    page = _page(client)
    assert page.count('data-testid="diff"') == CHANGES_PER_REQUEST
    assert "另有 5 项字段变更" in page
    assert f"/audit/changes/?request={'e' * 32}" in page
    assert "文件</span>：摸底.xlsx" in page


def test_the_page_lists_only_what_it_is_asked_for(tree, client, auditor):
    other = user_with(Role.SYSTEM_ADMIN, username="sysadmin", last_name="王", first_name="五")
    unit_type = ContentType.objects.get_for_model(tree.unit_a)
    with time_machine.travel(LATE_UTC, tick=False):
        late = record_event("organisations.unit.updated", tree.unit_a, by=other)
    person = record_event("people.person.updated", tree.person_a, by=auditor)
    unit_b = record_event("organisations.unit.created", tree.unit_b, by=auditor)

    def listed(query: str) -> set[int]:
        response = client.get(f"/audit/{query}")
        assert response.status_code == 200
        return {e.pk for e in response.context["object_list"]}

    assert listed("?group=organisations") == {late.pk, unit_b.pk}
    assert listed("?action=people.person.updated") == {person.pk}
    assert listed("?actor=sysadmin") == {late.pk}
    assert listed("?actor=王五") == {late.pk}
    assert listed(f"?object_type={unit_type.app_label}.{unit_type.model}") == {late.pk, unit_b.pk}
    assert listed(f"?object_type=organisations.unit&object_id={tree.unit_b.pk}") == {unit_b.pk}
    assert listed(f"?q={tree.person_a.name}") == {person.pk}
    # Beijing dates: the event at 20:30 UTC on 1 January is on 2 January in Beijing.
    assert listed("?since=2026-01-02&until=2026-01-02") == {late.pk}
    assert late.pk not in listed("?until=2026-01-01")
    assert listed("?group=nonsense") == set(listed(""))  # an unknown choice is not applied


def test_the_export_is_the_filtered_trail_in_words(tree, cast, client, auditor):
    _patch_person(cast.own_unit, tree.person_a, {"full_time_legal": True})
    record_event("organisations.unit.updated", tree.unit_a, by=auditor)
    response = client.get("/audit/?group=people&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert header[:3] == ("时间（北京时间）", "事件", "事件代码")
    (row,) = rows
    record = dict(zip(header, row, strict=True))
    assert record["事件"] == "修改人员信息"
    assert record["对象"] == tree.person_a.name
    full_time = str(Person._meta.get_field("full_time_legal").verbose_name)
    assert f"{full_time}：否 → 是" in record["字段变更"]
    assert record["请求编号"] == AuditEvent.objects.get(action="people.person.updated").request_id


def test_the_changes_export_is_in_words(tree, cast, client, auditor):
    _patch_person(cast.own_unit, tree.person_a, {"phone": "13911112222"})
    response = client.get("/audit/changes/?object_type=people.person&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    _header, *rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    text = " ".join(str(v) for row in rows for v in row)
    assert "139****2222" in text
    assert "13911112222" not in text
    assert "修改" in text


def _unit_moved(person, auditor, request_id, old, new):
    token = _in_request(request_id)
    try:
        LogEntry.objects.log_create(
            person,
            action=LogEntry.Action.UPDATE,
            changes={"unit": [str(old.pk), str(new.pk)]},
            force_log=True,
        )
        record_event("people.person.updated", person, by=auditor)
    finally:
        reset(token)


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_pages_read_as_many_queries_for_many_rows_as_for_one(tree, cast, client, auditor):
    """The events, their diffs, and the related records each diff names: one query each
    per page, whatever the number of rows."""
    _unit_moved(tree.person_a, auditor, "1" * 32, tree.unit_a, tree.unit_b)
    client.get("/audit/")  # the content-type cache warmed
    few = _queries(client, "/audit/"), _queries(client, "/audit/changes/")
    for n in range(15):
        _patch_person(cast.own_unit, tree.person_a, {"full_time_legal": n % 2 == 0})
        _unit_moved(tree.person_a, auditor, f"{n:032d}", tree.unit_b, tree.unit_a2)
    many = _queries(client, "/audit/"), _queries(client, "/audit/changes/")
    assert many == few


def test_the_page_moves_on_by_keyset(tree, client, auditor):
    for _n in range(55):
        record_event("organisations.unit.updated", tree.unit_a, by=auditor)
    first = client.get("/audit/?group=organisations")
    assert len(first.context["object_list"]) == 50
    after = first.context["next_keyset"]
    second = client.get("/audit/", {"group": "organisations", "cursor": after})
    assert len(second.context["object_list"]) == 5
    seen = {e.pk for e in first.context["object_list"]} | {
        e.pk for e in second.context["object_list"]
    }
    assert len(seen) == 55
