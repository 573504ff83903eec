import re
from typing import Any

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.tests import browser
from govcounsel.tests.browser import chromium_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MASKED = re.compile(r"^\d{6}\*{8}[\dX]{4}$")


def login(page, live_server, username):
    browser.login(page, live_server.url, username)


def test_unit_admin_sees_only_own_people_masked(live_server, tree):
    PersonFactory(name="周丽", sex="F", unit=tree.unit_a)
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="unit_officer", last_name="市场监管局法制科")
    with chromium_page() as page:
        login(page, live_server, "unit_officer")
        assert "市场监管局法制科" in page.inner_text("[data-testid=current-user]")

        page.goto(f"{live_server.url}/people/")
        names = page.locator("[data-testid=register] tbody tr td:first-child").all_inner_texts()
        assert sorted(names) == sorted(["王建国", "周丽"])
        ids = page.locator("[data-testid=register] tbody tr td:nth-child(4)").all_inner_texts()
        assert all(MASKED.match(value) for value in ids), ids

        page.goto(f"{live_server.url}/organisations/units/{tree.unit_a.pk}/")
        ids = page.locator("[data-testid=id-number]").all_inner_texts()
        assert len(ids) == 2
        assert all(MASKED.match(value) for value in ids)
        assert tree.person_a.id_number not in page.content()
        screenshot(page, "unit-admin-unit-page")

        response = page.goto(f"{live_server.url}/organisations/units/{tree.unit_b.pk}/")
        assert response.status == 404


def test_justice_bureau_reveals_an_id_number_in_the_page(live_server, tree):
    user_with(Role.JUSTICE_BUREAU, tree.chaoyang, username="bureau")
    with chromium_page() as page:
        login(page, live_server, "bureau")
        page.goto(f"{live_server.url}/people/{tree.person_a.pk}/")
        page.click("[data-testid=reveal]")
        revealed = page.locator("[data-testid=identity-revealed]")
        revealed.wait_for()
        assert tree.person_a.id_number in revealed.inner_text()
        screenshot(page, "justice-bureau-reveal")


def test_apply_review_approve_then_the_certificate_is_shown(live_server, tree):
    from govcounsel.people.tests.factories import QualificationFactory

    person = tree.person_a
    person.full_time_legal = True
    person.save()
    QualificationFactory(person=person)
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="office")
    user_with(Role.JUSTICE_BUREAU, tree.chaoyang, username="bureau")
    with chromium_page() as page:
        asked: list[str] = []

        def answer_yes(dialog: Any) -> None:
            asked.append(dialog.message)
            dialog.accept()

        page.on("dialog", answer_yes)
        login(page, live_server, "office")
        page.goto(f"{live_server.url}/people/{person.pk}/")
        page.click("[data-testid=apply]")
        page.fill("textarea[name=statement]", "专职从事法律事务，申请公职律师证书")
        page.click("main button[type=submit]")
        assert page.inner_text("[data-testid=status]") == "待单位审核"
        page.fill("form:has([data-testid=action-review]) textarea[name=note]", "符合条件")
        page.click("[data-testid=action-review]")
        assert page.inner_text("[data-testid=status]") == "单位已审核"
        page.click("[data-testid=action-submit]")
        assert "已申报" in page.inner_text("[data-testid=status]")

        page.click("[data-testid=current-user]")  # the account menu holds 退出
        page.click("[data-testid=logout]")
        login(page, live_server, "bureau")
        page.goto(f"{live_server.url}/")
        assert "待审批的申请" in page.inner_text("[data-testid=todo]")
        page.goto(f"{live_server.url}/certificates/applications/?queue=approval")
        page.get_by_role("link", name=person.name).click()
        page.fill("form:has([data-testid=action-approve]) textarea[name=note]", "准予颁证")
        page.click("[data-testid=action-approve]")
        assert any("不能撤销" in question for question in asked)  # asked before issuing
        number = page.inner_text("[data-testid=number]")
        assert re.fullmatch(r"111052026[6][01]\d{6}", number), number
        assert page.inner_text("[data-testid=status]") == "有效"
        assert "公职律师" in page.inner_text("[data-testid=decoded]")
        timeline = page.inner_text("[data-testid=timeline]")
        assert "颁发证书" in timeline
        screenshot(page, "certificate-issued")


