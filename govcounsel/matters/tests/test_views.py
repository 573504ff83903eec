from govcounsel.core.exporters import HEADER_ROW
from govcounsel.matters import services
from govcounsel.matters.models import Matter


def test_register_then_work_a_matter_through_the_pages(tree, cast, client):
    client.force_login(cast.own_unit)
    response = client.post(
        "/matters/new/",
        {
            "unit": tree.unit_a.pk,
            "title": "行政诉讼应诉",
            "category": "litigation",
            "subtype": "litigation",
            "priority": "urgent",
            "working_days": "10",
        },
    )
    matter = Matter.objects.get(title="行政诉讼应诉")
    assert response["Location"] == f"/matters/{matter.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="action-assign"' in page
    client.post(f"/do/matters.matter/{matter.pk}/assign/", {"lawyer": tree.person_a.pk})
    client.force_login(cast.lawyer)
    assert matter.title in client.get("/matters/mine/").content.decode()
    client.post(f"/do/matters.matter/{matter.pk}/accept/")
    client.post(
        f"/do/matters.matter/{matter.pk}/submit-opinion/", {"text": "建议积极应诉，答辩要点如下……"}
    )
    client.force_login(cast.own_unit)
    client.post(f"/do/matters.matter/{matter.pk}/close/", {"score": "95", "comment": "质量高"})
    matter.refresh_from_db()
    assert (matter.status, matter.score) == ("closed", 95)


def test_refusals_are_explained_on_the_page(tree, cast, matter, client):
    client.force_login(cast.own_unit)
    page = client.post(
        f"/do/matters.matter/{matter.pk}/assign/", {"lawyer": cast.outsider.person.pk}, follow=True
    ).content.decode()
    assert "不是本单位持有效证书的公职律师" in page
    services.assign(matter=matter, by=cast.own_unit, lawyer=cast.lawyer.person)
    client.force_login(cast.lawyer)
    page = client.post(
        f"/do/matters.matter/{matter.pk}/decline/", {"reason": ""}, follow=True
    ).content.decode()
    assert "拒绝承办须说明理由" in page
    assert client.post(f"/do/matters.matter/{matter.pk}/close/", {"score": "90"}).status_code == 403


def test_board_filters_and_export(tree, cast, matter, client):
    import io

    from openpyxl import load_workbook

    client.force_login(cast.parent_region)
    assert matter.title in client.get("/matters/?category=normative").content.decode()
    assert matter.title not in client.get("/matters/?category=litigation").content.decode()
    rows = list(
        load_workbook(io.BytesIO(client.get("/matters/?export=xlsx").content)).active.iter_rows(
            min_row=HEADER_ROW, values_only=True
        )
    )
    assert rows[1][0] == matter.title


def test_deadline_beyond_the_calendar_is_flagged(tree, cast, client):
    from datetime import date

    late = services.register_matter(
        unit=tree.unit_a,
        by=cast.own_unit,
        title="远期事项",
        category="publicity",
        subtype="publicity",
        deadline=date(2031, 3, 3),
    )
    client.force_login(cast.own_unit)
    page = client.get(f"/matters/{late.pk}/").content.decode()
    assert "法定节假日按《全国年节及纪念日放假办法》推算，调休上班日尚不可知" in page


def test_the_board_pages_by_keyset_without_counting(tree, cast, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for index in range(55):
        services.register_matter(
            unit=tree.unit_a,
            by=cast.own_unit,
            title=f"事项{index:02d}",
            category="cases",
            subtype="petition",
            working_days=1,
        )
    client.force_login(cast.own_unit)
    with CaptureQueriesContext(connection) as ctx:
        first = client.get("/matters/")
    assert not any(
        "COUNT(" in q["sql"].upper() and "matters_matter" in q["sql"] for q in ctx.captured_queries
    )
    assert len(first.context["table_rows"]) == 50
    assert first.context["table_rows"][0][0].title == "事项54"  # newest first
    after = first.context["next_keyset"]
    second = client.get("/matters/", {"cursor": after})
    titles = [obj.title for obj, _row in second.context["table_rows"]]
    assert titles == [f"事项{i:02d}" for i in range(4, -1, -1)]
    assert second.context["next_keyset"] is None
    assert client.get("/matters/", {"cursor": "nonsense"}).status_code == 200


def test_overtime_is_recorded_from_the_matter_page(tree, cast, matter, client):
    from django.utils import timezone

    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    services.accept(matter=matter, by=cast.lawyer)
    client.force_login(cast.lawyer)
    page = client.get(f"/matters/{matter.pk}/").content.decode()
    assert 'data-testid="action-overtime"' in page
    response = client.post(
        f"/do/matters.matter/{matter.pk}/overtime/",
        {"worked_on": timezone.localdate().isoformat(), "hours": "3", "note": "周末起草答辩状"},
    )
    assert response.status_code == 302
    assert matter.overtime.get().hours == 3


def test_the_office_judges_a_decline_from_the_matter_page(tree, cast, matter, client):
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    services.decline(matter=matter, by=cast.lawyer, reason="工作量已满")
    assignment = matter.assignments.get()
    client.force_login(cast.own_unit)
    page = client.get(f"/matters/{matter.pk}/").content.decode()
    assert 'data-testid="action-judge-decline"' in page
    assert "工作量已满" in page
    client.post(
        f"/do/matters.matter/{matter.pk}/judge-decline/",
        {"assignment": assignment.pk, "justified": "false"},
    )
    assignment.refresh_from_db()
    assert assignment.decline_justified is False
    page = client.get(f"/matters/{matter.pk}/").content.decode()
    assert "理由不正当" in page
    assert 'data-testid="action-judge-decline"' not in page


def test_a_verb_has_a_form_page_of_its_own(tree, cast, matter, client):
    client.force_login(cast.own_unit)
    page = client.get(f"/do/matters.matter/{matter.pk}/assign/")
    assert page.status_code == 200
    assert tree.person_a.name in page.content.decode()
    assert client.get(f"/do/matters.matter/{matter.pk}/no-such-verb/").status_code == 404
    assert client.get(f"/do/matters.nothing/{matter.pk}/assign/").status_code == 404
