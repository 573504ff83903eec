import io
from datetime import date

from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.coverage.models import Target
from govcounsel.organisations.models import Region
from govcounsel.organisations.tests.factories import UnitFactory


def test_district_supervisor_sees_the_district(landscape, client):
    client.force_login(user_with(Role.SUPERVISOR, landscape.chaoyang))
    response = client.get("/coverage/?on=2023-12-31")
    assert response.context["region"] == landscape.chaoyang
    f = response.context["figures"]
    assert (f.units, f.covered, f.advised_only, f.shortfall) == (2, 1, 1, 1)
    assert client.get("/coverage/?region=110108").status_code == 404
    assert client.get("/coverage/?region=110000").status_code == 404


def test_a_unit_sees_only_itself(landscape, client):
    client.force_login(user_with(Role.UNIT_ADMIN, landscape.unit_a))
    f = client.get("/coverage/?on=2023-12-31").context["figures"]
    assert (f.units, f.covered) == (1, 1)


def test_city_view_lists_sub_regions_and_own_units(landscape, client):
    client.force_login(user_with(Role.SUPERVISOR, landscape.beijing))
    rows = client.get("/coverage/?region=110000&on=2023-12-31").context["rows"]
    assert [(name, f.units) for name, _code, f in rows] == [("市辖区", 3), ("北京市本级", 1)]


def test_targets_are_read_on_the_page(landscape, client):
    Target.objects.create(
        region=landscape.chaoyang,
        metric="coverage",
        percentage=50,
        deadline=date(2023, 12, 31),
        source_clause="000 二",
    )
    client.force_login(user_with(Role.SUPERVISOR, landscape.chaoyang))
    (reading,) = client.get("/coverage/").context["targets"]
    assert reading.status == "met"
    assert "已达成" in client.get("/coverage/").content.decode()


def test_tables_export_to_excel(landscape, client):
    client.force_login(user_with(Role.SUPERVISOR, landscape.beijing))
    response = client.get("/coverage/?region=110100&on=2024-06-30&export=shortfall")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert sorted(r[0] for r in rows[1:]) == sorted([landscape.unit_a2.name, landscape.unit_b.name])
    regions = client.get("/coverage/?region=110100&on=2024-06-30&export=regions")
    sheet = load_workbook(io.BytesIO(regions.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert [r[0] for r in rows[1:]] == ["朝阳区", "海淀区"]


def test_query_count_does_not_grow_with_sub_regions(
    landscape, client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    supervisor = user_with(Role.SUPERVISOR, landscape.beijing)

    def count():
        client.force_login(type(supervisor).objects.get(pk=supervisor.pk))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/coverage/?region=110100").status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for index in range(6):
        region = Region.objects.insert(
            code=f"1101{20 + index}", name=f"区{index}", parent=landscape.beijing_city
        )
        UnitFactory(region=region)
    assert count() == before
    with django_assert_max_num_queries(40):
        client.get("/coverage/?region=110100")


def test_administrators_have_no_dashboard(client, tree):
    client.force_login(user_with(Role.SYSTEM_ADMIN))
    assert client.get("/coverage/").status_code == 403


def test_supervisor_sets_a_target_from_the_page(landscape, client):
    client.force_login(user_with(Role.SUPERVISOR, landscape.chaoyang))
    assert 'data-testid="add-target"' in client.get("/coverage/").content.decode()
    response = client.post(
        "/coverage/targets/new/?region=110105",
        {
            "level": "county",
            "kind": "",
            "enforcement": "unknown",
            "metric": "coverage",
            "percentage": "90",
            "deadline": "2026-12-31",
            "source_clause": "区委依法治区办2026年工作要点",
        },
    )
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.region, target.enforcement, float(target.percentage)) == (
        landscape.chaoyang,
        None,
        90.0,
    )
    bad = client.post(
        "/coverage/targets/new/?region=110105",
        {"metric": "coverage", "percentage": "150", "deadline": "x"},
    )
    assert bad.status_code == 200
    assert Target.objects.count() == 1


def test_bureau_cannot_set_targets(landscape, client):
    client.force_login(user_with(Role.JUSTICE_BUREAU, landscape.chaoyang))
    assert client.get("/coverage/targets/new/?region=110105").status_code == 403


def test_supervisor_edits_a_target_and_exports_the_targets(landscape, client):
    import io as _io

    from openpyxl import load_workbook as _load

    target = Target.objects.create(
        region=landscape.chaoyang,
        metric="coverage",
        percentage=50,
        deadline=date(2023, 12, 31),
        source_clause="000 二",
    )
    client.force_login(user_with(Role.SUPERVISOR, landscape.chaoyang))
    response = client.post(
        f"/coverage/targets/{target.pk}/edit/",
        {
            "level": "",
            "kind": "",
            "enforcement": "unknown",
            "metric": "coverage",
            "percentage": "100",
            "deadline": "2023-12-31",
            "source_clause": "000 二",
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert float(target.percentage) == 100.0
    rows = list(
        _load(_io.BytesIO(client.get("/coverage/?export=targets").content)).active.iter_rows(
            min_row=HEADER_ROW, values_only=True
        )
    )
    assert rows[1][3] == 100.0
    assert rows[1][7] == "未达成"
    client.force_login(user_with(Role.SUPERVISOR, landscape.chenggu))
    assert client.get(f"/coverage/targets/{target.pk}/edit/").status_code == 404