# Pixels in the coverage series' red (#a4161a): present only if data was drawn, not just axes.
COUNT_SERIES_PIXELS = """(id) => {
  const canvas = document.querySelector(`#${id} canvas`);
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let red = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 200 && data[i] > 140 && data[i + 1] < 60 && data[i + 2] < 60) red++;
  }
  return red;
}"""


def test_coverage_dashboard_draws_its_charts(live_server, tree):
    from datetime import date

    from govcounsel.certificates.models import ActivePeriod, Certificate, CertificateApplication
    from govcounsel.people.tests.factories import LegalAdviserFactory

    LegalAdviserFactory(unit=tree.unit_a2, service_start=date(2022, 1, 1))
    application = CertificateApplication.objects.create(person=tree.person_a, unit=tree.unit_a)
    certificate = Certificate.objects.create(
        application=application,
        person=tree.person_a,
        unit=tree.unit_a,
        number="11105202260000001",
        serial=1,
        first_approved_year=2022,
        issued_on=date(2022, 1, 1),
    )
    ActivePeriod.objects.create(
        certificate=certificate, unit=tree.unit_a, started_on=date(2022, 1, 1)
    )
    user_with(Role.SUPERVISOR, tree.beijing, username="supervisor")
    with chromium_page() as page:
        login(page, live_server, "supervisor")
        page.goto(f"{live_server.url}/coverage/?region=110100")
        page.wait_for_selector("body[data-charts-ready=true]")
        assert "朝阳区" in page.inner_text("[data-testid=region-table]")
        for chart in ("bars", "trend"):
            assert page.evaluate(COUNT_SERIES_PIXELS, chart) > 50, f"{chart} chart drew no data"
        screenshot(page, "coverage-dashboard")


def test_assign_accept_opinion_close_in_the_browser(live_server, tree, certify):
    certify(tree.person_a)
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="office")
    user_with(Role.PUBLIC_LAWYER, person=tree.person_a, username="lawyer")
    with chromium_page() as page:
        page.on("dialog", lambda dialog: dialog.accept())
        login(page, live_server, "office")
        page.goto(f"{live_server.url}/matters/new/")
        page.fill("#id_title", "关于某规范性文件的合法性审核")
        page.select_option("#id_category", "normative")
        page.select_option("#id_subtype", "legality_review")
        page.fill("#id_working_days", "5")
        page.click("main button[type=submit]")
        assert page.inner_text("[data-testid=status]") == "待指派"
        page.click("[data-testid=action-assign]")
        assert page.inner_text("[data-testid=status]") == "已指派，待承办"
        page.click("[data-testid=current-user]")  # the account menu holds 退出
        page.click("[data-testid=logout]")

        login(page, live_server, "lawyer")
        page.goto(f"{live_server.url}/matters/mine/")
        page.click("text=关于某规范性文件的合法性审核")
        page.click("[data-testid=action-accept]")
        # The lawyer's actions now: the opinion, overtime, each with its own input.
        assert page.locator("[data-testid=action-overtime]").count() == 1
        screenshot(page, "matter-actions")
        page.fill(
            "form:has([data-testid=action-submit-opinion]) textarea[name=text]",
            "经审查，该文件制定程序和内容合法。",
        )
        page.click("[data-testid=action-submit-opinion]")
        assert page.inner_text("[data-testid=status]") == "已提交意见，待评价"
        page.click("[data-testid=current-user]")  # the account menu holds 退出
        page.click("[data-testid=logout]")

        login(page, live_server, "office")
        page.goto(f"{live_server.url}/matters/")
        page.click("text=关于某规范性文件的合法性审核")
        page.fill("input[name=score]", "95")
        page.fill("input[name=comment]", "意见明确")
        page.click("[data-testid=action-close]")
        assert page.inner_text("[data-testid=status]") == "已办结"
        assert "经审查，该文件制定程序和内容合法。" in page.inner_text("[data-testid=opinions]")
        screenshot(page, "matter-closed")
