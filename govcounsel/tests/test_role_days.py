"""Each role's day, walked in the browser through the pages only: from the notice or the
to-do card that says something waits, to doing it, to the next role being told.

One story, in order, one browser context per role on one Chromium. The world is arranged
with services and factories first (what happened before today); from then on every step
is a click, a form or a confirmation in a page, and each step asserts what the next role
sees: the inbox badge, a to-do count, a notice's words, the result message.

With GC_SCREENSHOTS=<dir> the walk saves the README tour's shots 19 on into that folder
(`scripts/screenshots.py --walk` runs it so); without it nothing is written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.utils import timezone

from govcounsel.tests import browser

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The tour's screenshots are 1280×760 views of the top of the page (scripts/screenshots.py).
VIEWPORT = {"width": 1280, "height": 760}
PASSWORD = "Correct-Horse-42!"

# The cast's accounts (core/testing/cast.py) under the names their people would give them.
ACCOUNT_NAMES = {
    "own_unit": "市场监管局法制科",
    "lawyer": "王建国",
    "colleague": "钱律师",
    "bureau": "朝阳区司法局",
    "superior": "市公安局法制总队",
    "sibling_unit": "朝阳分局法制室",
    "parent_region": "朝阳区委依法治区办",
    "association": "朝阳区律师协会",
    "security_admin": "安全管理员",
}

MATTER_A = "关于某规范性文件的合法性审核"
MATTER_B = "关于某行政处罚决定的法律审核"
MATTER_C = "关于某政府采购合同的合法性审查"


@dataclass
class Day:
    """The browser of the walk: a context per role, signed in at its first use, each
    page answering "yes" to a confirmation and keeping what it was asked."""

    chromium: Browser
    base: str
    shots: Path | None
    contexts: dict[str, BrowserContext] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def __call__(self, username: str) -> Page:
        if username not in self.pages:
            context = self.chromium.new_context(locale="zh-CN", viewport=VIEWPORT)
            page = context.new_page()
            page.on("dialog", self._answer_yes)
            browser.login(page, self.base, username)
            self.contexts[username], self.pages[username] = context, page
        return self.pages[username]

    def _answer_yes(self, dialog: Any) -> None:
        self.asked.append(dialog.message)
        dialog.accept()

    def visitor(self) -> Page:
        """A fresh context, signed in as nobody."""
        context = self.chromium.new_context(locale="zh-CN", viewport=VIEWPORT)
        self.contexts[f"visitor-{len(self.contexts)}"] = context
        return context.new_page()

    def go(self, page: Page, path: str) -> None:
        page.goto(f"{self.base}{path}")

    def shot(self, page: Page, name: str) -> None:
        if self.shots is not None:
            page.screenshot(path=str(self.shots / f"{name}.png"), full_page=False)

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


def unread(day: Day, page: Page) -> int:
    """The number on the bell of the page's header (0 when there is none)."""
    day.go(page, "/")
    badge = page.locator("[data-testid=inbox] .badge")
    return int(badge.inner_text()) if badge.count() else 0


def todo(day: Day, page: Page) -> dict[str, int | str]:
    """The home page's to-do cards: label → count (or the figure a card shows instead)."""
    day.go(page, "/")
    cards: dict[str, int | str] = {}
    for card in page.locator("[data-testid=todo-card]").all():
        label = card.locator(".text-muted.small").first.inner_text().strip()
        value = card.locator(".value").inner_text().replace(",", "")
        cards[label] = int(value) if value.isdigit() else value
    return cards


def notices(day: Day, page: Page) -> list[str]:
    """The inbox, newest first: each notice's title and body as one text."""
    day.go(page, "/")
    page.click("[data-testid=inbox]")
    return [n.inner_text() for n in page.locator("[data-testid=notification]").all()]


def open_notice(day: Day, page: Page, title: str) -> None:
    """From the bell, open the unread notice whose title holds `title`: it leads to what
    it is about."""
    day.go(page, "/")
    page.click("[data-testid=inbox]")
    page.locator("[data-testid=notification][data-unread]", has_text=title).first.click()
    page.wait_for_load_state()


