"""Reads of personal data are recorded, one row per request, with who, what and how many
(MLPS 2.0 8.1.4.3, PIPL art. 51); exports say in the file who exported them and when."""

import io

from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.tests.helpers import client_for, events


def reads():
    return events("access.personal_data")


def test_a_people_list_page_is_one_access_row_with_its_count(tree, client):
    user = user_with(Role.SUPERVISOR, tree.chaoyang)
    client.force_login(user)
    assert client.get("/people/").status_code == 200
    (event,) = reads()
    assert event.actor_id == user.pk
    assert (event.data["model"], event.data["kind"], event.data["count"]) == (
        "people.Person",
        "list",
        2,
    )


def test_a_person_page_is_one_access_row_naming_the_person(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    assert client.get(f"/people/{tree.person_a.pk}/").status_code == 200
    (event,) = reads()
    assert event.data["kind"] == "detail"
    assert event.data["ids"] == [str(tree.person_a.pk)]


def test_api_lists_and_details_of_people_are_recorded(tree):
    api = client_for(user_with(Role.SUPERVISOR, tree.chaoyang))
    assert api.get("/api/v1/people/").status_code == 200
    assert api.get(f"/api/v1/people/{tree.person_a.pk}/").status_code == 200
    assert sorted(e.data["count"] for e in reads()) == [1, 2]


def test_registers_without_personal_data_are_not_recorded_as_such(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    client.get("/organisations/units/")
    client_for(user_with(Role.SUPERVISOR, tree.chaoyang)).get("/api/v1/units/")
    assert reads() == []


def test_an_export_is_one_row_with_its_count_and_the_file_names_its_exporter(tree, client):
    user = user_with(Role.SUPERVISOR, tree.chaoyang, username="zhang", last_name="张")
    client.force_login(user)
    response = client.get("/people/?export=xlsx")
    (event,) = events("export.xlsx")
    assert (event.data["count"], event.data["personal_data"]) == (2, True)
    assert reads() == []  # the export row is the record of this read
    workbook = load_workbook(io.BytesIO(response.content))
    about = dict(workbook["导出信息"].iter_rows(values_only=True))
    assert about["导出人"] == "张（zhang）"
    assert about["记录数"] == 2
    assert about["导出时间（北京时间）"]
    assert workbook.properties.creator == "张（zhang）"
