"""What waits on the justice bureau in the casebook (see core/todo.py); the office learns
of the bureau's decisions from its notices."""

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.todo import TodoItem

from .selectors import editing_queue, review_queue

BUREAU = holds(Role.JUSTICE_BUREAU)

todo_items = [
    TodoItem(
        _("待审核的典型案例推荐"),
        BUREAU,
        "casebook:cases",
        count=review_queue,
        query="status=nominated",
    ),
    TodoItem(
        _("编辑中的典型案例"),
        BUREAU,
        "casebook:cases",
        count=editing_queue,
        query="status=editing",
    ),
]
