"""The dashboard, its exports and the coverage API read one assembly (coverage/dashboard.py);
the quarterly task goes through the bulletin service and records its requests."""

import json
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.models import AuditEvent
from govcounsel.coverage import dashboard, tasks
from govcounsel.coverage.groups import UnitGroup
from govcounsel.coverage.models import Bulletin
from govcounsel.tests.helpers import client_for

ON = date(2023, 12, 31)


def test_the_api_answers_what_the_summary_assembles(landscape):
    supervisor = user_with(Role.SUPERVISOR, landscape.beijing)
    answer = client_for(supervisor).get(
        "/api/v1/coverage/", {"region": "110100", "on": "2023-12-31"}
    )
    summary = dashboard.coverage_summary(supervisor, landscape.beijing_city, UnitGroup(), ON)
    assert answer.json() == json.loads(json.dumps(summary, cls=DjangoJSONEncoder))


def test_the_page_shows_the_table_the_assembly_builds(landscape, client):
    supervisor = user_with(Role.SUPERVISOR, landscape.beijing)
    client.force_login(supervisor)
    page = client.get("/coverage/?region=110000&on=2023-12-31").context
    table = dashboard.region_table(supervisor, landscape.beijing, UnitGroup(), ON)
    assert [(n, c, f.units) for n, c, f in page["rows"]] == [
        (n, c, f.units) for n, c, f in table.rows
    ]
    assert page["figures"] == table.figures


def test_a_county_is_broken_down_by_unit_level(landscape):
    supervisor = user_with(Role.SUPERVISOR, landscape.chaoyang)
    table = dashboard.region_table(supervisor, landscape.chaoyang, UnitGroup(), ON)
    assert table.children == []
    assert [(name, f.units) for name, _code, f in table.rows] == [("区县级", 2)]


def test_an_unknown_table_is_no_export(landscape, client):
    supervisor = user_with(Role.SUPERVISOR, landscape.chaoyang)
    assert dashboard.export(supervisor, landscape.chaoyang, UnitGroup(), ON, "secrets") is None
    client.force_login(supervisor)
    assert client.get("/coverage/?export=secrets").status_code == 404
    assert not AuditEvent.objects.filter(action="export.xlsx").exists()


def test_the_quarterly_task_records_each_request_without_an_actor(landscape):
    user_with(Role.SUPERVISOR, landscape.chaoyang)
    user_with(Role.SUPERVISOR, landscape.chaoyang)  # two supervisors, one region: one bulletin
    user_with(Role.SUPERVISOR, landscape.chenggu)
    assert tasks.bulletins_for_last_quarter() == 2
    events = AuditEvent.objects.filter(action="coverage.bulletin.requested")
    assert {e.object_id for e in events} == {str(b.pk) for b in Bulletin.objects.all()}
    assert {(e.actor_id, json.dumps(e.data)) for e in events} == {(None, '{"scheduled": true}')}
    assert tasks.bulletins_for_last_quarter() == 0
    assert events.count() == 2
