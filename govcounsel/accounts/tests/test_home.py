"""The home page reads one selector per user (accounts.selectors.home_page)."""

from govcounsel.accounts.choices import Role
from govcounsel.accounts.selectors import home_page
from govcounsel.accounts.tests.factories import user_with


def labels(cards):
    return [str(card["label"]) for card in cards]


def test_a_unit_office_sees_its_counts_and_its_to_do_list(tree, client):
    office = user_with(Role.UNIT_ADMIN, tree.unit_a)
    page = home_page(office)
    assert labels(page.cards) == ["单位", "人员", "具有法律职业资格人员", "在任法律顾问"]
    assert [card["value"] for card in page.cards[:2]] == [1, 1]
    # Nothing waits yet: the to-do list is there, empty ("暂无待办").
    assert page.has_todo
    assert page.todo == []
    assert not page.waiting
    assert not page.is_admin_duty
    client.force_login(office)
    assert client.get("/").context["cards"] == page.cards


def test_each_administrator_duty_sees_what_it_watches_and_no_to_do_list(tree):
    system = home_page(user_with(Role.SYSTEM_ADMIN))
    assert labels(system.cards) == ["行政区域", "单位"]
    security = home_page(user_with(Role.SECURITY_ADMIN))
    assert labels(security.cards) == ["账号", "24小时内登录失败"]
    audit = home_page(user_with(Role.AUDIT_ADMIN))
    assert labels(audit.cards) == ["24小时内审计事件", "24小时内拒绝访问"]
    assert all(page.is_admin_duty and page.todo == [] for page in (system, security, audit))
    # Only the security administrator has something that may wait on it: locked accounts.
    assert [page.has_todo for page in (system, security, audit)] == [False, True, False]
