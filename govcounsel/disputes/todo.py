"""What waits on whom in administrative disputes (see core/todo.py): the organ's office
qualifies, guides, hears duty conflicts and watches statutory clocks; the lawyer takes up
new assignments. Each link opens the register filtered to the rows counted."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import UNIT_ROLES, Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.todo import TodoItem

from .choices import DisputeStatus
from .filters import clock_overdue_q
from .models import Dispute, DisputeQuerySet
from .selectors import open_conflicts, worked_by

OFFICE = holds(*sorted(UNIT_ROLES))
LAWYER = holds(Role.PUBLIC_LAWYER)


def _disputes(user: Any) -> DisputeQuerySet:
    return Dispute.objects.visible_to(user)


todo_items = [
    TodoItem(
        _("待认定的行政争议"),
        OFFICE,
        "disputes:list",
        count=lambda user: _disputes(user).filter(status=DisputeStatus.REGISTERED),
        query=f"status={DisputeStatus.REGISTERED.value}",
    ),
    TodoItem(
        _("待渠道引导的行政争议"),
        OFFICE,
        "disputes:list",
        count=lambda user: _disputes(user).filter(status=DisputeStatus.QUALIFIED),
        query=f"status={DisputeStatus.QUALIFIED.value}",
    ),
    # 002 §8: a channel's statutory clock has run out while the dispute is still open.
    TodoItem(
        _("法定期限已届满的行政争议"),
        OFFICE,
        "disputes:list",
        count=lambda user: _disputes(user).filter(clock_overdue_q()),
        query="overdue=true",
        danger=True,
        due="clock_deadline",
    ),
    # 002 §9: the organ head decides a lawyer's duty conflict; the office records it.
    TodoItem(
        _("待处理的工作冲突"),
        OFFICE,
        "disputes:list",
        count=lambda user: _disputes(user).filter(open_conflicts()),
        query="conflicts=true",
    ),
    TodoItem(
        _("参与化解的行政争议"),
        LAWYER,
        "disputes:mine",
        count=lambda user: _disputes(user).open().filter(worked_by(user.person_id)),
        query="working=true&open=true",
    ),
]
