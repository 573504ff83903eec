"""操作指南: for each role the user holds, the daily tasks of that role with links to its pages.

The guides follow DOMAIN.md "Roles and what each may see". A link is shown only when its
menu item (or, for pages outside the menu, the page itself) is open to the user, so that a
guide never points at a page that would refuse them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcounsel.core import menu

from .choices import Role
from .scopes import roles_of


@dataclass(frozen=True)
class Task:
    """One daily task: what to do, and the page where it is done (a URL name)."""

    text: Any
    url_name: str = ""
    query: str = ""


GUIDES: dict[Role, tuple[Any, tuple[Task, ...]]] = {
    Role.SUPERVISOR: (
        _("读取本区域的全部业务数据，设定公职律师覆盖率目标，按季度发布通报（000 #12）。"),
        (
            Task(_("查看本区域覆盖率与目标的差距"), "coverage:dashboard"),
            Task(_("设定或调整覆盖率目标"), "coverage:dashboard"),
            Task(_("生成并下载季度通报"), "coverage:bulletins"),
            Task(_("查看本区域的超期法律事务"), "matters:board", "overdue=true"),
        ),
    ),
    Role.JUSTICE_BUREAU: (
        _("审批并颁发公职律师证书，暂停、注销证书，督办注销案件（000 #11）。"),
        (
            Task(_("审批各单位申报的证书申请"), "certificates:applications", "queue=approval"),
            Task(_("查阅证书登记簿"), "certificates:certificates"),
            Task(_("督办超期未办结的注销案件"), "certificates:cases", "overdue=true"),
            Task(_("审批查阅身份信息的角色授权"), "accounts:pending-grants"),
            Task(_("查询人员与法律职业资格"), "people:list"),
        ),
    ),
    Role.UNIT_ADMIN: (
        _("管理本单位人员、证书申请、法律事务和决策事项清单（000 #1、001 三（一））。"),
        (
            Task(_("导入摸排表，维护本单位人员"), "people:survey"),
            Task(_("审核本单位的证书申请并统一申报"), "certificates:applications", "queue=review"),
            Task(_("登记法律事务并指派公职律师"), "matters:board"),
            Task(_("关注超期事项（红色标出）"), "matters:board", "overdue=true"),
            Task(_("维护须听取公职律师意见的决策事项"), "matters:decisions"),
            Task(_("本单位没有公职律师时申请调派"), "matters:dispatches"),
        ),
    ),
    Role.SUPERIOR_ADMIN: (
        _("除本单位工作外，管理本系统的人才库，答复下级单位的调派申请（001 一（三））。"),
        (
            Task(_("查看本系统人才库与在办量"), "matters:pool"),
            Task(_("答复调派申请"), "matters:dispatches", "status=open"),
            Task(_("登记法律事务并指派公职律师"), "matters:board"),
        ),
    ),
    Role.RECONCILIATION_ADMIN: (
        _("维护调解员库，向纠纷指派调解员（002 §10）。"),
        (Task(_("查看覆盖率"), "coverage:dashboard"),),
    ),
    Role.ASSOCIATION: (
        _("登记公职律师入会，查阅证书登记簿（000 #9、001 三（五））。"),
        (
            Task(_("登记未入会的公职律师入会"), "certificates:non-members"),
            Task(_("查阅证书登记簿"), "certificates:certificates"),
        ),
    ),
    Role.PUBLIC_LAWYER: (
        _("办理本人承办的法律事务，查阅本人的工作档案。"),
        (
            Task(_("接受或拒绝指派，提交法律意见"), "matters:mine"),
            Task(_("查阅本人年度工作档案"), "matters:archive"),
            Task(_("查看本人的证书申请"), "certificates:applications"),
            Task(_("查看待办通知"), "notifications"),
        ),
    ),
    Role.SYSTEM_ADMIN: (
        _("负责系统配置：区域与单位、法定节假日日历；不处理业务数据（三员分立）。"),
        (
            Task(_("维护区域与单位"), "organisations:tree"),
            Task(_("导入国务院办公厅放假通知"), "calendar:years"),
            Task(_("后台管理"), "admin:index"),
        ),
    ),
    Role.SECURITY_ADMIN: (
        _("负责账号与权限：开通账号、授予角色、解除锁定；不处理业务数据（三员分立）。"),
        (
            Task(_("账号与角色授权"), "admin:index"),
            Task(_("查看区域与单位（授权时选择）"), "organisations:tree"),
        ),
    ),
    Role.AUDIT_ADMIN: (
        _("查阅审计日志与数据变更记录；不处理业务数据（三员分立）。"),
        (
            Task(_("查阅审计事件"), "audit:events"),
            Task(_("查阅数据变更记录"), "audit:changes"),
        ),
    ),
}

# Pages every signed-in account may open, though the menu does not list them.
_OPEN_TO_ALL = frozenset({"notifications", "home"})


@dataclass(frozen=True)
class GuideLink:
    text: Any
    url: str


def _opens(user: Any, url_name: str, menu_names: set[str]) -> bool:
    return url_name in _OPEN_TO_ALL or url_name in menu_names


def guides_for(user: Any) -> list[tuple[Role, Any, list[GuideLink]]]:
    """The guide of each role the user holds, in the order of the roles, each task's link
    kept only where the user may open it."""
    menu_names = {item.url_name for item in menu.visible_items(user)}
    held = roles_of(user)
    guides = []
    for role in Role:
        if role not in held or role not in GUIDES:
            continue
        summary, tasks = GUIDES[role]
        links = []
        for task in tasks:
            url = ""
            if task.url_name and _opens(user, task.url_name, menu_names):
                url = reverse(task.url_name) + (f"?{task.query}" if task.query else "")
            links.append(GuideLink(task.text, url))
        guides.append((role, summary, links))
    return guides


@login_required
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/help.html", {"guides": guides_for(request.user)})
