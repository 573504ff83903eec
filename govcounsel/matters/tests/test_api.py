from govcounsel.matters import services
from govcounsel.tests.helpers import client_for

# A lawyer sees their own unit (so 403); another unit's office does not see it (so 400).


def test_the_whole_flow_through_the_api(tree, cast, matter):
    office, lawyer = client_for(cast.own_unit), client_for(cast.lawyer)
    office.post(f"/api/v1/matters/{matter.pk}/assign/", {"lawyer": tree.person_a.pk}, format="json")
    assert lawyer.get("/api/v1/matters/").json()["results"][0]["status"] == "assigned"
    lawyer.post(f"/api/v1/matters/{matter.pk}/accept/")
    empty = lawyer.post(
        f"/api/v1/matters/{matter.pk}/submit-opinion/", {"text": " "}, format="json"
    )
    assert empty.json()["code"] == "opinion_required"
    lawyer.post(f"/api/v1/matters/{matter.pk}/submit-opinion/", {"text": "初稿"}, format="json")
    office.post(f"/api/v1/matters/{matter.pk}/return/", {"note": "请补充依据"}, format="json")
    lawyer.post(f"/api/v1/matters/{matter.pk}/submit-opinion/", {"text": "修改稿"}, format="json")
    body = office.post(
        f"/api/v1/matters/{matter.pk}/close/", {"score": 88, "comment": "好"}, format="json"
    ).json()
    assert body["status"] == "closed"
    assert [o["text"] for o in body["opinions"]] == ["初稿", "修改稿"]
    assert [s["action"] for s in body["steps"]][-1] == "closed"


def test_decline_through_the_api(tree, cast, matter):
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    refused = client_for(cast.lawyer).post(
        f"/api/v1/matters/{matter.pk}/decline/", {"reason": ""}, format="json"
    )
    assert refused.json()["code"] == "reason_required"
    body = (
        client_for(cast.lawyer)
        .post(f"/api/v1/matters/{matter.pk}/decline/", {"reason": "利益冲突"}, format="json")
        .json()
    )
    assert body["status"] == "registered"
    assert body["assignments"][0]["decline_reason"] == "利益冲突"


def test_filters_and_query_budget(tree, cast, django_assert_max_num_queries):
    from govcounsel.matters.models import Matter

    for index in range(12):
        m = services.register_matter(
            unit=tree.unit_a,
            by=cast.own_unit,
            title=f"事项{index}",
            category="cases",
            subtype="petition",
            working_days=1,
        )
        services.assign(matter=m, by=cast.own_unit, lawyer=tree.person_a)
    Matter.objects.filter(title="事项3").update(deadline="2024-01-05")
    client = client_for(type(cast.own_unit).objects.get(pk=cast.own_unit.pk))
    with django_assert_max_num_queries(10):
        body = client.get("/api/v1/matters/?page_size=100").json()
    assert len(body["results"]) == 12
    assert body["next"] is None  # keyset pages carry no total: no COUNT(*) over millions
    overdue = client.get("/api/v1/matters/", {"overdue": "true"}).json()["results"]
    assert [m["title"] for m in overdue] == ["事项3"]
    assert (
        len(client.get("/api/v1/matters/", {"lawyer": tree.person_a.name}).json()["results"]) == 12
    )


def test_keyset_pages_walk_the_whole_list_without_repeats(tree, cast):
    for index in range(7):
        services.register_matter(
            unit=tree.unit_a,
            by=cast.own_unit,
            title=f"事项{index}",
            category="cases",
            subtype="petition",
            working_days=1,
        )
    client = client_for(cast.own_unit)
    seen, url = [], "/api/v1/matters/?page_size=3"
    while url:
        body = client.get(url).json()
        seen += [m["title"] for m in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(f"事项{i}" for i in range(7))
    assert seen[0] == "事项6"  # newest first


def test_overdue_list_pages_newest_first(tree, cast):
    from govcounsel.matters.models import Matter

    for index, day in enumerate(["2024-03-05", "2024-01-05", "2024-02-05"]):
        m = services.register_matter(
            unit=tree.unit_a,
            by=cast.own_unit,
            title=f"超期{index}",
            category="cases",
            subtype="petition",
            working_days=1,
        )
        Matter.objects.filter(pk=m.pk).update(deadline=day)
    body = client_for(cast.parent_region).get("/api/v1/matters/?overdue=true").json()
    assert [m["title"] for m in body["results"]] == ["超期2", "超期1", "超期0"]


def test_list_query_count_does_not_grow_with_page_size(tree, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for index in range(30):
        m = services.register_matter(
            unit=tree.unit_a,
            by=cast.own_unit,
            title=f"事项{index}",
            category="cases",
            subtype="petition",
            working_days=1,
        )
        services.assign(matter=m, by=cast.own_unit, lawyer=tree.person_a)

    def count(size):
        client = client_for(type(cast.own_unit).objects.get(pk=cast.own_unit.pk))
        with CaptureQueriesContext(connection) as ctx:
            assert len(client.get(f"/api/v1/matters/?page_size={size}").json()["results"]) == size
        return len(ctx.captured_queries)

    assert count(2) == count(30)