def said(page: Page) -> str:
    """The result message(s) at the top of the page."""
    return " ".join(page.locator("main > .alert[role=alert]:not([data-testid])").all_inner_texts())


def choose(select: Any, text: str) -> None:
    """Pick the option of a select whose words hold `text`."""
    select.select_option(select.locator("option", has_text=text).first.get_attribute("value"))


def verb(page: Page, name: str) -> Any:
    return page.locator(f"form[data-testid=verb-{name}]")


@dataclass
class World:
    """What the arrangement made, for the steps to name."""

    matter_b: Any
    matter_c: Any
    applicant: Any
    reviewed: Any
    pool_lawyer: Any


def arrange(cast: Any) -> World:
    """Yesterday: a matter registered but not yet assigned, a matter overdue in the
    colleague's hands, an eligible staff member, an application reviewed and ready to
    submit, a public lawyer in the city bureau's pool; and every role's account."""
    from govcounsel.accounts.models import User
    from govcounsel.certificates import services as certificates
    from govcounsel.matters import services as matters
    from govcounsel.people.tests.factories import PersonFactory, QualificationFactory

    tree = cast.tree
    for role, name in ACCOUNT_NAMES.items():
        User.objects.filter(pk=cast.user(role).pk).update(last_name=name)
    office, colleague = cast.own_unit, cast.colleague

    matter_b = matters.register_matter(
        unit=tree.unit_a,
        by=office,
        title=MATTER_B,
        category="decisions",
        subtype="enforcement_review",
        working_days=5,
    )
    matter_c = matters.register_matter(
        unit=tree.unit_a,
        by=office,
        title=MATTER_C,
        category="documents",
        subtype="contract",
        working_days=5,
    )
    matters.assign(matter=matter_c, by=office, lawyer=cast.colleague_person)
    matters.accept(matter=matter_c, by=colleague)
    # Overdue since three days ago: the deadline passed while it was being handled.
    type(matter_c).objects.filter(pk=matter_c.pk).update(
        deadline=timezone.localdate() - timedelta(days=3)
    )

    applicant = PersonFactory(name="孙丽", sex="F", unit=tree.unit_a, full_time_legal=True)
    QualificationFactory(person=applicant)
    waiting = PersonFactory(name="周强", unit=tree.unit_a, full_time_legal=True)
    QualificationFactory(person=waiting)
    reviewed = certificates.apply(person=waiting, by=office)
    certificates.review(application=reviewed, by=office, passed=True)

    pool_lawyer = PersonFactory(name="吴律师", unit=tree.city_unit)
    cast.certify(pool_lawyer)
    return World(matter_b, matter_c, applicant, reviewed, pool_lawyer)


def test_each_role_walks_its_day_through_the_pages(live_server, cast):
    world = arrange(cast)
    shots = os.environ.get("GC_SCREENSHOTS")
    folder = Path(shots) if shots else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    with browser.chromium() as chromium:
        day = Day(chromium, live_server.url, folder)
        try:
            office_assigns_two_matters(day, world)
            lawyer_accepts_one_answers_it_and_declines_the_other(day, world)
            office_evaluates_and_judges_the_decline(day, world)
            office_applies_reviews_and_submits_together(day, world)
            bureau_approves_what_was_submitted(day, world)
            superior_dispatches_a_pool_lawyer(day, world)
            committee_office_reminds_the_overdue_matter(day, world)
            association_records_a_missing_member(day, world)
            security_administrator_unlocks_an_account(day, world)
        finally:
            day.close()


