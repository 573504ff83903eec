"""The public page (/public/cases/): no login, only the published anonymised version, never
the dispute, the organ's records or the parties."""

import pytest
from django.test import Client
from django.urls import reverse

from govcounsel.casebook import services

from .factories import COUNTERPARTY, PHONE, editing, published


def test_the_login_page_links_to_the_public_cases(db):
    page = Client().get(reverse("login")).content.decode()
    assert reverse("public:cases") in page


def test_anyone_reads_a_published_case_without_logging_in(cast):
    case = published(cast)
    anonymous = Client()
    listing = anonymous.get(reverse("public:cases"))
    assert listing.status_code == 200
    assert case.current_revision.title in listing.content.decode()
    page = anonymous.get(reverse("public:case", args=[case.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert case.current_revision.key_points in html
    # Nothing internal: not the party, the phone, the organ, the reason or the dispute.
    for absent in (
        COUNTERPARTY,
        PHONE,
        cast.tree.unit_a.name,
        case.reason,
        case.dispute.get_absolute_url(),
        "/casebook/",
    ):
        assert absent not in html, absent
    assert "Content-Security-Policy" in page
    assert "style=" not in html


def test_the_public_reads_the_latest_version(cast):
    case = published(cast)
    services.revise(case=case, by=cast.bureau, note="更正", key_points="修订后的典型意义。")
    html = Client().get(reverse("public:case", args=[case.pk])).content.decode()
    assert "修订后的典型意义。" in html


def test_a_draft_and_a_withdrawn_case_are_not_public(cast):
    draft = editing(cast)
    case = published(cast)
    services.withdraw(case=case, by=cast.bureau, reason="当事人异议")
    anonymous = Client()
    assert anonymous.get(reverse("public:case", args=[draft.pk])).status_code == 404
    assert anonymous.get(reverse("public:case", args=[case.pk])).status_code == 404
    listing = anonymous.get(reverse("public:cases")).content.decode()
    assert case.current_revision.title not in listing


def test_search_and_filters(cast):
    case = published(cast)
    revision = case.current_revision
    anonymous = Client()
    found = anonymous.get(reverse("public:cases"), {"q": "提前介入"}).content.decode()
    assert revision.title in found
    missed = anonymous.get(reverse("public:cases"), {"q": "不存在的词"}).content.decode()
    assert revision.title not in missed
    other_year = anonymous.get(reverse("public:cases"), {"year": revision.year - 1}).content
    assert revision.title not in other_year.decode()
    same = anonymous.get(
        reverse("public:cases"), {"year": revision.year, "sector": revision.sector}
    ).content.decode()
    assert revision.title in same


@pytest.mark.parametrize("page", ["1", "2", "x"])
def test_paging_answers_any_page(db, page):
    assert Client().get(reverse("public:cases"), {"page": page}).status_code == 200
