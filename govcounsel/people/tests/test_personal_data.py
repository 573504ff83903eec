"""Issue 9, personal data: nothing a role can read rebuilds a full ID number, phones are
masked and encrypted at rest, and ID numbers typed into searches never reach a trail."""

from __future__ import annotations

import io
import json
import logging
import re
from calendar import monthrange
from datetime import date
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test import Client
from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core import crypto
from govcounsel.core.bulk_audit import log_bulk
from govcounsel.core.masking import ScrubIdentifiersFilter, scrub_identifiers
from govcounsel.core.models import AuditEvent
from govcounsel.core.validators import id_check_digit
from govcounsel.people import services
from govcounsel.people.models import LegalAdviser, Person
from govcounsel.people.tests.factories import LegalAdviserFactory
from govcounsel.tests.helpers import events

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_EN_MONTHS = {m: i + 1 for i, m in enumerate(_MONTHS.split("|"))}


def _dates_in(text: str) -> set[date]:
    """Every birth date an attacker could read off a page: 1990-01-02, 1990年1月2日,
    1990/1/2, 19900102, Jan. 2, 1990."""
    found: set[tuple[int, int, int]] = set()
    for y, m, d in re.findall(r"((?:19|20)\d\d)[-/.年]\s?(\d{1,2})[-/.月]\s?(\d{1,2})", text):
        found.add((int(y), int(m), int(d)))
    for y, m, d in re.findall(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)", text):
        found.add((int(y), int(m), int(d)))
    for m, d, y in re.findall(rf"({_MONTHS})[a-z]*\.?\s+(\d{{1,2}}),\s+(\d{{4}})", text):
        found.add((int(y), _EN_MONTHS[m], int(d)))
    dates = set()
    for y, m, d in found:
        try:
            dates.add(date(y, m, d))
        except ValueError:
            continue
    return dates


def rebuilt_id_numbers(masked: str, seen: str) -> set[str]:
    """What an attacker rebuilds: the region code and the last four from the masked number,
    the eight hidden digits from any date on what they read, kept if the check digit fits."""
    region, tail = masked[:6], masked[-4:]
    candidates = set()
    for day in _dates_in(seen):
        first17 = f"{region}{day:%Y%m%d}{tail[:3]}"
        if id_check_digit(first17) == tail[-1]:
            candidates.add(first17 + tail[-1])
    return candidates


def candidates_from_year(masked: str, year: int) -> int:
    """How many full numbers fit the masked number and a known birth year."""
    region, tail = masked[:6], masked[-4:]
    count = 0
    for month in range(1, 13):
        for day in range(1, monthrange(year, month)[1] + 1):
            if id_check_digit(f"{region}{year}{month:02d}{day:02d}{tail[:3]}") == tail[-1]:
                count += 1
    return count


def _xlsx_text(content: bytes) -> str:
    sheet = load_workbook(io.BytesIO(content)).active
    return " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)


