"""ID numbers have one spelling: NFKC (full-width digits), upper-case X (GB 11643)."""

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core import crypto
from govcounsel.core.errors import DomainError
from govcounsel.people import services
from govcounsel.people.models import Person
from govcounsel.tests.helpers import client_for

NUMBER = "11010519491231002X"
LOWER_X = "11010519491231002x"
FULL_WIDTH = "１１０１０５１９４９１２３１００２ｘ"


@pytest.mark.parametrize("entered", [LOWER_X, FULL_WIDTH, "110105 19491231 002x"])
def test_the_model_keeps_one_spelling_of_the_number(entered):
    person = Person(name="孙丽")
    person.set_id_number(entered)
    assert person.id_number == NUMBER
    assert person.id_number_hash == crypto.lookup_hash(NUMBER)
    assert person.id_number_masked.isascii()
    assert person.sex == "F"


def test_a_full_width_twin_of_a_registered_number_is_a_duplicate(tree):
    office = user_with(Role.UNIT_ADMIN, tree.unit_a)
    services.create_person(by=office, id_number=NUMBER, name="孙丽", unit=tree.unit_a)
    with pytest.raises(DomainError) as refused:
        services.create_person(by=office, id_number=FULL_WIDTH, name="孙丽", unit=tree.unit_a)
    assert refused.value.code == "duplicate_person"
    assert Person.objects.filter(name="孙丽").count() == 1


def test_the_api_takes_full_width_digits_and_refuses_the_twin(tree):
    client = client_for(user_with(Role.UNIT_ADMIN, tree.unit_a))
    payload = {"name": "孙丽", "id_number": FULL_WIDTH, "unit": tree.unit_a.pk}
    created = client.post("/api/v1/people/", payload, format="json")
    assert created.status_code == 201, created.json()
    assert Person.objects.get(name="孙丽").id_number == NUMBER
    twin = client.post("/api/v1/people/", {**payload, "id_number": LOWER_X}, format="json")
    assert twin.status_code == 400
    assert twin.json()["code"] == "duplicate_person"


@pytest.mark.parametrize("bad", ["١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "11010519491231002Ｙ", "1101051949123100２"])
def test_the_api_answers_a_bad_number_with_400_not_500(tree, bad):
    client = client_for(user_with(Role.UNIT_ADMIN, tree.unit_a))
    payload = {"name": "孙丽", "id_number": bad, "unit": tree.unit_a.pk}
    response = client.post("/api/v1/people/", payload, format="json")
    assert response.status_code == 400
    assert "身份证号码" in response.json()["errors"]["id_number"][0]
    assert not Person.objects.filter(name="孙丽").exists()


def test_the_person_form_takes_full_width_digits_and_refuses_the_twin(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    form = {
        "name": "孙丽",
        "id_number": FULL_WIDTH,
        "unit": tree.unit_a.pk,
        "is_civil_servant": "on",
        "employment_status": "in_post",
    }
    assert client.post("/people/new/", form).status_code == 302
    assert Person.objects.get(name="孙丽").id_number == NUMBER
    again = client.post("/people/new/", {**form, "id_number": LOWER_X})
    assert again.status_code == 200
    assert "已登记在其他人员档案中" in again.content.decode()
    assert Person.objects.filter(name="孙丽").count() == 1


def test_search_by_a_full_width_number_finds_the_person(tree):
    client = client_for(user_with(Role.SUPERVISOR, tree.chaoyang))
    number = tree.person_a.id_number
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c.lower() for c in number)
    results = client.get("/api/v1/people/", {"q": full_width}).json()["results"]
    assert [p["name"] for p in results] == [tree.person_a.name]


def test_the_survey_takes_lower_case_unit_codes_and_full_width_numbers(tree):
    from govcounsel.people.survey import import_survey
    from govcounsel.people.tests.test_survey import xlsx

    tree.unit_a.credit_code = "11110105MA01ABCD5P"
    tree.unit_a.save()
    row = ["孙丽", FULL_WIDTH, "女", "", "11110105ma01abcd5p", "是", "否", None, None, None]
    plan = import_survey(xlsx([row]), by=user_with(Role.UNIT_ADMIN, tree.unit_a))
    assert plan.errors == []
    person = Person.objects.get(name="孙丽")
    assert (person.id_number, person.unit) == (NUMBER, tree.unit_a)
    assert Person.objects.with_id_number(LOWER_X).get() == person
