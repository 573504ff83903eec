"""What waits on each role in legal matters (see core/todo.py): the unit's office assigns,
evaluates and judges declines; the lawyer accepts and keeps to deadlines; the superior unit
dispatches. Each link opens the register filtered to the rows counted."""

from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import UNIT_ROLES, Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.todo import TodoItem

from .choices import DispatchStatus, MatterStatus
from .filters import (
    UNJUDGED,
    due_within,
    handled_by,
    lead_waiting_for,
    systems_headed_by,
    unjudged_declines,
)
from .models import DispatchRequest, Matter, MatterQuerySet

OFFICE = holds(*sorted(UNIT_ROLES))
LAWYER = holds(Role.PUBLIC_LAWYER)
# The committee office watches overdue matters across its region (000 #11 督办).
OVERSEERS = holds(*sorted(UNIT_ROLES | {Role.SUPERVISOR}))
# "临近期限": open matters due within this many days, overdue ones first.
DUE_SOON_DAYS = 7


def _matters(user: Any) -> MatterQuerySet:
    return Matter.objects.visible_to(user)


def _mine(user: Any) -> MatterQuerySet:
    """The lawyer's own queue (matters:mine): the matters they are or were put on."""
    return _matters(user).filter(assignments__person_id=user.person_id).distinct()


todo_items = [
    TodoItem(
        _("待指派事项"),
        OFFICE,
        "matters:board",
        count=lambda user: _matters(user).filter(status=MatterStatus.REGISTERED),
        query=f"status={MatterStatus.REGISTERED.value}",
    ),
    TodoItem(
        _("待评价意见"),
        OFFICE,
        "matters:board",
        count=lambda user: _matters(user).filter(status=MatterStatus.OPINION_SUBMITTED),
        query=f"status={MatterStatus.OPINION_SUBMITTED.value}",
    ),
    # 001 三(三): a decline without a valid reason counts against the annual assessment.
    TodoItem(
        _("待认定拒绝理由"),
        OFFICE,
        "matters:board",
        count=lambda user: _matters(user).filter(unjudged_declines()),
        query=f"declines={UNJUDGED}",
    ),
    TodoItem(
        _("超期事项"),
        OVERSEERS,
        "matters:board",
        count=lambda user: _matters(user).overdue(),
        query="overdue=true",
        danger=True,
        due="deadline",
    ),
    TodoItem(
        _("待接受的事项"),
        LAWYER,
        "matters:mine",
        count=lambda user: _mine(user).filter(lead_waiting_for(user.person_id)),
        query="to_accept=true",
        due="deadline",
    ),
    TodoItem(
        lazy(lambda: _("临近期限（%(days)d日内）") % {"days": DUE_SOON_DAYS}, str)(),
        LAWYER,
        "matters:mine",
        count=lambda user: _mine(user).filter(
            handled_by(user.person_id), due_within(DUE_SOON_DAYS)
        ),
        query=f"handling=true&due_within={DUE_SOON_DAYS}",
        due="deadline",
    ),
    # 001 一(三): a unit without a public lawyer waits for its superior unit's dispatch.
    TodoItem(
        _("待调派申请"),
        holds(Role.SUPERIOR_ADMIN),
        "matters:dispatches",
        count=lambda user: DispatchRequest.objects.visible_to(user).filter(
            status=DispatchStatus.OPEN, superior__in=systems_headed_by(user)
        ),
        query=f"status={DispatchStatus.OPEN.value}&to_me=true",
    ),
]