def _read(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        return _xlsx_text(response.content)
    return response.content.decode()


@pytest.fixture
def person(tree: Any) -> Person:
    """person_a with a change on record, so the change history has a creation and an update."""
    bureau = user_with(Role.JUSTICE_BUREAU, tree.chaoyang)
    return services.update_person(
        person=tree.person_a, by=bureau, phone="13912345678", full_time_legal=True
    )


# Each role that reads people, where it stands, and what it can open.
PEOPLE_PAGES = [
    "/api/v1/people/",
    "/api/v1/people/{pk}/",
    "/people/",
    "/people/{pk}/",
    "/people/?export=xlsx",
    "/organisations/units/{unit}/",
]
READERS = {
    Role.SUPERVISOR: ("chaoyang", PEOPLE_PAGES),
    Role.JUSTICE_BUREAU: ("chaoyang", PEOPLE_PAGES),
    Role.UNIT_ADMIN: ("unit_a", PEOPLE_PAGES),
    Role.PUBLIC_LAWYER: ("self", PEOPLE_PAGES),
    Role.AUDIT_ADMIN: (None, ["/audit/", "/audit/changes/", "/audit/changes/?export=xlsx"]),
    Role.SYSTEM_ADMIN: (None, ["/admin/people/person/", "/admin/people/person/{pk}/change/"]),
}


@pytest.mark.parametrize("role", list(READERS), ids=str)
def test_nothing_a_role_reads_rebuilds_the_full_id_number(tree, person, client, role):
    where, pages = READERS[role]
    if where == "self":
        user = user_with(role, person=person)
    else:
        user = user_with(role, getattr(tree, where) if where else None, is_staff=not where)
    client.force_login(user)
    seen = " ".join(_read(client, page.format(pk=person.pk, unit=person.unit_id)) for page in pages)
    assert person.name in seen  # the role does read this person
    assert person.id_number_masked in seen or role == Role.AUDIT_ADMIN
    assert person.id_number not in seen
    assert person.id_number not in rebuilt_id_numbers(person.id_number_masked, seen)
    assert person.phone not in seen
    assert events("people.person.identity_revealed") == []


def test_the_birth_year_shown_leaves_dozens_of_possible_numbers(tree):
    person = tree.person_a
    assert candidates_from_year(person.id_number_masked, person.birth_year) >= 20


def test_the_justice_bureau_reads_the_full_number_only_through_the_audited_reveal(
    tree, person, client
):
    bureau = user_with(Role.JUSTICE_BUREAU, tree.chaoyang)
    client.force_login(bureau)
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert person.id_number not in rebuilt_id_numbers(person.id_number_masked, page)
    shown = client.post(f"/people/{person.pk}/identity/").content.decode()
    assert person.id_number in shown
    assert "13912345678" in shown
    (event,) = events("people.person.identity_revealed")
    assert event.actor == bureau
    assert event.object_id == str(person.pk)


def test_api_cannot_order_people_by_birth_date(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.beijing))
    by_name = client.get("/api/v1/people/").json()
    by_birth = client.get("/api/v1/people/?ordering=birth_date").json()
    assert by_birth == by_name


# Phones


def test_phones_are_encrypted_at_rest(tree):
    adviser = LegalAdviserFactory(unit=tree.unit_a, phone="13712345678")
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM people_person WHERE id = %s", [tree.person_a.pk])
        (stored,) = cursor.fetchone()
        cursor.execute("SELECT phone FROM people_legaladviser WHERE id = %s", [adviser.pk])
        (stored_adviser,) = cursor.fetchone()
    assert "13800138000" not in stored
    assert crypto.decrypt(stored) == "13800138000"
    assert crypto.decrypt(stored_adviser) == "13712345678"
    assert Person.objects.get(pk=tree.person_a.pk).phone == "13800138000"


