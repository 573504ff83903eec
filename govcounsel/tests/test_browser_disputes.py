"""An administrative dispute from the pool to the public page, walked in the browser.

An organ's office nominates one of its public lawyers to the centre's pool (002 §10);
another organ of the same business system registers a dispute, qualifies it on the four
conditions (002 §5) and guides the party to mediation (002 §8); the centre draws the
nominee, schedules a session and records it held; the organ puts its own lawyer on the
dispute (002 §9) and closes it as settled; it nominates the dispute as a typical case and
the justice bureau accepts, anonymises and publishes it (002 §18); a visitor reads it on
the public page without the counterparty's name.

The world (units, people, certificates, accounts, the pool's rule) is arranged with
factories and services; every step above is a page, a form, a click or a confirmation.
With GC_SCREENSHOTS=<dir> the walk saves shots 30 (assign page), 31 (dispute page) and
32 (public case) into that folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from govcounsel.tests import browser
from govcounsel.tests.test_role_days import Day, choose, said, verb

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "关于某食品公司不服罚款决定的行政争议"
COUNTERPARTY = "北京鑫源食品有限公司"
NOMINEE = "甲调解"
CASE_POINTS = "同一业务系统的公职律师参与和解调解，专业对口，当事人自愿和解，争议化解在诉前。"


@dataclass
class World:
    """What the arrangement made, for the steps to name."""

    nominating_office: str
    nominee: Any
    respondent: Any


def arrange(cast: Any, clerk: Any) -> World:
    """The pool's rule for 朝阳区; a second market regulation organ of the district with a
    certified lawyer and an office account; unit_a (market regulation too) with its office
    and its certified lawyer 王建国; the centre's and the bureau's accounts."""
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.models import RoleGrant
    from govcounsel.accounts.scopes import forget_grants
    from govcounsel.accounts.tests.factories import user_with
    from govcounsel.organisations.tests.factories import UnitFactory
    from govcounsel.people.tests.factories import PersonFactory
    from govcounsel.reconciliation.tests.factories import rule_for

    tree = cast.tree
    tree.unit_a.sector = "market_regulation"
    tree.unit_a.save()
    rule_for(tree.chaoyang, cast.reconciliation)
    nominating = UnitFactory(
        name="朝阳区市场监管一所", region=tree.chaoyang, sector="market_regulation"
    )
    # The certifying clerk runs the new organ too (core/testing/tree.py make_clerk).
    RoleGrant.objects.create(user=clerk, role=Role.UNIT_ADMIN, unit=nominating)
    forget_grants(clerk)
    nominee = PersonFactory(name=NOMINEE, unit=nominating)
    cast.certify(nominee)
    user_with(Role.UNIT_ADMIN, nominating, username="office_m1", last_name="监管一所法制科")
    for role in ("own_unit", "lawyer", "reconciliation", "bureau"):
        cast.user(role)
    return World("office_m1", nominee, tree.unit_a)


def test_a_dispute_goes_from_the_pool_to_the_public_casebook(live_server, cast, clerk):
    world = arrange(cast, clerk)
    shots = os.environ.get("GC_SCREENSHOTS")
    folder = Path(shots) if shots else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    with browser.chromium() as chromium:
        day = Day(chromium, live_server.url, folder)
        try:
            office_nominates_a_mediator(day, world)
            dispute = organ_registers_qualifies_and_guides(day, world)
            centre_draws_schedules_and_holds(day, dispute)
            organ_assigns_its_lawyer_and_closes(day, dispute)
            case = organ_nominates_a_typical_case(day, dispute)
            bureau_accepts_anonymises_and_publishes(day, case)
            visitor_reads_the_public_case(day)
        finally:
            day.close()


def office_nominates_a_mediator(day: Day, world: World) -> None:
    office = day(world.nominating_office)
    day.go(office, "/reconciliation/")
    office.click("a[href$='/reconciliation/nominations/new/']")
    choose(office.locator("#id_person"), NOMINEE)
    office.click("main button[type=submit]")
    assert "已推荐和解调解员。" in said(office)
    assert NOMINEE in office.inner_text("main")


def organ_registers_qualifies_and_guides(day: Day, world: World) -> Any:
    from govcounsel.disputes.models import Dispute

    office = day("own_unit")
    day.go(office, "/disputes/new/")
    office.fill("#id_title", TITLE)
    office.select_option("#id_counterparty_kind", "organisation")
    office.fill("#id_counterparty_name", COUNTERPARTY)
    office.select_option("#id_act_kind", "act")
    office.fill("#id_act", f"对{COUNTERPARTY}销售过期食品的行为作出罚款五万元的行政处罚决定")
    office.fill("#id_contested", f"{COUNTERPARTY}认为罚款数额明显过重，申请行政复议")
    office.select_option("#id_origin", "reconsideration")
    office.fill("#id_arose_on", f"{timezone.localdate() - timedelta(days=10):%Y-%m-%d}")
    office.click("main button[type=submit]")
    assert "已登记行政争议。" in said(office)
    assert office.inner_text("[data-testid=status]") == "待认定"
    dispute = Dispute.objects.get(title=TITLE)
    assert dispute.unit == world.respondent

    form = verb(office, "qualify")
    for n in range(1, 5):
        form.locator(f"select[name=met_{n}]").select_option("true")
        form.locator(f"textarea[name=reason_{n}]").fill("符合")
    office.click("[data-testid=action-qualify]")
    assert any("认定后登记信息不能再修改" in q for q in day.asked)
    assert f"已认定“{TITLE}”" in said(office)
    assert office.inner_text("[data-testid=status]") == "待引导"

    form = verb(office, "guide")
    form.locator("input[name=channels][value=settlement]").check()
    form.locator("input[name=channels][value=mediation]").check()
    form.locator("select[name=chosen]").select_option("mediation")
    office.click("[data-testid=action-guide]")
    assert f"已记录“{TITLE}”的渠道引导。" in said(office)
    assert office.inner_text("[data-testid=status]") == "化解中"
    return dispute


def centre_draws_schedules_and_holds(day: Day, dispute: Any) -> None:
    centre = day("reconciliation")
    day.go(centre, "/reconciliation/disputes/")
    centre.click(f"text={TITLE}")
    assert centre.url.endswith(f"/reconciliation/disputes/{dispute.pk}/")
    row = centre.locator("[data-testid=eligibility] tr", has_text=NOMINEE)
    assert "可抽取" in row.inner_text()
    centre.click("[data-testid=draw]")
    assert any("随机抽取" in q for q in day.asked)
    assert "已抽取和解调解员。" in said(centre)
    assert NOMINEE in centre.inner_text("[data-testid=mediators]")
    day.shot(centre, "30-reconciliation-assign")

    centre.click(f"a[href$='/reconciliation/disputes/{dispute.pk}/sessions/new/']")
    start = timezone.localtime() - timedelta(hours=3)
    centre.fill("#id_place", "朝阳区行政争议和解中心第一调解室")
    centre.fill("#id_starts_at", f"{start:%Y-%m-%dT%H:%M}")
    centre.fill("#id_ends_at", f"{start + timedelta(hours=2):%Y-%m-%dT%H:%M}")
    assert centre.locator("input[name=mediators]").first.is_checked()
    centre.click("main button[type=submit]")
    assert "已安排和解调解会。" in said(centre)
    assert centre.inner_text("[data-testid=status]") == "已安排"

    verb(centre, "hold").locator("textarea[name=note]").fill(
        "双方就罚款数额充分沟通，当事人表示愿意和解。"
    )
    centre.click("[data-testid=action-hold]")
    assert "已登记和解调解会已举行。" in said(centre)
    assert centre.inner_text("[data-testid=status]") == "已举行"


def organ_assigns_its_lawyer_and_closes(day: Day, dispute: Any) -> None:
    office = day("own_unit")
    day.go(office, f"/disputes/{dispute.pk}/")
    verb(office, "assign").locator("select[name=lawyer]").select_option(label="王建国")
    office.click("[data-testid=action-assign]")
    assert f"已委派王建国参与化解“{TITLE}”。" in said(office)
    assert "王建国" in office.inner_text("[data-testid=lawyers]")

    form = verb(office, "close")
    form.locator("select[name=outcome]").select_option("settled")
    form.locator("textarea[name=note]").fill(
        "经和解调解，机关依法调整罚款数额，当事人撤回复议申请。"
    )
    form.locator("select[name=satisfaction]").select_option("satisfied")
    office.click("[data-testid=action-close]")
    assert any("确定办结吗" in q for q in day.asked)
    assert f"已办结“{TITLE}”：和解。" in said(office)
    assert office.inner_text("[data-testid=status]") == "已办结"
    assert "满意" in office.inner_text("[data-testid=outcome]")
    day.shot(office, "31-dispute-settled")


def organ_nominates_a_typical_case(day: Day, dispute: Any) -> Any:
    from govcounsel.casebook.models import TypicalCase

    office = day("own_unit")
    day.go(office, "/casebook/nominable/")
    office.click(f"[data-testid=nominate-{dispute.pk}]")
    office.fill("textarea[name=reason]", "公职律师参与和解调解，争议化解在诉前，具有示范意义。")
    office.click("main button[type=submit]")
    assert "已推荐为典型案例，等待司法局审核。" in said(office)
    return TypicalCase.objects.get(dispute=dispute)


def bureau_accepts_anonymises_and_publishes(day: Day, case: Any) -> None:
    bureau = day("bureau")
    day.go(bureau, f"/casebook/{case.pk}/")
    bureau.click("[data-testid=action-accept]")
    assert f"已采用典型案例“{TITLE}”" in said(bureau)

    verb(bureau, "edit").locator("textarea[name=key_points]").fill(CASE_POINTS)
    bureau.click("[data-testid=action-edit]")
    assert f"已保存典型案例“{TITLE}”。" in said(bureau)

    bureau.click("[data-testid=action-anonymise]")
    assert f"已对典型案例“{TITLE}”做隐名处理。" in said(bureau)

    bureau.click("[data-testid=action-publish]")
    assert any("确定发布吗" in q for q in day.asked)
    assert f"已发布典型案例“{TITLE}”。" in said(bureau)


def visitor_reads_the_public_case(day: Day) -> None:
    visitor = day.visitor()
    day.go(visitor, "/public/cases/")
    listed = visitor.inner_text("main")
    assert TITLE in listed
    assert COUNTERPARTY not in listed
    visitor.click(f"text={TITLE}")
    text = visitor.inner_text("main")
    assert CASE_POINTS in text
    assert COUNTERPARTY not in text
    assert "罚款五万元" in text
    day.shot(visitor, "32-public-case")
