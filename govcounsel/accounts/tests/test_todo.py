"""Each role's home page is its to-do list (core/todo.py, declared in each app's todo.py):
the right counts for each role, and each card's link opens a list of exactly the rows it
counts."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from axes.models import AccessAttempt
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from govcounsel.accounts.models import User
from govcounsel.accounts.selectors import home_page
from govcounsel.certificates import services as certificates
from govcounsel.certificates.models import CancellationCase
from govcounsel.certificates.tests.test_visibility import applied, case_opened, eligible
from govcounsel.core import todo
from govcounsel.core.testing.cases import check_query_budget
from govcounsel.core.testing.cast import ROLES
from govcounsel.coverage import services as coverage
from govcounsel.coverage.choices import BulletinStatus
from govcounsel.coverage.dashboard import target_readings
from govcounsel.coverage.models import Bulletin
from govcounsel.matters import services as matters
from govcounsel.matters.models import Matter
from govcounsel.matters.tests.test_visibility import dispatch_request

BEIJING = ZoneInfo("Asia/Shanghai")


def values(page):
    return {str(card.label): card.value for card in page.todo}


def register(cast, title, days, **fields):
    return matters.register_matter(
        unit=cast.tree.unit_a,
        by=cast.own_unit,
        title=title,
        category="normative",
        subtype="legality_review",
        deadline=timezone.localdate() + timedelta(days=days),
        **fields,
    )


def _disputes(cast):
    """A dispute in each state the office or the lawyer waits on (disputes/todo.py)."""
    from govcounsel.disputes import services as disputes
    from govcounsel.disputes.tests import factories

    factories.registered(cast)
    factories.qualified(cast)
    factories.with_conflict(cast)
    disputes.guide(
        dispute=factories.qualified(cast),
        by=cast.own_unit,
        channels=["reconsideration"],
        chosen="reconsideration",
        clock_label="复议机关审查是否受理",
        clock_started_on=timezone.localdate() - timedelta(days=60),
        clock_workdays=5,
    )


def _later_capabilities(cast):
    """A typical case to review and one in editing, a self-claimed training to verify, an
    award cycle taking candidates (last year's) and this year's awaiting the decision."""
    from govcounsel.awards.tests import factories as awards
    from govcounsel.casebook.tests import factories as casebook
    from govcounsel.training.tests import factories as training

    casebook.nominated(cast)
    casebook.editing(cast)
    training.claim(cast)
    awards.cycle(cast, timezone.localdate().year - 1)
    awards.locked(cast)


@pytest.fixture
def casework(cast):
    """unit_a's matters in each state that waits on someone, an application at each step
    and an overdue cancellation case; unit_a2's request for a dispatched lawyer."""
    tree = cast.tree
    cast.lawyer, cast.colleague  # noqa: B018 — certify both now
    register(cast, "待指派的审核", 20)
    late = register(cast, "已超期的审核", 10)
    Matter.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - timedelta(days=2))
    register(cast, "涉密的超期审核", 10, confidential=True)
    Matter.objects.filter(title="涉密的超期审核").update(
        deadline=timezone.localdate() - timedelta(days=1)
    )
    to_accept = register(cast, "待接受的审核", 3)
    matters.assign(matter=to_accept, by=cast.own_unit, lawyer=tree.person_a)
    declined = register(cast, "被拒绝的审核", 30)
    matters.assign(matter=declined, by=cast.own_unit, lawyer=cast.colleague_person)
    matters.decline(matter=declined, by=cast.colleague, reason="与本人有利害关系，申请回避")
    opinion = register(cast, "待评价的审核", 30)
    matters.assign(matter=opinion, by=cast.own_unit, lawyer=tree.person_a)
    matters.accept(matter=opinion, by=cast.lawyer)
    matters.submit_opinion(matter=opinion, by=cast.lawyer, text="经审查，合法。")
    applied(cast)
    eligible(cast, name="吴未申")
    approval = certificates.apply(person=eligible(cast, name="周申报"), by=cast.own_unit)
    certificates.review(application=approval, by=cast.own_unit, passed=True)
    certificates.submit(application=approval, by=cast.own_unit)
    case = case_opened(cast)
    CancellationCase.objects.filter(pk=case.pk).update(
        due_on=timezone.localdate() - timedelta(days=1)
    )
    dispatch_request(cast)
    _disputes(cast)
    _later_capabilities(cast)
    # An account that no one of the cast logs in as: a login resets its failures.
    User.objects.create(username="zhaolei", last_name="赵", first_name="雷")
    for address in ("10.0.0.7", "10.0.0.8"):
        AccessAttempt.objects.create(
            username="zhaolei",
            ip_address=address,
            user_agent=address,
            failures_since_start=3,
            get_data="",
            post_data="",
            http_accept="",
            path_info="/accounts/login/",
        )
    return cast


def test_the_office_sees_what_waits_on_it(casework):
    page = home_page(casework.own_unit)
    assert values(page) == {
        "待审核、待申报的申请": 1,
        "具有资格但未申请": 1,
        "待办注销案件": 1,
        "超期注销案件": 1,
        "待指派事项": 4,  # registered, the late one, the confidential one, the declined one
        "待评价意见": 1,
        "待认定拒绝理由": 1,
        "超期事项": 2,
        "待认定的行政争议": 1,
        "待渠道引导的行政争议": 1,
        "法定期限已届满的行政争议": 1,
        "待处理的工作冲突": 1,
        "评选征集候选中": 1,  # units may nominate themselves and their lawyers (002 §19)
    }
    overdue = next(card for card in page.todo if str(card.label) == "超期事项")
    assert overdue.danger
    assert [row.text for row in overdue.rows] == ["已超期的审核", "涉密的超期审核"]
    assert all(row.late for row in overdue.rows)
    assert overdue.url == "/matters/?overdue=true"


