"""One keyset paging for the API and the pages: the same cursor, the same order."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from govcounsel.core.pagination import KeysetPagination
from govcounsel.matters.models import Matter

START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def matters(tree):
    """Seven matters of unit_a; three of them registered at the same instant."""
    instants = [START + timedelta(minutes=m) for m in (0, 1, 2, 2, 2, 3, 4)]
    return Matter.objects.bulk_create(
        Matter(
            unit=tree.unit_a,
            category="cases",
            subtype="petition",
            title=f"事项{index}",
            deadline=date(2025, 3, 31),
            registered_at=at,
        )
        for index, at in enumerate(instants)
    )


def _walk(paging, queryset, size):
    """Every page forwards, then every page backwards from the last one."""
    forwards, page = [], paging.page(queryset, None, size)
    forwards.append(page)
    while page.next_cursor:
        page = paging.page(queryset, page.next_cursor, size)
        forwards.append(page)
    backwards = [page]
    while page.previous_cursor:
        page = paging.page(queryset, page.previous_cursor, size)
        backwards.append(page)
    return forwards, backwards


def test_pages_walk_both_ways_through_ties_without_repeats_or_gaps(matters):
    paging = KeysetPagination.by("registered_at")()
    forwards, backwards = _walk(paging, Matter.objects.all(), 2)
    titles = [m.title for page in forwards for m in page.rows]
    assert titles == ["事项6", "事项5", "事项4", "事项3", "事项2", "事项1", "事项0"]
    assert [[m.title for m in p.rows] for p in reversed(backwards)] == [
        [m.title for m in p.rows] for p in forwards
    ]
    assert forwards[0].previous_cursor is None
    assert forwards[-1].next_cursor is None


def test_a_cursor_this_paging_did_not_write_is_refused(matters):
    paging = KeysetPagination.by("registered_at")()
    for bad in ("nonsense", "%%%", "eyJrIjpbbnVsbCwxXSwiYiI6MH0", "W10"):
        with pytest.raises(ValueError, match=re.escape(bad)):
            paging.page(Matter.objects.all(), bad, 2)


def test_the_page_and_the_api_share_one_cursor(cast, matters):
    api = cast.api("own_unit")
    body = api.get("/api/v1/matters/", {"page_size": 3}).json()
    assert [m["title"] for m in body["results"]] == ["事项6", "事项5", "事项4"]
    assert body["previous"] is None
    following = api.get(body["next"]).json()
    assert [m["title"] for m in following["results"]] == ["事项3", "事项2", "事项1"]
    back = api.get(following["previous"]).json()
    assert [m["title"] for m in back["results"]] == ["事项6", "事项5", "事项4"]
    # A cursor from the API opens the same place on the page.
    cursor = body["next"].split("cursor=")[1].split("&")[0]
    shown = cast.page("own_unit").get("/matters/", {"cursor": cursor}).context["table_rows"]
    assert [obj.title for obj, _row in shown][:3] == ["事项3", "事项2", "事项1"]


def test_a_bad_cursor_is_404_on_the_api_and_the_first_page_on_a_page(cast, matters):
    response = cast.api("own_unit").get("/api/v1/matters/", {"cursor": "nonsense"})
    assert response.status_code == 404
    assert response.json()["message"]
    page = cast.page("own_unit").get("/matters/", {"cursor": "nonsense"})
    assert page.status_code == 200
    assert page.context["table_rows"][0][0].title == "事项6"
