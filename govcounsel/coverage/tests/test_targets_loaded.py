"""The preloaded targets count what their clauses name: figures, the correcting migration,
the loader, and the places a target is shown (page, Excel, API, form)."""

from __future__ import annotations

import importlib
import io
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Q
from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.accounts.scopes import forget_grants
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.coverage.choices import Metric, TargetStatus
from govcounsel.coverage.groups import GroupKind, UnitGroup
from govcounsel.coverage.models import Target
from govcounsel.coverage.policy_targets import POLICY_TARGETS
from govcounsel.coverage.status import read_target
from govcounsel.organisations.tests.factories import UnitFactory
from govcounsel.people.tests.factories import LegalAdviserFactory, PersonFactory
from govcounsel.tests.helpers import client_for

LATER = date(2024, 6, 1)  # after the 2023 deadlines: judged on 2023-12-31


def policy_target(region, words):
    """The preloaded target of the region whose clause contains the words."""
    return Target.objects.get(region=region, clause_text__contains=words)


def covered_unit(clerk, certify, **fields):
    unit = UnitFactory(**fields)
    RoleGrant.objects.create(user=clerk, role=Role.UNIT_ADMIN, unit=unit)
    forget_grants(clerk)
    certify(PersonFactory(unit=unit), date(2023, 6, 1))
    return unit


# --- the group "党政机关" --------------------------------------------------------------


def test_organ_group_is_party_and_government_organs_through_any_prefix():
    group = UnitGroup(level="county", kind=GroupKind.ORGAN)
    assert group.q() == Q(level="county") & Q(kind__in=("party_organ", "government_organ"))
    assert group.q(prefix="versions__") == Q(versions__level="county") & Q(
        versions__kind__in=("party_organ", "government_organ")
    )
    assert UnitGroup.from_params({"kind": "organ"}) == UnitGroup(kind="organ")
    assert group.label == "区县级 · 党政机关"


# --- figures -----------------------------------------------------------------------------


def test_chaoyang_organs_target_does_not_count_peoples_organisations(tree, clerk, certify):
    """000 二 "区级党政机关原则上均设立公职律师": 1 of 4 organs (25%), not 2 of 5 units (40%)
    once a covered people's organisation is added."""
    certify(tree.person_a, date(2023, 6, 1))  # unit_a; unit_a2 has none
    UnitFactory(region=tree.chaoyang, kind="party_organ")
    UnitFactory(region=tree.chaoyang, kind="government_organ")
    covered_unit(clerk, certify, region=tree.chaoyang, kind="peoples_organisation")
    call_command("load_policy_targets", verbosity=0)
    reading = read_target(policy_target(tree.chaoyang, "原则上均设立公职律师"), today=LATER)
    assert (reading.figures.units, reading.figures.covered) == (4, 1)
    assert reading.rate == pytest.approx(0.25)


def test_chaoyang_enforcement_target_counts_work_carried_by_advisers(tree):
    """000 二 "具有行政执法权的区级行政机关公职律师工作覆盖率力争达到100%": an enforcement
    organ whose duties a legal adviser carries counts (001 一(二))."""
    LegalAdviserFactory(unit=tree.unit_a, service_start=date(2022, 1, 1))
    UnitFactory(region=tree.chaoyang, kind="government_organ")  # no enforcement power
    UnitFactory(region=tree.chaoyang, kind="party_organ", has_enforcement_power=True)
    call_command("load_policy_targets", verbosity=0)
    target = policy_target(tree.chaoyang, "具有行政执法权的区级行政机关")
    assert target.metric == Metric.WORK
    reading = read_target(target, today=LATER)
    assert (reading.figures.units, reading.rate, reading.status) == (1, 1.0, TargetStatus.MET)


def test_chenggu_fourteenth_plan_target_leaves_townships_out(tree):
    """001 一(一): the county's organs carry out the work; townships only "根据需要"."""
    LegalAdviserFactory(unit=tree.unit_c, service_start=date(2022, 1, 1))
    UnitFactory(region=tree.chenggu, level="township", kind="government_organ")
    UnitFactory(region=tree.chenggu, kind="peoples_organisation")
    call_command("load_policy_targets", verbosity=0)
    reading = read_target(policy_target(tree.chenggu, "十四五"), today=date(2026, 6, 1))
    assert (reading.figures.units, reading.rate, reading.status) == (1, 1.0, TargetStatus.MET)


def test_chenggu_forty_percent_counts_county_enforcement_organs(tree, clerk, certify):
    """001 一(一) "具有行政执法权的行政机关2023年底前公职律师覆盖率力争达到40%"."""
    covered_unit(clerk, certify, region=tree.chenggu, has_enforcement_power=True)
    for _ in range(2):  # townships with enforcement power, no public lawyer
        UnitFactory(region=tree.chenggu, level="township", has_enforcement_power=True)
    call_command("load_policy_targets", verbosity=0)
    reading = read_target(policy_target(tree.chenggu, "40%"), today=LATER)
    assert (reading.figures.units, reading.status) == (1, TargetStatus.MET)


