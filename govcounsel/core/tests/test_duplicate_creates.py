"""Two requests racing past a service's own uniqueness check: the database constraint holds
and the loser is told "已存在…" with a 400, never a 500."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django import forms
from django.db import connection

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.forms import run_service
from govcounsel.organisations import services as unit_services
from govcounsel.organisations.models import Unit
from govcounsel.people import services as people_services
from govcounsel.people.models import Person
from govcounsel.tests.helpers import client_for

ID_NUMBER = "11010519491231002X"


def _person_payload(tree):
    return {"name": "孙丽", "id_number": ID_NUMBER, "unit": tree.unit_a.pk, "phone": ""}


def _unit_payload(tree):
    return {
        "name": "朝阳区司法局",
        "credit_code": "91350100M000100Y43",
        "kind": "government_organ",
        "level": "county",
        "region": tree.chaoyang.pk,
    }


@pytest.fixture
def checks_missed(monkeypatch):
    """The moment of the race made certain: both the service's and the model's own checks
    look before the other request has written, so only the constraint stands."""
    monkeypatch.setattr(people_services, "_ensure_unique_id_number", lambda *a, **k: None)
    monkeypatch.setattr(unit_services, "_ensure_credit_code_free", lambda *a, **k: None)
    monkeypatch.setattr(Person, "validate_unique", lambda *a, **k: None)
    monkeypatch.setattr(Unit, "validate_unique", lambda *a, **k: None)


def test_person_created_twice_past_the_checks_is_a_400_naming_the_id_number(tree, checks_missed):
    client = client_for(user_with(Role.UNIT_ADMIN, tree.unit_a))
    assert client.post("/api/v1/people/", _person_payload(tree), format="json").status_code == 201
    response = client.post("/api/v1/people/", _person_payload(tree), format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "duplicate"
    assert body["message"].startswith("已存在")
    assert "身份证号码" in body["message"]
    assert "id_number" in body["errors"]
    assert Person.objects.with_id_number(ID_NUMBER).count() == 1


def test_unit_created_twice_past_the_checks_is_a_400_naming_the_credit_code(tree, checks_missed):
    client = client_for(user_with(Role.SYSTEM_ADMIN))
    assert client.post("/api/v1/units/", _unit_payload(tree), format="json").status_code == 201
    response = client.post("/api/v1/units/", _unit_payload(tree), format="json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "duplicate"
    assert "统一社会信用代码" in response.json()["message"]
    assert Unit.objects.filter(credit_code="91350100M000100Y43").count() == 1


def test_page_form_shows_the_duplicate_beside_its_field(tree, checks_missed):
    admin = user_with(Role.SYSTEM_ADMIN)
    unit_services.create_unit(by=admin, **{**_unit_payload(tree), "region": tree.chaoyang})

    class UnitForm(forms.Form):
        credit_code = forms.CharField()

    form = UnitForm(data={"credit_code": "91350100M000100Y43"})
    assert form.is_valid()
    result = run_service(
        form,
        lambda: unit_services.create_unit(
            by=admin, **{**_unit_payload(tree), "region": tree.chaoyang}
        ),
    )
    assert result is None
    assert any("已存在" in str(m) for m in form.errors["credit_code"])


def _race(url, payload, user, n=10):
    barrier = threading.Barrier(n)
    statuses: list[int] = []

    def run():
        try:
            client = client_for(user)
            barrier.wait()
            statuses.append(client.post(url, payload, format="json").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Counter(statuses)


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_creates_of_one_person_give_one_201_and_nine_400(tree):
    statuses = _race(
        "/api/v1/people/", _person_payload(tree), user_with(Role.UNIT_ADMIN, tree.unit_a)
    )
    assert statuses == Counter({201: 1, 400: 9})
    assert Person.objects.with_id_number(ID_NUMBER).count() == 1


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_creates_of_one_unit_give_one_201_and_nine_400(tree):
    statuses = _race("/api/v1/units/", _unit_payload(tree), user_with(Role.SYSTEM_ADMIN))
    assert statuses == Counter({201: 1, 400: 9})
    assert Unit.objects.filter(credit_code="91350100M000100Y43").count() == 1