def office_assigns_two_matters(day: Day, world: World) -> None:
    """The unit's office registers a matter and assigns it; it assigns yesterday's too."""
    office = day("own_unit")
    assert todo(day, office).get("待指派事项") == 1  # yesterday's matter B
    day.go(office, "/matters/new/")
    office.fill("#id_title", MATTER_A)
    office.select_option("#id_category", "normative")
    office.select_option("#id_subtype", "legality_review")
    office.fill("#id_working_days", "5")
    office.click("main button[type=submit]")
    assert office.inner_text("[data-testid=status]") == "待指派"
    verb(office, "assign").locator("select[name=lawyer]").select_option(label="王建国")
    office.click("[data-testid=action-assign]")
    assert f"已将事项“{MATTER_A}”指派给王建国。" in said(office)
    assert office.inner_text("[data-testid=status]") == "已指派，待承办"

    # Yesterday's matter, from the to-do card that counts it.
    day.go(office, "/")
    office.locator("[data-testid=todo-card]", has_text="待指派事项").locator("a").last.click()
    office.click(f"text={MATTER_B}")
    assert office.url.endswith(f"/matters/{world.matter_b.pk}/")
    verb(office, "assign").locator("select[name=lawyer]").select_option(label="王建国")
    office.click("[data-testid=action-assign]")
    assert f"已将事项“{MATTER_B}”指派给王建国。" in said(office)
    assert "待指派事项" not in todo(day, office)


def lawyer_accepts_one_answers_it_and_declines_the_other(day: Day, world: World) -> None:
    lawyer = day("lawyer")
    assert unread(day, lawyer) == 2
    assert todo(day, lawyer).get("待接受的事项") == 2
    inbox = notices(day, lawyer)
    assert any(f"新的指派：“{MATTER_A}”" in n and "请接受或拒绝承办" in n for n in inbox)
    day.shot(lawyer, "19-lawyer-inbox")

    open_notice(day, lawyer, MATTER_A)
    assert lawyer.inner_text("h1").startswith(MATTER_A)
    lawyer.click("[data-testid=action-accept]")
    assert f"已接受承办“{MATTER_A}”" in said(lawyer)
    verb(lawyer, "submit-opinion").locator("textarea[name=text]").fill(
        "经审查，该文件制定程序和内容合法，建议按程序印发。"
    )
    lawyer.click("[data-testid=action-submit-opinion]")
    assert any("不可修改" in question for question in day.asked)  # asked before sending
    assert f"已提交“{MATTER_A}”的第1版法律意见" in said(lawyer)
    assert lawyer.inner_text("[data-testid=status]") == "已提交意见，待评价"

    open_notice(day, lawyer, MATTER_B)
    verb(lawyer, "decline").locator("textarea[name=reason]").fill("本人曾参与该案调查，需回避")
    lawyer.click("[data-testid=action-decline]")
    assert f"已拒绝承办“{MATTER_B}”" in said(lawyer)
    assert unread(day, lawyer) == 0


def office_evaluates_and_judges_the_decline(day: Day, world: World) -> None:
    office = day("own_unit")
    assert unread(day, office) == 2
    inbox = notices(day, office)
    assert any(f"法律意见待评价：“{MATTER_A}”" in n for n in inbox)
    assert any(f"拒绝承办：“{MATTER_B}”" in n and "需回避" in n for n in inbox)
    waiting = todo(day, office)
    assert waiting.get("待评价意见") == 1
    assert waiting.get("待认定拒绝理由") == 1
    day.shot(office, "20-office-todo")

    office.locator("[data-testid=todo-card]", has_text="待评价意见").locator("a").last.click()
    office.click(f"text={MATTER_A}")
    form = verb(office, "close")
    form.locator("input[name=score]").fill("95")
    form.locator("input[name=comment]").fill("意见明确，依据充分")
    office.click("[data-testid=action-close]")
    assert any("确定办结吗" in question for question in day.asked)
    assert f"已办结“{MATTER_A}”，评价得分95。" in said(office)
    assert office.inner_text("[data-testid=status]") == "已办结"

    open_notice(day, office, MATTER_B)
    form = verb(office, "judge-decline")
    choose(form.locator("select[name=assignment]"), "王建国")
    form.locator("select[name=justified]").select_option("true")
    office.click("[data-testid=action-judge-decline]")
    assert f"已认定王建国拒绝承办“{MATTER_B}”的理由：理由正当。" in said(office)
    day.shot(office, "21-decline-judged")
    assert "待认定拒绝理由" not in todo(day, office)

    lawyer = day("lawyer")
    assert unread(day, lawyer) == 2
    inbox = notices(day, lawyer)
    assert any(f"事项已办结评价：“{MATTER_A}”" in n and "评价得分95" in n for n in inbox)
    assert any(f"拒绝承办理由认定：“{MATTER_B}”" in n and "理由正当" in n for n in inbox)


