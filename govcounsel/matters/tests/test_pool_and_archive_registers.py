"""The talent pool and the work archive search, filter, export and print like the other
registers (core/views/base.py, core/printing.py)."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from govcounsel.matters.models import Assignment
from govcounsel.matters.selectors import open_load, pool_of
from govcounsel.matters.services import expertise as expertise_services
from govcounsel.matters.tests.test_visibility import assigned, registered
from govcounsel.organisations.models import Unit
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.tests.helpers import events


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    data = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(data)))


@pytest.fixture
def pool(cast):
    """Two certified lawyers of the city bureau's system, one tagged 合同审查."""
    contracts = expertise_services.add_expertise(by=cast.superior, name="合同审查")
    tagged = PersonFactory(name="市局张律师", unit=cast.tree.city_unit)
    plain = PersonFactory(name="市局李律师", unit=cast.tree.city_unit)
    for person in (tagged, plain):
        cast.certify(person)
    expertise_services.tag_lawyer(person=tagged, by=cast.superior, expertise=[contracts])
    return tagged, plain, contracts


# --- the talent pool ------------------------------------------------------------------------


def test_the_pool_searches_and_filters_by_expertise(cast, pool):
    tagged, plain, contracts = pool
    client = cast.page("superior")
    html = client.get(reverse("matters:pool")).content.decode()
    assert tagged.name in html
    assert plain.name in html
    assert 'data-testid="expertise-catalogue"' in html  # 专长目录 stays
    assert f'data-testid="tag-{tagged.pk}"' in html  # 标注专长 on each row
    found = client.get(reverse("matters:pool"), {"q": "李"}).content.decode()
    assert plain.name in found
    assert tagged.name not in found
    by_field = client.get(reverse("matters:pool"), {"expertise": contracts.pk}).content.decode()
    assert tagged.name in by_field
    assert plain.name not in by_field


def test_the_pool_exports_and_prints_the_rows_it_shows(cast, pool):
    tagged, plain, _ = pool
    client = cast.page("superior")
    rows = csv_rows(client.get(reverse("matters:pool"), {"q": "张", "export": "csv"}))
    flat = [cell for row in rows for cell in row]
    assert tagged.name in flat
    assert "合同审查" in flat
    assert plain.name not in flat
    (event,) = events("export.csv")
    assert event.data["count"] == 1
    html = client.get(reverse("matters:pool"), {"q": "张", "print": "1"}).content.decode()
    assert tagged.name in html
    assert plain.name not in html
    assert "律师或单位=张" in html
    assert events("export.print")[0].data["count"] == 1


def test_the_pool_is_still_the_superiors_alone(cast, pool):
    assert cast.page("own_unit").get(reverse("matters:pool")).status_code == 403
    assert cast.page("own_unit").get(reverse("matters:pool"), {"export": "csv"}).status_code == 403


def test_the_pools_load_is_the_dispatchs_load(cast, pool):
    tagged, plain, _ = pool
    # Two matters led by one pool lawyer (written directly: only the count is under test).
    for title in ("甲", "乙"):
        Assignment.objects.create(matter=registered(cast, title=title), person=tagged)
    people = pool_of(Unit.objects.heads_for(cast.superior))
    loads = {p.pk: p.load for p in people}
    expected = open_load(people)
    assert loads == {pk: expected.get(pk, 0) for pk in loads}
    assert (loads[tagged.pk], loads[plain.pk]) == (2, 0)
    idle = cast.page("superior").get(reverse("matters:pool"), {"idle": "true"}).content.decode()
    assert plain.name in idle
    assert tagged.name not in idle


# --- the work archive -----------------------------------------------------------------------


def test_the_archive_search_picks_the_lawyer_found(cast, tree):
    cast.user("lawyer")  # person_a certified
    other = PersonFactory(name="甲单位赵律师", unit=tree.unit_a)
    cast.certify(other)
    client = cast.page("own_unit")
    html = client.get(reverse("matters:archive"), {"q": "赵"}).content.decode()
    assert f'<option value="{other.pk}" selected' in html
    assert f'value="{tree.person_a.pk}"' not in html  # the search narrowed the choice


def test_the_archive_exports_csv_and_xlsx_and_prints_its_figures(cast, tree):
    cast.user("lawyer")
    assigned(cast)
    year = timezone.localdate().year
    client = cast.page("own_unit")
    query = {"person": tree.person_a.pk, "year": year}
    page = client.get(reverse("matters:archive"), query).content.decode()
    assert f"?person={tree.person_a.pk}&amp;year={year}&export=csv" in page
    assert f"?person={tree.person_a.pk}&amp;year={year}&print=1" in page
    rows = csv_rows(client.get(reverse("matters:archive"), {**query, "export": "csv"}))
    assert ["承办事项合计", "1"] in rows
    (event,) = events("export.csv")
    assert event.data["filters"] == {"person": str(tree.person_a.pk), "year": str(year)}
    xlsx = client.get(reverse("matters:archive"), {**query, "export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert events("export.xlsx")
    html = client.get(reverse("matters:archive"), {**query, "print": "1"}).content.decode()
    assert tree.person_a.name in html
    assert "承办事项合计" in html
    assert f"年度={year}" in html
    assert events("export.print")[0].data["count"] > 10


def test_the_archive_of_someone_out_of_scope_exports_nothing(cast, tree):
    cast.user("lawyer")
    page = cast.page("sibling_unit").get(
        reverse("matters:archive"), {"person": tree.person_a.pk, "export": "csv"}
    )
    assert page["Content-Type"].startswith("text/html")
    assert not events("export.csv")
