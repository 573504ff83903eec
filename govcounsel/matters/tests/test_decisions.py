import pytest

from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.matters import services
from govcounsel.matters.models import Decision


def closed_matter(tree, cast, matter):
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    services.accept(matter=matter, by=cast.lawyer)
    services.submit_opinion(matter=matter, by=cast.lawyer, text="同意该方案，建议完善听证程序。")
    return services.close(matter=matter, by=cast.own_unit, score=90)


@pytest.fixture
def item(tree, cast):
    return services.add_decision_item(unit=tree.unit_a, by=cast.own_unit, title="重大行政处罚决定")


def test_a_decision_without_an_opinion_is_refused_and_names_what_is_missing(
    tree, cast, item, matter
):
    decision = services.open_decision(item=item, by=cast.own_unit, title="对某企业作出责令停产决定")
    with pytest.raises(DomainError) as refused:
        services.decide(decision=decision, by=cast.own_unit)
    assert refused.value.code == "opinion_missing"
    assert "“重大行政处罚决定”须先听取公职律师意见" in str(refused.value.message)
    with pytest.raises(DomainError):  # a matter that is not closed does not count
        services.decide(decision=decision, by=cast.own_unit, matter=matter)
    decision.refresh_from_db()
    assert decision.status == "draft"


def test_with_a_closed_matter_and_its_opinion_the_decision_is_taken(tree, cast, item, matter):
    decision = services.open_decision(item=item, by=cast.own_unit, title="对某企业作出责令停产决定")
    decided = services.decide(
        decision=decision, by=cast.own_unit, matter=closed_matter(tree, cast, matter)
    )
    assert decided.status == "decided"
    assert Decision.objects.without_opinion().count() == 0


def test_another_units_matter_does_not_count(tree, cast, item):
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.tests.factories import user_with

    other = services.register_matter(
        unit=tree.unit_a2,
        by=user_with(Role.UNIT_ADMIN, tree.unit_a2),
        title="他单位事项",
        category="cases",
        subtype="petition",
        working_days=1,
    )
    decision = services.open_decision(item=item, by=cast.own_unit, title="决定")
    with pytest.raises(DomainError):
        services.decide(decision=decision, by=cast.own_unit, matter=other)


def test_only_the_units_office_decides(tree, cast, item):
    decision = services.open_decision(item=item, by=cast.own_unit, title="决定")
    with pytest.raises(NotPermitted):
        services.decide(decision=decision, by=cast.parent_region)


def test_supervising_region_sees_the_list_and_the_empty_exception_list(tree, cast, item, client):
    client.force_login(cast.parent_region)
    page = client.get("/matters/decisions/").content.decode()
    assert "重大行政处罚决定" in page
    assert 'data-testid="without-opinion"' in page


def test_decide_through_the_api(tree, cast, item, matter):
    from govcounsel.tests.helpers import client_for

    client = client_for(cast.own_unit)
    created = client.post(
        "/api/v1/decisions/", {"item": item.pk, "title": "决定"}, format="json"
    ).json()
    refused = client.post(f"/api/v1/decisions/{created['id']}/decide/", {}, format="json")
    assert (refused.status_code, refused.json()["code"]) == (400, "opinion_missing")
    done = closed_matter(tree, cast, matter)
    decided = client.post(
        f"/api/v1/decisions/{created['id']}/decide/", {"matter": done.pk}, format="json"
    )
    assert decided.json()["status"] == "decided"
    items = client_for(cast.parent_region).get("/api/v1/decision-items/").json()["results"]
    assert [i["title"] for i in items] == ["重大行政处罚决定"]


def test_the_gate_on_the_page(tree, cast, item, matter, client):
    decision = services.open_decision(item=item, by=cast.own_unit, title="责令停产决定")
    client.force_login(cast.own_unit)
    url = f"/do/matters.decision/{decision.pk}/decide/"
    page = client.post(url, {"matter": ""}, follow=True)
    assert "须先听取公职律师意见" in page.content.decode()
    done = closed_matter(tree, cast, matter)
    assert f'value="{done.pk}"' in client.get("/matters/decisions/").content.decode()
    assert client.post(url, {"matter": done.pk}).status_code == 302
    decision.refresh_from_db()
    assert decision.status == "decided"


def test_decisions_page_queries_do_not_grow_with_the_units_of_a_system(tree, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.tests.factories import user_with
    from govcounsel.organisations.tests.factories import UnitFactory

    superior = user_with(Role.SUPERIOR_ADMIN, tree.city_unit)

    def count():
        client.force_login(type(superior).objects.get(pk=superior.pk))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/matters/decisions/").status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for index in range(8):
        UnitFactory(name=f"分局{index}", region=tree.chaoyang, vertical_superior=tree.city_unit)
    assert count() == before
