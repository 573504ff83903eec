"""Figures of disputes resolved before litigation (002 §12): each outcome counted where it
belongs, periods cut in Beijing time, the region roll-up, who reads what, the API, the
export and a query count that does not grow with the data."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from rest_framework.test import APIClient

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.accounts.two_factor import VERIFIED_SESSION_KEY
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.core.testing.cases import check_query_budget
from govcounsel.disputes.choices import DisputeStatus, Outcome, Satisfaction
from govcounsel.disputes.figure_views import DisputeFiguresReport
from govcounsel.disputes.figures import (
    DisputeFigures,
    figures_page,
    reads_dispute_figures,
    window,
)
from govcounsel.disputes.models import Dispute, DisputeLawyer
from govcounsel.organisations.models import Region
from govcounsel.organisations.tests.factories import UnitFactory, make_region
from govcounsel.tests.helpers import events

S = DisputeStatus
NOW = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)  # 12:00 in Beijing
URL = "/disputes/figures/"
API = "/api/v1/dispute-figures/"

pytestmark = pytest.mark.django_db


def beijing(*parts: int) -> datetime:
    from django.utils import timezone

    return datetime(*parts, tzinfo=timezone.get_default_timezone())


def dispute(
    unit,
    registered: datetime,
    status: str = S.REGISTERED,
    closed: datetime | None = None,
    outcome: str = "",
    satisfaction: str = "",
    **fields,
) -> Dispute:
    return Dispute.objects.create(
        unit=unit,
        title=f"争议{Dispute.objects.count() + 1}",
        counterparty_kind="person",
        counterparty_name="张某",
        act_kind="act",
        act="行政处罚",
        contested="处罚是否适当",
        origin="complaint",
        status=status,
        registered_at=registered,
        closed_at=closed,
        outcome=outcome,
        satisfaction=satisfaction,
        **fields,
    )


def closed(unit, outcome: str, satisfaction: str = "", **fields) -> Dispute:
    return dispute(
        unit,
        beijing(2026, 1, 5),
        S.CLOSED,
        closed=beijing(2026, 2, 1),
        outcome=outcome,
        satisfaction=satisfaction,
        **fields,
    )


@pytest.fixture
def hand_made(tree, cast):
    """Ten disputes of unit_a in 2026, one in each state and each outcome, one registered
    by the centre with a mediator and an organ lawyer on it; one dispute each in 海淀区 and
    城固县, outside 朝阳区."""
    a = tree.unit_a
    dispute(a, beijing(2026, 2, 10))
    dispute(a, beijing(2026, 2, 11), S.UNQUALIFIED, closed=beijing(2026, 2, 12))
    dispute(a, beijing(2026, 3, 1), S.QUALIFIED)
    dispute(a, beijing(2026, 4, 1), S.HANDLING)
    closed(a, Outcome.SETTLED, Satisfaction.SATISFIED)
    centre = closed(a, Outcome.MEDIATED, Satisfaction.FAIRLY, registered_by_centre=True)
    DisputeLawyer.objects.create(dispute=centre, person=tree.person_a, is_lead=True)
    DisputeLawyer.objects.create(dispute=centre, person=tree.person_b, mediator=True)
    closed(a, Outcome.WITHDRAWN)
    closed(a, Outcome.TO_RECONSIDERATION, Satisfaction.DISSATISFIED)
    closed(a, Outcome.TO_LITIGATION, Satisfaction.NOT_GIVEN)
    closed(a, Outcome.NOT_RESOLVED, Satisfaction.DISSATISFIED)
    closed(tree.unit_b, Outcome.SETTLED, Satisfaction.SATISFIED)
    closed(tree.unit_c, Outcome.SETTLED, Satisfaction.SATISFIED)
    return centre


EXPECTED_A = DisputeFigures(
    registered=10,
    qualified=8,
    unqualified=1,
    closed=6,
    settled=1,
    mediated=1,
    withdrawn=1,
    to_reconsideration=1,
    to_litigation=1,
    not_resolved=1,
    satisfied=1,
    fairly=1,
    dissatisfied=2,
    not_given=2,
)


@time_machine.travel(NOW, tick=False)
def test_each_outcome_is_counted_where_it_belongs(cast, hand_made):
    page = cast.page("parent_region").get(URL, {"year": "2026"}).context["page"]
    f = page.totals
    assert f == EXPECTED_A
    assert (f.resolved, f.referred, f.resolution_rate) == (3, 2, 0.5)
    # Satisfied or fairly satisfied, of the four who answered.
    assert f.satisfaction_rate == 0.5


@time_machine.travel(NOW, tick=False)
def test_a_centre_registered_dispute_is_counted_once(cast, hand_made):
    """Registered by the centre, worked by an organ lawyer and a centre mediator: one row
    for the centre's reader as for the organ's office."""
    for role in ("reconciliation", "own_unit"):
        page = cast.page(role).get(URL, {"year": "2026"}).context["page"]
        assert page.totals == EXPECTED_A, role
        assert [o.figures.mediated for o in page.organs] == [1], role


@time_machine.travel(NOW, tick=False)
def test_organs_systems_and_quarters(cast, tree, hand_made):
    page = cast.page("bureau").get(URL, {"year": "2026"}).context["page"]
    assert [(o.name, o.figures.registered) for o in page.organs] == [(tree.unit_a.name, 10)]
    assert [(r.name, r.figures.closed) for r in page.sectors] == [("综合管理", 6)]
    # Registrations by registration time, closures by closing time.
    by_quarter = {r.code: (r.figures.registered, r.figures.closed) for r in page.periods}
    assert by_quarter == {"2026Q1": (9, 6), "2026Q2": (1, 0), "2026Q3": (0, 0), "2026Q4": (0, 0)}
    assert [r.code for r in page.trend][-1] == "2026Q4"
    assert len(page.trend) == 12
    months = cast.page("bureau").get(URL, {"year": "2026", "granularity": "month"})
    rows = months.context["page"].periods
    assert len(rows) == 12
    assert (rows[1].code, rows[1].figures.closed) == ("2026-02", 6)


@time_machine.travel(NOW, tick=False)
def test_a_period_and_a_system_narrow_the_figures(cast, hand_made):
    client = cast.page("parent_region")
    q2 = client.get(URL, {"year": "2026", "period": "q2"}).context["page"].totals
    assert (q2.registered, q2.closed) == (1, 0)
    other = client.get(URL, {"year": "2026", "sector": "justice"}).context["page"].totals
    assert other == DisputeFigures()
    named = client.get(URL, {"year": "2026", "q": "市场监督"}).context["page"].totals
    assert named == EXPECTED_A


@time_machine.travel(NOW, tick=False)
def test_quarters_are_cut_in_beijing_time(cast, tree):
    # 23:30 UTC on the last day of a quarter is 07:30 the next morning in Beijing.
    dispute(
        tree.unit_a,
        datetime(2026, 3, 31, 23, 30, tzinfo=UTC),
        S.CLOSED,
        closed=datetime(2026, 6, 30, 23, 30, tzinfo=UTC),
        outcome=Outcome.SETTLED,
    )
    page = cast.page("parent_region").get(URL, {"year": "2026"}).context["page"]
    by_quarter = {r.code: (r.figures.registered, r.figures.closed) for r in page.periods}
    assert by_quarter["2026Q1"] == (0, 0)
    assert by_quarter["2026Q2"] == (1, 0)
    assert by_quarter["2026Q3"] == (0, 1)
    trend = {r.code: (r.figures.registered, r.figures.resolved) for r in page.trend}
    assert trend["2026Q2"] == (1, 0)
    assert trend["2026Q3"] == (0, 1)
    q1 = cast.page("parent_region").get(URL, {"year": "2026", "period": "q1"})
    assert q1.context["page"].totals.registered == 0
    assert window(2026, "q3") == (beijing(2026, 7, 1), beijing(2026, 10, 1))


@time_machine.travel(NOW, tick=False)
def test_the_region_roll_up(tree, hand_made):
    """Each region counts its own organs and all below; the city's own organs (本级) are
    a row of their own beside the sub-regions."""
    closed(tree.city_unit, Outcome.MEDIATED)
    supervisor = user_with(Role.SUPERVISOR, tree.beijing)
    page = figures_page(
        supervisor, Dispute.objects.visible_to(supervisor), region=tree.beijing, year=2026
    )
    assert page.totals.registered == 12  # 10 + 海淀区 1 + 本级 1, not 城固县
    assert [(r.name, r.figures.registered, r.figures.resolved) for r in page.regions] == [
        ("市辖区", 11, 4),
        ("北京市本级", 1, 1),
    ]
    city = figures_page(
        supervisor, Dispute.objects.visible_to(supervisor), region=tree.beijing_city, year=2026
    )
    assert [(r.code, r.figures.registered) for r in city.regions] == [
        ("110105", 10),
        ("110108", 1),
    ]


# Who reads the figures, and whose disputes they count (unit_a: 10, unit_b: 1, unit_c: 1).
READS = {
    "own_unit": 10,
    "sibling_unit": 0,
    "superior": 0,
    "parent_region": 10,
    "bureau": 10,
    "reconciliation": 10,
    "other_region": 1,
}


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("role", sorted(READS))
def test_readers_count_the_disputes_they_may_see(cast, hand_made, role):
    answer = cast.api(role).get(API, {"year": "2026"})
    assert answer.status_code == 200, answer.content
    assert answer.json()["figures"]["registered"] == READS[role]
    page = cast.page(role).get(URL, {"year": "2026"})
    assert page.status_code == 200
    assert page.context["page"].totals.registered == READS[role]


@pytest.mark.parametrize(
    "role", ["association", "lawyer", "system_admin", "security_admin", "audit_admin"]
)
def test_others_are_refused(cast, role):
    assert cast.page(role).get(URL).status_code == 403
    assert cast.api(role).get(API).status_code == 403
    assert not reads_dispute_figures(cast.user(role))


def test_anonymous_is_sent_to_log_in(cast):
    assert cast.page("anonymous").get(URL).status_code == 302
    assert cast.api("anonymous").get(API).status_code == 401


@time_machine.travel(NOW, tick=False)
def test_the_api_answers_the_page_s_figures(cast, tree, hand_made):
    body = cast.api("parent_region").get(API, {"year": "2026", "period": "q1"}).json()
    assert body["region"] == {"code": "110105", "name": "朝阳区"}
    assert body["figures"]["resolved"] == 3
    assert body["figures"]["resolution_rate"] == 0.5
    assert body["organs"][0]["name"] == tree.unit_a.name
    assert [r["code"] for r in body["periods"]] == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    assert len(body["trend"]) == 12


def test_the_api_refuses_what_it_cannot_read(cast):
    api = cast.api("parent_region")
    assert api.get(API, {"year": "abc"}).status_code == 400
    assert api.get(API, {"period": "q9"}).status_code == 400
    assert api.get(API, {"year": "99999"}).status_code == 400
    # Another province's region is out of reach: not found, as for a code no region has.
    assert api.get(API, {"region": "610722"}).status_code == 404
    assert api.get(API, {"region": "999999"}).status_code == 404


def test_the_schema_describes_the_figures(cast):
    schema = cast.api("parent_region").get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/dispute-figures/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"region", "year", "period", "sector"}


@time_machine.travel(NOW, tick=False)
def test_export_and_print_write_the_page_s_rows(cast, hand_made):
    client = cast.page("parent_region")
    response = client.get(URL, {"year": "2026", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert list(rows[0]) == DisputeFiguresReport().headers()
    total = rows[1]
    assert total[:8] == ("合计", "朝阳区", "110105", 10, 8, 1, 6, 3)
    assert total[14] == "50.0%"
    groups = {row[0] for row in rows[1:]}
    assert {"合计", "分业务系统", "分单位", "分季度", "季度趋势"} <= groups
    assert events("export.xlsx")

    csv_response = client.get(URL, {"year": "2026", "export": "csv"})
    text = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[1][:4] == ["合计", "朝阳区", "110105", "10"]

    printed = client.get(URL, {"year": "2026", "print": "1"})
    assert printed.status_code == 200
    assert "合计" in printed.content.decode()


def _spread(
    *, cities: int, organs_per_city: int, per_organ: int, province=None, first: int = 1
) -> Region:
    """Disputes in every state and outcome over cities, organs and three years."""
    province = province or make_region("440000", "广东省")
    outcomes = list(Outcome)
    for c in range(first, first + cities):
        city = make_region(f"44{c:02d}00", f"市{c}", province)
        for o in range(organs_per_city):
            unit = UnitFactory(region=city, sector=["general", "ecology", "transport"][o % 3])
            for n in range(per_organ):
                when = beijing(2024 + n % 3, 1 + (n * 5) % 12, 1 + n % 28)
                if n % 4 == 0:
                    dispute(unit, when)
                else:
                    dispute(
                        unit,
                        when,
                        S.CLOSED,
                        closed=when.replace(day=28),
                        outcome=outcomes[n % len(outcomes)],
                        satisfaction=Satisfaction.SATISFIED,
                    )
    return province


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, {"year": "2025"}).status_code == 200
    return len(queries)


def _signed_in(account):
    client = Client()
    client.force_login(account)
    session = client.session
    session[VERIFIED_SESSION_KEY] = account.pk  # past the second factor, as cast.page does
    session.save()
    api = APIClient()
    api.force_authenticate(account)
    return client, api


@time_machine.travel(NOW, tick=False)
def test_the_query_count_does_not_grow_with_the_data():
    """One city with two organs, then four cities with seventeen organs and twelve times the
    disputes: the same number of queries."""
    province = _spread(cities=1, organs_per_city=2, per_organ=3)
    client, api = _signed_in(user_with(Role.RECONCILIATION_ADMIN, province))
    _queries(client, URL), _queries(api, API)  # the first request of a session loads more
    small_page, small_api = _queries(client, URL), _queries(api, API)

    _spread(cities=3, organs_per_city=5, per_organ=12, province=province, first=2)
    big_page, big_api = _queries(client, URL), _queries(api, API)
    page = client.get(URL, {"year": "2025"}).context["page"]
    assert len(page.regions) == 4
    assert len(page.organs) == 17

    assert big_page == small_page
    assert big_api == small_api
    check_query_budget("page:disputes:figures", big_page)
    check_query_budget("api:dispute-figures", big_api)


@time_machine.travel(NOW, tick=False)
def test_the_national_data_set_spreads_disputes_over_states_and_outcomes(tree):
    from govcounsel.demo.scale import build_disputes

    build_disputes(400, say=lambda _text: None)
    assert Dispute.objects.count() == 400
    statuses = set(Dispute.objects.values_list("status", flat=True))
    assert statuses == set(DisputeStatus.values)
    assert set(Dispute.objects.filter(status=S.CLOSED).values_list("outcome", flat=True)) == set(
        Outcome.values
    )
    # Every closed dispute has its outcome (the model's constraint) and lies in three years.
    assert not Dispute.objects.filter(status=S.CLOSED, outcome="").exists()
    assert Dispute.objects.filter(registered_at__lt=datetime(2023, 11, 1, tzinfo=UTC)).count() == 0
