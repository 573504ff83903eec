"""The work archive page and API read one assembly (matters/archive.py); the views parse."""

import pytest
from django.utils import timezone

from govcounsel.core.dates import parse_year
from govcounsel.matters.archive import (
    archive_of,
    archive_page,
    archive_rows,
    parse_person_id,
    work_archive,
)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024", 2024),
        (" 2024 ", 2024),
        ("", None),
        (None, None),
        ("99999", None),
        ("0999", None),
        ("20２4", None),
        ("-2024", None),
        ("abcd", None),
    ],
)
def test_a_year_is_four_digits_or_none(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(
    ("text", "pk"),
    [("12", 12), ("0", None), ("", None), ("x1", None), ("9" * 30, None), ("١٢", None)],
)
def test_a_person_id_fits_the_column_or_is_none(text, pk):
    assert parse_person_id(text) == pk


def test_the_archive_of_a_person_outside_the_scope_is_none(tree, cast):
    year = timezone.localdate().year
    assert archive_of(cast.sibling_unit, tree.person_a.pk, year) is None
    assert archive_of(cast.own_unit, None, year) is None
    assert archive_of(cast.own_unit, tree.person_a.pk, year).as_dict() == (
        work_archive(tree.person_a, year).as_dict()
    )


def test_the_page_shows_the_first_lawyer_when_none_is_chosen(tree, cast):
    year = timezone.localdate().year
    page = archive_page(cast.own_unit, person_id=None, year=year)
    assert page.person == page.lawyers.first()
    assert page.rows == archive_rows(page.archive)
    assert set(page.context()) == {"lawyers", "year", "person", "archive", "rows"}
    nobody = archive_page(cast.own_unit, person_id=tree.person_b.pk, year=year)
    assert (nobody.person, nobody.archive) == (None, None)
    assert set(nobody.context()) == {"lawyers", "year", "person"}


def test_typed_nonsense_falls_back_instead_of_failing(cast, client):
    client.force_login(cast.lawyer)
    response = client.get("/matters/archive/", {"year": "99999", "person": "9" * 30})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