def office_applies_reviews_and_submits_together(day: Day, world: World) -> None:
    """Certificates: an application for an eligible member of staff, reviewed, and 统一申报
    with the one reviewed yesterday."""
    office = day("own_unit")
    day.go(office, f"/people/{world.applicant.pk}/")
    office.click("[data-testid=apply]")
    office.fill("textarea[name=statement]", "专职从事法律事务，申请公职律师证书")
    office.click("main button[type=submit]")
    assert office.inner_text("[data-testid=status]") == "待单位审核"
    verb(office, "review").locator("textarea[name=note]").fill("符合条件")
    office.click("[data-testid=action-review]")
    assert "已审核通过孙丽的申请" in said(office)

    day.go(office, "/certificates/applications/?queue=review")
    office.check(f"[data-testid=select-{world.reviewed.pk}]")
    office.check("[data-testid=register] tr:has-text('孙丽') input[name=ids]")
    office.click("[data-testid=batch-submit]")
    assert "将统一申报以下2件申请" in office.inner_text("[data-testid=batch-consequence]")
    day.shot(office, "22-batch-submit")
    office.click("[data-testid=batch-confirm-button]")
    assert "已申报2件。" in said(office)


def bureau_approves_what_was_submitted(day: Day, world: World) -> None:
    bureau = day("bureau")
    assert unread(day, bureau) == 2
    inbox = notices(day, bureau)
    assert any("证书申请待审批：北京市朝阳区市场监督管理局 孙丽" in n for n in inbox)
    assert todo(day, bureau).get("待审批的申请") == 2

    open_notice(day, bureau, "孙丽")
    verb(bureau, "approve").locator("textarea[name=note]").fill("准予颁证")
    bureau.click("[data-testid=action-approve]")
    assert any("不能撤销" in question for question in day.asked)
    message = said(bureau)
    assert "已批准孙丽的申请并颁发公职律师证书" in message
    number = re.search(r"执业证号(\d{17})", message)
    assert number is not None, message
    assert bureau.inner_text("[data-testid=status]") == "有效"
    day.shot(bureau, "23-certificate-approved")
    assert todo(day, bureau).get("待审批的申请") == 1

    office = day("own_unit")
    assert any(f"公职律师证书已颁发：孙丽（{number.group(1)}）" in n for n in notices(day, office))


def superior_dispatches_a_pool_lawyer(day: Day, world: World) -> None:
    """A unit without a public lawyer asks; the superior unit sends one from its pool."""
    asking = day("sibling_unit")
    day.go(asking, "/matters/dispatch/new/")
    choose(asking.locator("#id_unit"), "北京市公安局朝阳分局")
    asking.select_option("#id_category", "decisions")
    start = timezone.localdate() + timedelta(days=1)
    asking.fill("#id_starts_on", f"{start:%Y-%m-%d}")
    asking.fill("#id_ends_on", f"{start + timedelta(days=60):%Y-%m-%d}")
    asking.fill("#id_reason", "本单位暂无公职律师，需审查执法决定")
    asking.click("main button[type=submit]")
    assert "调派申请已提交上级单位。" in said(asking)

    superior = day("superior")
    assert unread(day, superior) == 1
    assert todo(day, superior).get("待调派申请") == 1
    open_notice(day, superior, "调派申请待答复：北京市公安局朝阳分局")
    candidates = superior.inner_text("[data-testid=candidates]")
    assert "吴律师" in candidates
    assert superior.locator(f"[data-testid=dispatch-{world.pool_lawyer.pk}]").count() == 1
    day.shot(superior, "24-dispatch-request")
    form = verb(superior, "dispatch")
    choose(form.locator("select[name=lawyer]"), "吴律师")
    form.locator("textarea[name=answer], input[name=answer]").first.fill("同意调派")
    superior.click("[data-testid=action-dispatch]")
    assert any("确定调派吗" in question for question in day.asked)
    assert "已调派吴律师至北京市公安局朝阳分局" in said(superior)
    assert "待调派申请" not in todo(day, superior)

    assert unread(day, asking) == 1
    assert any("调派公职律师：吴律师赴北京市公安局朝阳分局" in n for n in notices(day, asking))


