import io

from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.tests.helpers import events


def test_people_search_page_by_initials(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.beijing))
    page = client.get("/people/?q=zm").content.decode()
    assert "赵明" in page
    assert "王建国" not in page


def test_people_export_is_scoped_and_masked(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    response = client.get("/people/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert rows[0][:4] == ("姓名", "性别", "出生年份", "身份证号码")
    body = {row[0]: row for row in rows[1:]}
    assert set(body) == {"王建国", "李秀英"}
    assert body["王建国"][3] == tree.person_a.id_number_masked
    assert tree.person_a.id_number not in str(rows)
    (event,) = events("export.xlsx")
    assert event.data["list"] == "人员"


def test_reveal_on_the_person_page_is_audited(tree, client):
    bureau = user_with(Role.JUSTICE_BUREAU, tree.chaoyang)
    client.force_login(bureau)
    page = client.get(f"/people/{tree.person_a.pk}/").content.decode()
    assert 'data-testid="reveal"' in page
    shown = client.post(f"/people/{tree.person_a.pk}/identity/").content.decode()
    assert tree.person_a.id_number in shown
    assert len(events("people.person.identity_revealed")) == 1


def test_unit_admin_gets_no_reveal_button_and_no_reveal(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    page = client.get(f"/people/{tree.person_a.pk}/").content.decode()
    assert 'data-testid="reveal"' not in page
    response = client.post(f"/people/{tree.person_a.pk}/identity/")
    assert response.status_code == 403
    assert tree.person_a.id_number not in response.content.decode()


def test_every_register_page_renders_and_exports(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.beijing))
    for url in [
        "/people/",
        "/people/qualifications/",
        "/people/advisers/",
        "/organisations/units/",
    ]:
        assert client.get(url).status_code == 200
        assert client.get(url + "?export=xlsx")["Content-Type"].startswith(
            "application/vnd.openxml"
        )
