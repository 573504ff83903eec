"""The awards pages: the rule applied, figures and the multiple-award badge on the list, the
decision downloaded unchanged, the register of lawyers awarded more than once."""

from __future__ import annotations

import pytest
from django.urls import reverse

from govcounsel.awards.tests import factories
from govcounsel.documents.services import stored_bytes

pytestmark = pytest.mark.django_db
BADGE = "多次评优，人才推荐优先"


def test_the_cycle_page_says_which_rule_applied_and_shows_the_figures(cast):
    cycle = factories.with_candidates(cast, 2026)
    html = cast.page("bureau").get(reverse("awards:cycle", args=[cycle.pk])).content.decode()
    assert factories.BASIS in html
    assert "参与化解争议" in html
    assert "年度考核等次" in html
    assert cast.tree.person_a.name in html
    assert BADGE not in html


def test_a_lawyer_awarded_twice_is_badged_listed_and_flagged_in_the_api(cast):
    factories.decided(cast, 2025)
    factories.decided(cast, 2026)
    cycle = factories.cycle(cast, 2024)
    factories.services.propose(cycle=cycle, by=cast.bureau, person=cast.tree.person_a)
    page = cast.page("bureau").get(reverse("awards:cycle", args=[cycle.pk])).content.decode()
    assert BADGE in page
    person_page = cast.page("own_unit").get(cast.tree.person_a.get_absolute_url())
    assert BADGE in person_page.content.decode()
    register = cast.page("parent_region").get(reverse("awards:repeated")).content.decode()
    assert cast.tree.person_a.name in register
    exported = cast.page("parent_region").get(reverse("awards:repeated"), {"export": "csv"})
    assert exported.status_code == 200
    answer = cast.api("bureau").get(reverse("award-candidate-list"), {"cycle": cycle.pk}).json()
    assert [row["repeatedly_awarded"] for row in answer["results"]] == [True]


def test_the_decision_downloads_as_issued(cast):
    cycle = factories.decided(cast, 2026)
    response = cast.page("lawyer").get(reverse("awards:decision", args=[cycle.pk]))
    assert response.status_code == 200
    assert response.content == stored_bytes(cycle.decision)
    api = cast.api("bureau").get(reverse("award-cycle-decision", args=[cycle.pk]))
    assert api.status_code == 200


def test_the_committee_office_opens_a_cycle_from_the_register(cast):
    factories.rule(cast)
    client = cast.page("parent_region")
    response = client.post(
        reverse("awards:cycles"), {"region": cast.tree.chaoyang.pk, "year": 2026, "note": ""}
    )
    assert response.status_code == 302
    assert cast.page("bureau").post(reverse("awards:cycles"), {}).status_code == 403
