import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.models import Person
from govcounsel.people.tests.factories import (
    LegalAdviserFactory,
    PersonFactory,
    QualificationFactory,
)
from govcounsel.tests.helpers import client_for, events


@pytest.mark.parametrize(
    ("actor", "names"),
    [
        ("own_unit", ["王建国"]),
        ("sibling_unit", ["李秀英"]),
        ("parent_region", ["李秀英", "王建国"]),
        ("other_region", ["陈静"]),
    ],
)
def test_person_list_is_scoped(tree, cast, actor, names):
    response = client_for(cast.user(actor)).get("/api/v1/people/")
    assert sorted(p["name"] for p in response.json()["results"]) == sorted(names)


def test_superior_unit_sees_its_vertical_system_only(tree):
    superior = user_with(Role.SUPERIOR_ADMIN, tree.city_unit)
    names = [p["name"] for p in client_for(superior).get("/api/v1/people/").json()["results"]]
    assert names == ["李秀英"]  # unit_a2 is under the city unit; unit_a is not


def test_public_lawyer_sees_only_themselves(tree):
    lawyer = user_with(Role.PUBLIC_LAWYER, person=tree.person_a)
    client = client_for(lawyer)
    assert [p["name"] for p in client.get("/api/v1/people/").json()["results"]] == ["王建国"]
    assert client.get(f"/api/v1/people/{tree.person_a2.pk}/").status_code == 404
    units = client.get("/api/v1/units/").json()["results"]
    assert [u["name"] for u in units] == [tree.unit_a.name]


def test_out_of_scope_read_is_recorded_as_denied(tree, cast):
    client_for(cast.other_region).get(f"/api/v1/people/{tree.person_a.pk}/")
    (event,) = events("access.denied")
    assert event.actor == cast.other_region
    assert event.data["id"] == str(tree.person_a.pk)


def test_people_come_out_masked(tree, cast):
    body = client_for(cast.parent_region).get(f"/api/v1/people/{tree.person_a.pk}/").json()
    full = tree.person_a.id_number
    assert "id_number" not in body
    assert "phone" not in body
    assert body["id_number_masked"] == full[:6] + "********" + full[-4:]
    assert body["phone_masked"] == "138****8000"
    assert full not in str(body)


def test_justice_bureau_reads_full_identity_and_it_is_audited(tree):
    bureau = user_with(Role.JUSTICE_BUREAU, tree.chaoyang)
    response = client_for(bureau).get(f"/api/v1/people/{tree.person_a.pk}/identity/")
    assert response.status_code == 200
    assert response.json() == {
        "id_number": tree.person_a.id_number,
        "birth_date": tree.person_a.birth_date.isoformat(),
        "phone": "13800138000",
    }
    (event,) = events("people.person.identity_revealed")
    assert event.actor == bureau
    assert event.object_id == str(tree.person_a.pk)


def test_holder_reads_own_identity(tree):
    lawyer = user_with(Role.PUBLIC_LAWYER, person=tree.person_a)
    assert client_for(lawyer).get(f"/api/v1/people/{tree.person_a.pk}/identity/").status_code == 200


@pytest.mark.parametrize("actor", ["own_unit", "parent_region"])
def test_other_roles_cannot_read_full_identity(tree, cast, actor):
    response = client_for(cast.user(actor)).get(f"/api/v1/people/{tree.person_a.pk}/identity/")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert events("people.person.identity_revealed") == []
    assert len(events("access.denied")) == 1


def test_lookup_by_full_id_number_uses_the_keyed_hash(tree, cast):
    number = tree.person_a.id_number
    results = client_for(cast.parent_region).get("/api/v1/people/", {"q": number}).json()["results"]
    assert [p["name"] for p in results] == ["王建国"]
    raw = Person.objects.values_list("id_number_cipher", "id_number_hash").get(pk=tree.person_a.pk)
    assert number not in raw[0]
    assert number not in raw[1]


def test_search_by_pinyin_initials_and_unit(tree, cast):
    client = client_for(cast.parent_region)
    assert [p["name"] for p in client.get("/api/v1/people/", {"q": "wjg"}).json()["results"]] == [
        "王建国"
    ]
    assert [p["name"] for p in client.get("/api/v1/people/", {"q": "lixiu"}).json()["results"]] == [
        "李秀英"
    ]
    by_unit = client.get("/api/v1/people/", {"q": "朝阳分局"}).json()["results"]
    assert [p["name"] for p in by_unit] == ["李秀英"]


