"""What waits on whom in the annual awards (see core/todo.py, 002 §19): the committee office
decides a list the bureau has closed; the bureau prepares an open cycle; a unit's office may
nominate while a cycle of its region is open."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import UNIT_ROLES, Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.todo import TodoItem

from .choices import CycleStatus
from .models import AwardCycle

todo_items = [
    TodoItem(
        _("待作出表彰决定"),
        holds(Role.SUPERVISOR),
        "awards:cycles",
        count=lambda user: AwardCycle.objects.visible_to(user).filter(status=CycleStatus.REVIEW),
        query=f"status={CycleStatus.REVIEW.value}",
    ),
    TodoItem(
        _("评选征集候选中"),
        holds(Role.JUSTICE_BUREAU, *sorted(UNIT_ROLES)),
        "awards:cycles",
        count=lambda user: AwardCycle.objects.visible_to(user).filter(status=CycleStatus.OPEN),
        query=f"status={CycleStatus.OPEN.value}",
    ),
]
