"""The quarterly bulletins are a register: search, filters, export and print."""

import csv
import io

from django.urls import reverse

from govcounsel.coverage import services
from govcounsel.tests.helpers import events


def bulletins(cast):
    # Queued on commit, which a test's transaction never reaches: they stay pending.
    return [
        services.request_bulletin(
            region=cast.tree.chaoyang, year=2024, quarter=q, by=cast.parent_region
        )
        for q in (1, 2)
    ]


def test_the_bulletins_search_and_filter(cast):
    first, second = bulletins(cast)
    client = cast.page("parent_region")
    page = client.get(reverse("coverage:bulletins")).content.decode()
    assert str(first) in page
    assert str(second) in page
    assert 'data-testid="generate"' in page  # the supervisor still asks for one here
    assert (
        client.get(reverse("coverage:bulletins"), {"q": "海淀"}).content.decode().count("2024年第")
        == 0
    )
    found = client.get(reverse("coverage:bulletins"), {"q": "朝阳"}).content.decode()
    assert str(first) in found
    assert str(second) in found
    q2 = client.get(reverse("coverage:bulletins"), {"quarter": "2"}).content.decode()
    assert str(second) in q2
    assert str(first) not in q2


def test_the_bulletins_export_and_print_the_filtered_rows(cast):
    first, second = bulletins(cast)
    client = cast.page("parent_region")
    response = client.get(reverse("coverage:bulletins"), {"quarter": "1", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert str(first) in cells
    assert str(second) not in cells
    assert events("export.csv")[0].data["count"] == 1
    html = client.get(reverse("coverage:bulletins"), {"quarter": "1", "print": "1"}).content
    assert str(first) in html.decode()
    assert str(second) not in html.decode()
    assert "季度=第1季度" in html.decode()
    assert events("export.print")[0].data["count"] == 1


def test_an_administrator_exports_no_bulletins(cast):
    bulletins(cast)
    page = cast.page("audit_admin").get(reverse("coverage:bulletins"), {"export": "csv"})
    assert page.status_code == 403
    assert not events("export.csv")