def test_the_lawyer_sees_matters_to_accept_and_deadlines_with_their_dates(casework):
    page = home_page(casework.lawyer)
    assert values(page) == {
        "待接受的事项": 1,
        "临近期限（7日内）": 1,
        "参与化解的行政争议": 1,
        "本年度培训尚未达标": 1,  # a card: no training recorded this year (000 #9)
    }
    due = next(card for card in page.todo if str(card.label) == "临近期限（7日内）")
    assert [(row.text, row.on) for row in due.rows] == [
        ("待接受的审核", timezone.localdate() + timedelta(days=3))
    ]
    assert not due.rows[0].late
    # The colleague declined their matter: only the year's training waits on them.
    assert list(values(home_page(casework.colleague))) == ["本年度培训尚未达标"]


def test_the_superior_sees_dispatch_requests_addressed_to_its_system(casework):
    assert values(home_page(casework.superior))["待调派申请"] == 1
    # The asking unit's office sees the request too, but it does not wait on it.
    assert "待调派申请" not in values(home_page(casework.sibling_unit))


def test_the_bureau_association_and_security_administrator_see_theirs(casework):
    assert values(home_page(casework.bureau)) == {
        "待审批的申请": 1,
        "待办注销案件": 1,
        "超期注销案件": 1,
        "待审核的典型案例推荐": 1,
        "编辑中的典型案例": 1,
        "待核验的自报培训": 1,
        "评选征集候选中": 1,
    }
    assert values(home_page(casework.association))["未入会的公职律师"] >= 1
    assert values(home_page(casework.security_admin)) == {"被锁定的账号": 1}
    assert home_page(casework.system_admin).todo == []
    assert home_page(casework.audit_admin).todo == []


@time_machine.travel(datetime(2025, 5, 14, 10, tzinfo=BEIJING), tick=False)
def test_the_supervisor_sees_targets_overdue_matters_and_the_next_bulletin(cast):
    supervisor = cast.parent_region
    chaoyang = cast.tree.chaoyang
    cast.lawyer  # noqa: B018 — unit_a has a public lawyer, unit_a2 none: 50% covered
    coverage.create_target(
        by=supervisor,
        region=chaoyang,
        metric="coverage",
        percentage=80,
        deadline=date(2025, 12, 31),
        source_clause="测试文件第一条",
    )
    late = register(cast, "已超期的审核", 10)
    Matter.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - timedelta(days=1))
    cards = {str(card.label): card for card in home_page(supervisor).todo}
    reading = target_readings(supervisor, chaoyang)[0]
    assert reading.rate is not None
    target = cards["朝阳区公职律师覆盖率"]
    assert target.value == f"{reading.rate * 100:.1f}% / 80%"
    assert target.danger
    assert target.waiting
    assert target.url == "/coverage/?region=110105"
    assert cards["超期事项"].value == 1
    # Q1's bulletin was due on 1 April and is missing.
    missing = cards["朝阳区季度通报"]
    assert (missing.value, missing.danger) == ("2025年第1季度", True)
    Bulletin.objects.create(region=chaoyang, year=2025, quarter=1, status=BulletinStatus.DONE)
    cards = {str(card.label): card for card in home_page(supervisor).todo}
    following = cards["朝阳区下期通报"]
    assert following.value == "2025年第2季度"
    assert "2025-07-01" in str(following.note)
    assert not following.waiting
    assert not following.danger


def listed(response):
    """What the linked list shows: its objects' ids, or the locked account names."""
    if "lockouts" in response.context:
        return {lock.username for lock in response.context["lockouts"]}
    return {obj.pk for obj in response.context["object_list"]}


def counted(item, user):
    rows = item.count(user)
    if item.url_name == "accounts:lockouts":
        return {row["username"] for row in rows}
    return set(rows.values_list("pk", flat=True))


def test_every_card_links_to_a_list_of_exactly_the_rows_it_counts(casework):
    seen = set()
    for role in ROLES:
        user = casework.user(role)
        if user is None:
            continue
        client = casework.page(role)
        for item in todo.items_for(user):
            if item.count is None:
                continue
            rows = counted(item, user)
            response = client.get(item.url(user))
            assert response.status_code == 200, (role, item.url(user))
            assert listed(response) == rows, (role, str(item.label), item.url(user))
            if rows:
                seen.add(str(item.label))
    # The world above gives every declared count something to count.
    assert seen == {str(i.label) for i in todo.registered() if i.count is not None}


def test_the_home_page_shows_the_cards_and_says_when_nothing_waits(casework, cast):
    html = casework.page("own_unit").get("/").content.decode()
    assert "待指派事项" in html
    assert 'href="/matters/?status=registered"' in html
    assert html.index('data-testid="todo"') < html.index("概况")
    # Excused from this year's training (long leave), the colleague has nothing waiting.
    from govcounsel.training import services as training

    training.grant_exemption(
        by=casework.bureau,
        person=casework.colleague_person,
        year=timezone.localdate().year,
        reason="长期病假",
    )
    assert "暂无待办" in casework.page("colleague").get("/").content.decode()
    assert "待办事项" not in casework.page("audit_admin").get("/").content.decode()


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_the_home_page_keeps_to_its_query_budget(casework, role):
    client = casework.page(role)
    client.get("/")  # the first request may fill process-wide caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    check_query_budget(f"page:home:{role}", len(queries))
