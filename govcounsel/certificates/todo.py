"""What waits on each role in certificates: applications to review or approve, cancellation
cases, public lawyers outside the association (see core/todo.py)."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.todo import TodoItem

from .selectors import (
    approval_queue,
    holders_without_membership,
    open_cases,
    qualified_not_applied,
    review_queue,
)

OFFICE = holds(Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN)
CASE_HANDLERS = holds(Role.UNIT_ADMIN, Role.SUPERIOR_ADMIN, Role.JUSTICE_BUREAU)

todo_items = [
    TodoItem(
        _("待审核、待申报的申请"),
        OFFICE,
        "certificates:applications",
        count=review_queue,
        query="queue=review",
    ),
    TodoItem(_("具有资格但未申请"), OFFICE, "certificates:qualified", count=qualified_not_applied),
    TodoItem(
        _("待审批的申请"),
        holds(Role.JUSTICE_BUREAU),
        "certificates:applications",
        count=approval_queue,
        query="queue=approval",
    ),
    TodoItem(
        _("待办注销案件"),
        CASE_HANDLERS,
        "certificates:cases",
        count=open_cases,
        query="open=true",
    ),
    TodoItem(
        _("超期注销案件"),
        CASE_HANDLERS,
        "certificates:cases",
        count=lambda user: open_cases(user).overdue().select_related("certificate"),
        query="overdue=true",
        danger=True,
        due="due_on",
    ),
    # 001 三(五): the lawyers association records who has joined it.
    TodoItem(
        _("未入会的公职律师"),
        holds(Role.ASSOCIATION),
        "certificates:non-members",
        count=holders_without_membership,
    ),
]