def test_beijing_targets_count_work_of_city_and_district_organs(tree):
    """003 二(六) "市、区两级党政机关公职律师工作实现全覆盖"."""
    for unit in (tree.city_unit, tree.unit_a, tree.unit_a2, tree.unit_b):
        LegalAdviserFactory(unit=unit, service_start=date(2022, 1, 1))
    UnitFactory(region=tree.chaoyang, kind="peoples_organisation")
    call_command("load_policy_targets", verbosity=0)
    readings = {
        t.level: read_target(t, today=date(2026, 6, 1))
        for t in Target.objects.filter(region=tree.beijing)
    }
    assert {level: (r.figures.units, r.status) for level, r in readings.items()} == {
        "city": (1, TargetStatus.MET),
        "county": (3, TargetStatus.MET),
    }


# --- the migration and the loader -------------------------------------------------------

migration = importlib.import_module("govcounsel.coverage.migrations.0004_correct_policy_targets")

# fmt: off
AS_LOADED = [  # the rows the loader wrote before the clauses were read word by word
    ("110105", "county", None, "coverage", 100, date(2023, 12, 31), "000 二：2023年底前，区级党政机关原则上均设立公职律师"),
    ("110105", "county", True, "coverage", 100, date(2023, 12, 31), "000 二：具有行政执法权的区级行政机关公职律师工作覆盖率力争达到100%"),
    ("110105", "county", None, "work", 100, date(2025, 12, 31), "000 二：“十四五”期间实现区级党政机关公职律师工作全覆盖"),
    ("610722", "", True, "coverage", 40, date(2023, 12, 31), "001 一（一）：具有行政执法权的行政机关2023年底前公职律师覆盖率力争达到40%"),
    ("610722", "", None, "work", 100, date(2025, 12, 31), "001 一（一）：“十四五”期间实现公职律师工作全覆盖"),
    ("110000", "city", None, "coverage", 100, date(2025, 12, 31), "003 二（六）：到2025年，市、区两级党政机关公职律师工作实现全覆盖"),
    ("110000", "county", None, "coverage", 100, date(2025, 12, 31), "003 二（六）：到2025年，市、区两级党政机关公职律师工作实现全覆盖"),
]
# fmt: on
FIELDS = ("level", "kind", "enforcement", "metric", "percentage", "deadline")


def rows():
    return sorted(
        [
            (t.region.code, t.clause_text, *(getattr(t, f) for f in FIELDS), t.source_clause)
            for t in Target.objects.select_related("region")
        ],
        key=repr,
    )


def expected_rows():
    return sorted(
        [
            (p.region_code, p.clause_text, *(getattr(p, f) for f in FIELDS), p.source_clause)
            for p in POLICY_TARGETS
        ],
        key=repr,
    )


def load_as_before(tree):
    regions = {r.code: r for r in (tree.chaoyang, tree.chenggu, tree.beijing)}
    for code, level, enforcement, metric, percentage, deadline, clause in AS_LOADED:
        Target.objects.create(
            region=regions[code],
            level=level,
            enforcement=enforcement,
            metric=metric,
            percentage=percentage,
            deadline=deadline,
            source_clause=clause,
        )


def test_migration_corrects_the_rows_loaded_before(tree):
    load_as_before(tree)
    migration.correct(apps, None)
    assert rows() == expected_rows()
    call_command("load_policy_targets", verbosity=0)  # nothing left to add
    assert Target.objects.count() == len(POLICY_TARGETS)


def test_migration_keeps_a_supervisors_later_figures(tree):
    load_as_before(tree)
    Target.objects.filter(region=tree.chenggu, percentage=40).update(percentage=50)
    migration.correct(apps, None)
    target = policy_target(tree.chenggu, "覆盖率力争达到40%")
    assert (target.level, target.kind, float(target.percentage)) == (
        "county",
        "government_organ",
        50.0,
    )


def test_migration_reverses(tree):
    load_as_before(tree)
    columns = ("pk", *FIELDS, "kind", "source_clause", "clause_text")
    before = list(Target.objects.order_by("pk").values_list(*columns))
    migration.correct(apps, None)
    migration.restore(apps, None)
    assert list(Target.objects.order_by("pk").values_list(*columns)) == before


def test_fresh_load_gives_the_rows_the_clauses_name_once(tree):
    call_command("load_policy_targets", verbosity=0)
    call_command("load_policy_targets", verbosity=0)
    assert rows() == expected_rows()


# --- where a target is shown -----------------------------------------------------------


