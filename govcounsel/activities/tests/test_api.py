"""The activities API: record, refuse what comes from records, correct, delete, filter."""

from __future__ import annotations

from django.utils import timezone

from govcounsel.activities.models import Activity

from .factories import activity


def _body(cast, **more):
    return {
        "people": [cast.tree.person_a.pk],
        "kind": "calls_letters",
        "day": str(timezone.localdate()),
        "title": "答复来电",
        **more,
    }


def test_a_lawyer_records_through_the_api(cast):
    answer = cast.api("lawyer").post("/api/v1/activities/", _body(cast), format="json")
    assert answer.status_code == 201, answer.json()
    assert answer.json()["source"] == "self"
    assert answer.json()["group"] == "dispute"


def test_a_centre_session_is_refused_with_where_it_comes_from(cast):
    answer = cast.api("lawyer").post(
        "/api/v1/activities/", _body(cast, kind="centre_session"), format="json"
    )
    assert answer.status_code == 400
    assert answer.json()["code"] == "from_records"
    assert not Activity.objects.exists()


def test_correct_then_delete_through_the_api(cast):
    entry = activity(cast)
    client = cast.api("own_unit")
    answer = client.patch(f"/api/v1/activities/{entry.pk}/", {"title": "更正"}, format="json")
    assert answer.status_code == 200
    assert answer.json()["title"] == "更正"
    moved = client.patch(
        f"/api/v1/activities/{entry.pk}/",
        {"people": [cast.colleague_person.pk]},
        format="json",
    )
    assert moved.status_code == 400
    gone = client.post(f"/api/v1/activities/{entry.pk}/delete/", {}, format="json")
    assert gone.status_code == 200, gone.json()
    assert gone.json()["people"] == [cast.tree.person_a.pk]
    assert not Activity.objects.exists()


def test_the_register_filters_by_kind_person_and_words(cast):
    activity(cast, kind="to_schools", audience=50, title="送法进校园")
    activity(cast, kind="complaints", title="接访")
    client = cast.api("own_unit")
    rows = client.get("/api/v1/activities/", {"kind": "to_schools"}).json()["results"]
    assert [row["title"] for row in rows] == ["送法进校园"]
    rows = client.get("/api/v1/activities/", {"group": "outreach"}).json()["results"]
    assert len(rows) == 1
    rows = client.get("/api/v1/activities/", {"person": cast.tree.person_a.pk}).json()["results"]
    assert len(rows) == 2
    rows = client.get("/api/v1/activities/", {"q": "接访"}).json()["results"]
    assert len(rows) == 1


def test_the_register_page_exports_and_prints(cast):
    activity(cast, kind="to_schools", audience=50, title="送法进校园")
    client = cast.page("own_unit")
    page = client.get("/activities/")
    assert "送法进校园" in page.content.decode()
    csv = client.get("/activities/", {"export": "csv"})
    assert "送法进校园" in b"".join(csv.streaming_content).decode("utf-8-sig")
    printed = client.get("/activities/", {"print": "1"})
    assert printed.status_code == 200
    assert "送法进校园" in printed.content.decode()


def test_the_office_records_from_the_page(cast):
    assert cast.lawyer  # certifies person_a
    client = cast.page("own_unit")
    form = client.get("/activities/new/")
    assert form.status_code == 200
    answer = client.post(
        "/activities/new/",
        {
            "people": [cast.tree.person_a.pk, cast.colleague_person.pk],
            "kind": "law_class",
            "day": str(timezone.localdate()),
            "title": "专题法课",
            "audience": "60",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:3000]
    assert Activity.objects.get().people.count() == 2
