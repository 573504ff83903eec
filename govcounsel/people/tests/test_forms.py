from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.models import LegalAdviser, Person
from govcounsel.tests.helpers import events

NEW = {
    "name": "孙丽",
    "id_number": "11010519491231002X",
    "phone": "13700137000",
    "is_civil_servant": "on",
    "employment_status": "in_post",
}


def test_unit_admin_registers_a_person_from_the_page(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    assert client.get(f"/people/new/?unit={tree.unit_a.pk}").status_code == 200
    response = client.post("/people/new/", {**NEW, "unit": tree.unit_a.pk})
    person = Person.objects.get(name="孙丽")
    assert response["Location"] == f"/people/{person.pk}/"
    assert person.sex == "F"  # read from the ID number
    assert len(events("people.person.created")) == 1


def test_bad_id_number_is_shown_beside_the_field_and_nothing_is_written(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    response = client.post(
        "/people/new/", {**NEW, "id_number": "110105194912310021", "unit": tree.unit_a.pk}
    )
    assert response.status_code == 200
    assert "身份证号码校验位错误" in response.content.decode()
    assert 'data-testid="error-id_number"' in response.content.decode()
    assert not Person.objects.filter(name="孙丽").exists()


def test_duplicate_is_refused_on_the_page(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    response = client.post(
        "/people/new/", {**NEW, "id_number": tree.person_a.id_number, "unit": tree.unit_a.pk}
    )
    assert "请勿重复登记" in response.content.decode()
    assert Person.objects.count() == 4


def test_units_offered_are_the_ones_the_user_manages(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    response = client.post("/people/new/", {**NEW, "unit": tree.unit_b.pk})
    assert "unit" in response.context["form"].errors
    assert not Person.objects.filter(name="孙丽").exists()


def test_supervisor_reads_but_does_not_register(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    assert client.get("/people/new/").status_code == 403
    assert client.get(f"/people/{tree.person_a.pk}/edit/").status_code == 403
    assert 'data-testid="create"' not in client.get("/people/").content.decode()


def test_edit_keeps_the_id_number_when_left_blank(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    number = tree.person_a.id_number
    response = client.post(
        f"/people/{tree.person_a.pk}/edit/",
        {
            "name": "王建国",
            "unit": tree.unit_a.pk,
            "employment_status": "retired",
            "employment_status_date": "2026-10-31",
        },
    )
    assert response.status_code == 302
    tree.person_a.refresh_from_db()
    assert tree.person_a.id_number == number
    assert tree.person_a.employment_status == "retired"


def test_retirement_needs_a_date(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    response = client.post(
        f"/people/{tree.person_a.pk}/edit/",
        {"name": "王建国", "unit": tree.unit_a.pk, "employment_status": "retired"},
    )
    assert "退休、离职或调离须填写日期" in response.content.decode()


def test_qualification_and_adviser_forms(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    response = client.post(
        f"/people/{tree.person_a.pk}/qualifications/new/",
        {"kind": "legal_a", "certificate_number": "A20191101050009", "obtained_on": "2019-03-01"},
    )
    assert response.status_code == 302
    assert tree.person_a.qualifications.count() == 1
    response = client.post(
        f"/people/units/{tree.unit_a.pk}/advisers/new/",
        {
            "kind": "external",
            "name": "周律师",
            "organisation": "北京市朝正律师事务所",
            "service_start": "2024-01-01",
        },
    )
    assert response.status_code == 302
    assert LegalAdviser.objects.get().unit == tree.unit_a
    assert client.get(f"/people/units/{tree.unit_b.pk}/advisers/new/").status_code == 404