def test_dashboard_shows_each_targets_clause_and_filters_organs(tree, clerk, certify, client):
    covered_unit(clerk, certify, region=tree.chaoyang, kind="peoples_organisation")
    call_command("load_policy_targets", verbosity=0)
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    page = client.get("/coverage/?on=2023-12-31")
    html = page.content.decode()
    for target in Target.objects.filter(region=tree.chaoyang):
        assert target.clause_text in html
        assert target.source_clause in html
    assert '<option value="organ"' in html
    # 100% on the coverage line, 100% on the work line: each target on its own metric
    assert page.context["chart"]["trend"]["targets"]["work"] == [
        {"name": "目标 100%", "value": 100.0}
    ]
    organs = client.get("/coverage/?on=2023-12-31&kind=organ").context["figures"]
    everyone = client.get("/coverage/?on=2023-12-31").context["figures"]
    assert (organs.units, everyone.units) == (2, 3)


def test_targets_export_carries_the_clause_text(tree, client):
    call_command("load_policy_targets", verbosity=0)
    client.force_login(user_with(Role.SUPERVISOR, tree.chenggu))
    book = load_workbook(io.BytesIO(client.get("/coverage/?export=targets").content))
    header, *lines = list(book.active.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert header[-2:] == ("依据条款", "条款原文")
    assert sorted(line[-1] for line in lines) == sorted(
        p.clause_text for p in POLICY_TARGETS if p.region_code == "610722"
    )


def test_api_carries_the_clause_text_and_the_organ_group(tree, clerk, certify):
    covered_unit(clerk, certify, region=tree.chaoyang, kind="peoples_organisation")
    call_command("load_policy_targets", verbosity=0)
    client = client_for(user_with(Role.SUPERVISOR, tree.chaoyang))
    targets = client.get("/api/v1/targets/", {"kind": "organ"}).json()["results"]
    assert {(t["clause_text"], t["group_label"]) for t in targets} >= {
        ("2023年底前，区级党政机关原则上均设立公职律师", "区县级 · 党政机关")
    }
    assert all(t["kind"] == "organ" for t in targets)
    organs = client.get("/api/v1/coverage/", {"kind": "organ", "on": "2023-12-31"}).json()
    assert (organs["group"], organs["figures"]["units"]) == ({"kind": "organ"}, 2)
    created = client.post(
        "/api/v1/targets/",
        {
            "region": tree.chaoyang.pk,
            "kind": "organ",
            "level": "township",
            "metric": "work",
            "percentage": "60.00",
            "deadline": "2026-12-31",
            "source_clause": "区委依法治区办2026年工作要点",
            "clause_text": "街道（乡）党政机关公职律师工作开展率达到60%",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["clause_text"] == "街道（乡）党政机关公职律师工作开展率达到60%"


def test_supervisor_form_sets_an_organ_target_with_its_clause(tree, client):
    client.force_login(user_with(Role.SUPERVISOR, tree.chaoyang))
    form = client.get("/coverage/targets/new/?region=110105").content.decode()
    assert 'value="organ"' in form
    assert "条款原文" in form
    response = client.post(
        "/coverage/targets/new/?region=110105",
        {
            "level": "county",
            "kind": "organ",
            "enforcement": "unknown",
            "metric": "coverage",
            "percentage": "90",
            "deadline": "2026-12-31",
            "source_clause": "区委依法治区办2026年工作要点",
            "clause_text": "区级党政机关公职律师覆盖率达到90%",
        },
    )
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.kind, target.clause_text) == ("organ", "区级党政机关公职律师覆盖率达到90%")
    edit = client.get(f"/coverage/targets/{target.pk}/edit/").content.decode()
    assert "区级党政机关公职律师覆盖率达到90%" in edit
    bad = client.post(
        f"/coverage/targets/{target.pk}/edit/",
        {
            "level": "county",
            "kind": "everyone",
            "metric": "work",
            "percentage": "90",
            "deadline": "2026-12-31",
            "source_clause": "x",
        },
    )
    assert bad.status_code == 200
    assert "kind" in bad.context["form"].errors
    target.refresh_from_db()
    assert (target.kind, target.metric) == ("organ", "coverage")


# --- status ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metric", "covered", "advised", "status"),
    [
        ("coverage", 23, 0, TargetStatus.MET),  # 23 / 40 * 100 is 57.49999… in floating point
        ("coverage", 22, 5, TargetStatus.MISSED),
        ("work", 22, 1, TargetStatus.MET),
        ("work", 22, 0, TargetStatus.MISSED),
    ],
)
def test_target_is_met_when_the_counted_units_reach_its_percentage(
    tree, monkeypatch, metric, covered, advised, status
):
    from govcounsel.coverage import status as status_module
    from govcounsel.coverage.selectors import Figures

    figures = Figures(units=40, covered=covered, advised_only=advised)
    monkeypatch.setattr(
        status_module, "figures_by_region", lambda *args: {tree.chaoyang.path: figures}
    )
    target = Target.objects.create(
        region=tree.chaoyang,
        kind="organ",
        metric=metric,
        percentage="57.50",
        deadline=date(2023, 12, 31),
        source_clause="测试",
    )
    target.refresh_from_db()
    assert status_module.read_target(target, today=LATER).status == status
