"""The to-do list of the home page, declared by the apps: what waits on each role.

Every app lists what waits on whom in its own `todo.py` as `todo_items` (as menus are
declared in `menu.py`, ADR 0019); `autodiscover()` reads them once at start-up and
`todo_for(user)` gives the home page the cards of the items the user may see.

    # matters/todo.py
    todo_items = [
        TodoItem(
            _("超期事项"),
            holds(*sorted(UNIT_ROLES)),
            "matters:board",
            count=lambda user: Matter.objects.visible_to(user).overdue(),
            query="overdue=true",
            danger=True,
        ),
    ]

An item counts rows: `count(user)` is a queryset that starts from `visible_to(user)` (or a
named scope), and its link — `url_name` with `query` — opens a list filtered to exactly
those rows (`accounts/tests/test_todo.py` compares the two for every item and role).
With `due`, the name of a date field, the card also lists the first rows by that date.
An item that shows a figure rather than a count (coverage against its target) gives
`cards(user)` instead, and builds its `TodoCard`s itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from .declared import Permission, collect, permits

# How many rows a card with `due` lists below its count.
DUE_ROWS = 3


@dataclass(frozen=True)
class TodoRow:
    """One row a card lists: what it is, its date, its page, and whether the date is past."""

    text: str
    on: date | None
    url: str
    late: bool = False


@dataclass
class TodoCard:
    """A card of the home page's to-do list, as one user sees it.

    `waiting` says that something waits on the user (a count above zero, a figure below
    its target); `danger` colours the card red."""

    label: Any
    value: int | str
    url: str
    waiting: bool = True
    danger: bool = False
    note: Any = ""
    rows: list[TodoRow] = field(default_factory=list)


@dataclass(frozen=True)
class TodoItem:
    """Something that waits on a role: its label, who sees it (a `rules` permission name or
    a predicate of the user, as a menu item's), the list it links to and how it is counted.

    `count(user)` returns the waiting rows; `query` (a string, or a function of the user)
    filters the linked list to them; `danger` shows a non-zero count in red; `due` names
    the date field by which the first rows are listed on the card. `cards(user)` replaces
    all of that for an item that shows figures instead of a count."""

    label: Any
    permission: Permission
    url_name: str
    count: Callable[[Any], QuerySet[Any]] | None = None
    query: str | Callable[[Any], str] = ""
    danger: bool = False
    due: str | None = None
    cards: Callable[[Any], Iterable[TodoCard]] | None = None

    def __post_init__(self) -> None:
        if (self.count is None) == (self.cards is None):
            raise ValueError(f"{self.label}: a to-do item gives either count= or cards=")

    def allows(self, user: Any) -> bool:
        return permits(self.permission, user)

    def url(self, user: Any) -> str:
        query = self.query(user) if callable(self.query) else self.query
        url = reverse(self.url_name)
        return f"{url}?{query}" if query else url

    def read(self, user: Any) -> list[TodoCard]:
        """The item's cards for this user; a count of zero gives none."""
        if self.cards is not None:
            return list(self.cards(user))
        assert self.count is not None
        rows = self.count(user)
        listed: list[Any] = []
        if self.due:
            # The first rows answer the count too when there are fewer than a cardful.
            listed = list(rows.order_by(self.due, "pk")[: DUE_ROWS + 1])
            value = len(listed) if len(listed) <= DUE_ROWS else rows.count()
        else:
            value = rows.count()
        if not value:
            return []
        return [
            TodoCard(
                self.label,
                value,
                self.url(user),
                danger=self.danger,
                rows=[self._row(obj) for obj in listed[:DUE_ROWS]],
            )
        ]

    def _row(self, obj: Any) -> TodoRow:
        assert self.due is not None
        on = getattr(obj, self.due)
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        return TodoRow(str(obj), on, url, late=on is not None and on < timezone.localdate())


_registry: list[TodoItem] = []


def autodiscover() -> None:
    """Read `todo_items` from every installed app's `todo` module (called by CoreConfig)."""
    _registry[:] = collect("todo", "todo_items")


def registered() -> Sequence[TodoItem]:
    return tuple(_registry)


def items_for(user: Any) -> list[TodoItem]:
    """The items the user may see, in the order the apps declare them."""
    return [item for item in registered() if item.allows(user)]


def todo_for(user: Any) -> list[TodoCard]:
    """The to-do cards of the user's home page."""
    return [card for item in items_for(user) for card in item.read(user)]