def test_edit_form_shows_the_phone_masked_and_keeps_it_when_sent_back(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    url = f"/people/{tree.person_a.pk}/edit/"
    page = client.get(url).content.decode()
    assert "13800138000" not in page
    assert 'value="138****8000"' in page
    form = {
        "name": tree.person_a.name,
        "sex": "M",
        "phone": "138****8000",
        "unit": tree.unit_a.pk,
        "is_civil_servant": "on",
        "employment_status": "in_post",
    }
    assert client.post(url, form).status_code == 302
    tree.person_a.refresh_from_db()
    assert tree.person_a.phone == "13800138000"
    assert client.post(url, {**form, "phone": "13987654321"}).status_code == 302
    tree.person_a.refresh_from_db()
    assert tree.person_a.phone == "13987654321"


def test_a_masked_phone_that_is_not_the_persons_is_refused(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    response = client.patch(
        f"/api/v1/people/{tree.person_a.pk}/", {"phone": "139****1111"}, "application/json"
    )
    assert response.status_code == 400
    tree.person_a.refresh_from_db()
    assert tree.person_a.phone == "13800138000"


def test_back_office_shows_phones_masked(tree, client):
    adviser = LegalAdviserFactory(unit=tree.unit_a, phone="13712345678")
    client.force_login(user_with(Role.SYSTEM_ADMIN, is_staff=True))
    person_page = client.get(f"/admin/people/person/{tree.person_a.pk}/change/")
    adviser_page = client.get(f"/admin/people/legaladviser/{adviser.pk}/change/")
    assert person_page.status_code == adviser_page.status_code == 200
    assert "13800138000" not in person_page.content.decode()
    assert "138****8000" in person_page.content.decode()
    assert "13712345678" not in adviser_page.content.decode()
    assert "137****5678" in adviser_page.content.decode()


def test_change_history_masks_phones_like_the_pages(tree, person):
    update = LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.UPDATE).get()
    assert update.changes_dict["phone"] == ["138****8000", "139****5678"]
    assert "birth_date" not in LogEntry.objects.get_for_object(person).get(action=0).changes_dict


def test_bulk_history_follows_the_registered_masks(tree):
    log_bulk(
        [(tree.person_a, LogEntry.Action.UPDATE, {"phone": ["13800138000", "13912345678"]})],
        by=None,
    )
    entry = LogEntry.objects.get_for_object(tree.person_a).latest("pk")
    assert entry.changes_dict["phone"] == ["138****8000", "139****5678"]


def test_adviser_phone_is_revealed_to_the_justice_bureau_and_audited(tree, client):
    adviser = LegalAdviserFactory(unit=tree.unit_a, phone="13712345678")
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    listed = client.get("/api/v1/advisers/").content.decode()
    assert "13712345678" not in listed
    assert "137****5678" in listed
    assert client.get(f"/api/v1/advisers/{adviser.pk}/identity/").status_code == 403
    bureau = user_with(Role.JUSTICE_BUREAU, tree.chaoyang)
    client.force_login(bureau)
    response = client.get(f"/api/v1/advisers/{adviser.pk}/identity/")
    assert response.json() == {"phone": "13712345678"}
    (event,) = events("people.adviser.phone_revealed")
    assert event.actor == bureau
    assert LegalAdviser.objects.get(pk=adviser.pk).phone == "13712345678"


# ID numbers typed into searches


def _trail_text() -> str:
    rows = [
        json.dumps([e.action, e.data, e.object_repr], ensure_ascii=False)
        for e in AuditEvent.objects.all()
    ]
    rows += [json.dumps([e.changes, e.object_repr]) for e in LogEntry.objects.all()]
    return "\n".join(rows)


def test_id_number_searches_leave_only_the_keyed_hash(tree, client, caplog):
    caplog.set_level(logging.DEBUG)
    number = tree.person_a.id_number
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    for url in (
        f"/people/?q={number}",
        f"/api/v1/people/?q={number}",
        f"/people/?q={number}&export=xlsx",
        f"/people/{number}/",  # a number pasted where an id goes
        f"/api/v1/people/{number}/",
    ):
        client.get(url)
    found = client.get(f"/api/v1/people/?q={number}").json()
    assert [p["id"] for p in found["results"]] == [tree.person_a.pk]
    trail = _trail_text()
    assert number not in trail
    assert number[:17] not in trail
    assert crypto.lookup_hash(number)[:16] in trail  # the export records its filter hashed
    assert all(number not in r.getMessage() for r in caplog.records)


def test_log_lines_carry_the_hash_not_the_number(tree):
    number = tree.person_a.id_number
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"GET /people/?q=%s HTTP/1.1" 200',
        (number,),
        None,
    )
    assert ScrubIdentifiersFilter().filter(record)
    assert number not in record.getMessage()
    assert crypto.lookup_hash(number)[:16] in record.getMessage()
    handlers = logging.getLogger("django.server").handlers + logging.getLogger().handlers
    assert any(isinstance(f, ScrubIdentifiersFilter) for h in handlers for f in h.filters), (
        "the configured log handlers scrub ID numbers"
    )


def test_scrubbing_keeps_licence_numbers_and_phones():
    text = "执业证号 16101201761012345 电话 13800138000 身份证 11010519900307123X"
    scrubbed = scrub_identifiers(text)
    assert "16101201761012345" in scrubbed
    assert "13800138000" in scrubbed
    assert "11010519900307123X" not in scrubbed


def test_history_written_before_the_change_is_shown_without_the_birth_date(tree, client):
    person = tree.person_a
    LogEntry.objects.log_create(
        person,
        action=LogEntry.Action.UPDATE,
        changes={"birth_date": ["", str(person.birth_date)], "phone": ["", "13800138000"]},
        force_log=True,
    )
    client.force_login(user_with(Role.AUDIT_ADMIN))
    seen = _read(client, "/audit/changes/") + _read(client, "/audit/changes/?export=xlsx")
    assert person.id_number not in rebuilt_id_numbers(person.id_number_masked, seen)
    assert "13800138000" not in seen