def committee_office_reminds_the_overdue_matter(day: Day, world: World) -> None:
    """依法治区办 (000 #11 督办): the overdue matter on its to-do, 催办 from the matter page."""
    supervisor = day("parent_region")
    waiting = todo(day, supervisor)
    assert waiting.get("超期事项") == 1
    # Beside it the quarter's bulletin not yet generated, its quarter written as a date is.
    assert re.fullmatch(r"\d{4}年第[1-4]季度", str(waiting.get("朝阳区季度通报"))), waiting
    card = supervisor.locator("[data-testid=todo-card]", has_text="超期事项")
    assert MATTER_C in card.inner_text()
    day.shot(supervisor, "25-supervisor-overdue")
    card.locator(f"text={MATTER_C}").click()
    assert supervisor.url.endswith(f"/matters/{world.matter_c.pk}/")
    verb(supervisor, "remind").locator("textarea[name=note]").fill("已超期，请于本周内办结")
    supervisor.click("[data-testid=action-remind]")
    assert f"已催办“{MATTER_C}”，承办律师已收到通知。" in said(supervisor)

    for told in ("colleague", "own_unit"):
        page = day(told)
        assert any(
            f"催办：“{MATTER_C}”" in n and "请于本周内办结" in n for n in notices(day, page)
        ), told


def association_records_a_missing_member(day: Day, world: World) -> None:
    """001 三(五): the association's to-do counts public lawyers who have not joined."""
    association = day("association")
    missing = todo(day, association).get("未入会的公职律师")
    assert missing == 3  # 王建国, 钱律师, and 孙丽 certified this morning
    association.locator("[data-testid=todo-card]", has_text="未入会的公职律师").locator(
        "a"
    ).last.click()
    listed = association.inner_text("[data-testid=register]")
    assert all(name in listed for name in ("王建国", "钱律师", "孙丽"))
    day.shot(association, "26-association-non-members")
    association.click("[data-testid=register] a:has-text('孙丽')")
    association.click("[data-testid=record-membership]")
    association.fill("#id_member_number", "BJCY2026001")
    association.fill("#id_joined_on", f"{timezone.localdate():%Y-%m-%d}")
    association.click("main button[type=submit]")
    assert "已登记会员。" in said(association)
    assert todo(day, association).get("未入会的公职律师") == missing - 1


def security_administrator_unlocks_an_account(day: Day, world: World) -> None:
    """Five wrong passwords lock the colleague's account; the security administrator sees
    it on the to-do, lifts it with a reason, and the colleague signs in again."""
    stranger = day.visitor()
    for _ in range(5):
        day.go(stranger, "/login/")
        stranger.fill("#id_username", "colleague")
        stranger.fill("#id_password", "wrong-password")
        stranger.click("button[type=submit]")
    assert "锁定" in stranger.inner_text("main")

    security = day("security_admin")
    assert todo(day, security).get("被锁定的账号") == 1
    security.locator("[data-testid=todo-card]", has_text="被锁定的账号").locator("a").last.click()
    row = security.locator("[data-testid=lockout]", has_text="colleague")
    assert "连续登录失败 5 次" in row.inner_text()
    day.shot(security, "27-security-lockouts")
    row.locator("input[name=reason]").fill("本人来电核实身份，确认为忘记密码")
    row.locator("button").click()
    assert any("解除" in question and "锁定" in question for question in day.asked)
    assert "已解除 colleague 的锁定。" in said(security)
    assert "被锁定的账号" not in todo(day, security)

    again = day.visitor()
    browser.login(again, day.base, "colleague", PASSWORD)
    assert again.url == f"{day.base}/"
