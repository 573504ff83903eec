import io

from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.organisations.tests.factories import UnitFactory
from govcounsel.people.tests.factories import PersonFactory


def test_tree_shows_subregion_counts_within_scope(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.beijing))
    response = client.get("/organisations/tree/?code=110100")
    rows = {row.region.code: (row.units, row.people) for row in response.context["rows"]}
    assert rows == {"110105": (2, 2), "110108": (1, 1)}


def test_tree_starts_at_the_users_own_region(tree, client):
    client.force_login(user_with(Role.JUSTICE_BUREAU, tree.chaoyang))
    response = client.get("/organisations/tree/")
    assert [row.region.code for row in response.context["rows"]] == ["110105"]
    assert client.get("/organisations/tree/?code=110000").status_code == 404


def test_tree_query_count_does_not_grow_with_subregions(
    tree, client, django_assert_max_num_queries
):
    from govcounsel.organisations.models import Region

    user = user_with(Role.SUPERVISOR, tree.beijing)
    client.force_login(user)
    for index in range(1, 9):
        region = Region.objects.insert(
            code=f"1101{10 + index:02d}", name=f"区{index}", parent=tree.beijing_city
        )
        PersonFactory(unit=UnitFactory(region=region))
    with django_assert_max_num_queries(14):
        response = client.get("/organisations/tree/?code=110100")
    assert len(response.context["rows"]) == 10


def test_unit_page_lists_its_people_masked(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    page = client.get(f"/organisations/units/{tree.unit_a.pk}/").content.decode()
    assert "王建国" in page
    assert "李秀英" not in page
    assert tree.person_a.id_number_masked in page
    assert tree.person_a.id_number not in page


def test_out_of_scope_unit_page_is_404(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    assert client.get(f"/organisations/units/{tree.unit_b.pk}/").status_code == 404


def test_unit_register_exports_what_the_user_sees(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    response = client.get("/organisations/units/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = sorted(row[0] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert names == sorted([tree.unit_a.name, tree.unit_a2.name])
