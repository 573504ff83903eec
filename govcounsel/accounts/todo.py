"""What waits on the security administrator (see core/todo.py): accounts locked by failed
logins, to be lifted with a reason or left to lift by themselves."""

from django.utils.translation import gettext_lazy as _

from govcounsel.core.todo import TodoItem

from .predicates import is_security_admin
from .selectors import locked_accounts

todo_items = [
    TodoItem(
        _("被锁定的账号"),
        is_security_admin,
        "accounts:lockouts",
        count=lambda user: locked_accounts(),
        danger=True,
    ),
]