def test_bad_id_number_is_refused_with_field_message(tree, cast):
    payload = {"name": "孙丽", "id_number": "110105194912310021", "unit": tree.unit_a.pk}
    response = client_for(cast.own_unit).post("/api/v1/people/", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["errors"]["id_number"] == ["身份证号码校验位错误，请核对号码。"]
    assert not Person.objects.filter(name="孙丽").exists()


def test_sex_must_agree_with_the_id_number(tree, cast):
    payload = {
        "name": "孙丽",
        "id_number": "11010519491231002X",
        "unit": tree.unit_a.pk,
        "sex": "M",
    }
    response = client_for(cast.own_unit).post("/api/v1/people/", payload, format="json")
    assert response.status_code == 400
    assert "第17位" in response.json()["errors"]["sex"][0]


def test_duplicate_person_is_refused_with_a_stable_code(tree, cast):
    payload = {"name": "另一个人", "id_number": tree.person_a.id_number, "unit": tree.unit_a.pk}
    response = client_for(cast.own_unit).post("/api/v1/people/", payload, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "duplicate_person"


def test_english_clients_get_english_messages(tree, cast):
    client = client_for(None)
    response = client.get("/api/v1/people/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["code"] == "not_authenticated"
    assert response.json()["message"] == "Please log in first."


def _queries_for(user, url, django_assert_max_num_queries, budget):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(type(user).objects.get(pk=user.pk))  # a fresh request, nothing cached
    with CaptureQueriesContext(connection) as ctx, django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # Registers of personal data write one access record per request (core/access.py):
        # the chained audit row costs a lock, the previous digest and the insert.
        ("/api/v1/people/", 9),
        ("/api/v1/qualifications/", 8),
        ("/api/v1/advisers/", 8),
        ("/api/v1/units/", 6),
        ("/api/v1/regions/", 6),
    ],
)
def test_list_queries_do_not_grow_with_page_size(tree, django_assert_max_num_queries, url, budget):
    for index in range(30):
        person = PersonFactory(unit=tree.unit_a)
        QualificationFactory(person=person)
        LegalAdviserFactory(unit=tree.unit_a, name=f"顾问{index}")
    supervisor = user_with(Role.SUPERVISOR, tree.beijing)
    small = _queries_for(supervisor, f"{url}?page_size=2", django_assert_max_num_queries, budget)
    large = _queries_for(supervisor, f"{url}?page_size=100", django_assert_max_num_queries, budget)
    assert small == large


def test_adviser_period_must_be_ordered(tree, cast):
    payload = {
        "unit": tree.unit_a.pk,
        "kind": "external",
        "name": "周律师",
        "organisation": "北京市朝正律师事务所",
        "service_start": "2024-01-01",
        "service_end": "2023-01-01",
    }
    response = client_for(cast.own_unit).post("/api/v1/advisers/", payload, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["service_end"] == ["服务结束日期不能早于开始日期。"]


def test_internal_adviser_must_be_staff_of_the_unit(tree, cast):
    payload = {
        "unit": tree.unit_a.pk,
        "kind": "internal",
        "name": "李秀英",
        "person": tree.person_a2.pk,
        "service_start": "2024-01-01",
    }
    bureau = user_with(Role.JUSTICE_BUREAU, tree.chaoyang)
    response = client_for(bureau).post("/api/v1/advisers/", payload, format="json")
    assert response.status_code == 400
    assert "本单位人员" in response.json()["errors"]["person"][0]


def test_adviser_in_service_filter(tree, cast):
    LegalAdviserFactory(unit=tree.unit_a, name="在任", service_start="2023-01-01")
    LegalAdviserFactory(
        unit=tree.unit_a, name="离任", service_start="2020-01-01", service_end="2021-12-31"
    )
    results = (
        client_for(cast.own_unit).get("/api/v1/advisers/", {"in_service_on": "2024-06-30"}).json()
    )
    assert [a["name"] for a in results["results"]] == ["在任"]


@pytest.mark.parametrize(
    ("actor", "people"),
    [
        ("own_unit", {"王建国"}),
        ("sibling_unit", {"李秀英"}),
        ("parent_region", {"王建国", "李秀英"}),
        ("other_region", {"陈静"}),
    ],
)
@pytest.mark.parametrize("resource", ["qualifications", "advisers"])
def test_qualification_and_adviser_lists_are_scoped(tree, cast, actor, people, resource):
    for person in (tree.person_a, tree.person_a2, tree.person_b, tree.person_c):
        QualificationFactory(person=person)
        LegalAdviserFactory(unit=person.unit, name=person.name)
    response = client_for(cast.user(actor)).get(f"/api/v1/{resource}/")
    key = "person_name" if resource == "qualifications" else "name"
    assert {row[key] for row in response.json()["results"]} == people


@pytest.mark.parametrize("resource", ["people", "qualifications", "advisers", "units", "regions"])
def test_lists_refuse_anonymous_requests(api, resource):
    response = api.get(f"/api/v1/{resource}/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
