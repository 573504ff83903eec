"""The main menu, declared by the apps: each item names the page and who may use it.

Every app lists its pages in its own `menu.py` as `menu_items` (NetBox's
`navigation/menu.py`); `autodiscover()` reads them once at start-up, and the `main_menu`
context processor gives the navigation bar only the items the user may use. An item's
permission is the same check its view makes, so whatever the menu shows answers 200 and no
page a role may use is left without a link (`core/tests/test_menu.py` walks every role).

    # matters/menu.py
    group = MenuGroup("matters", _("法律事务"), weight=30)
    menu_items = [
        MenuItem(_("人才库"), "matters:pool", holds(Role.SUPERIOR_ADMIN), "bi-people", group),
    ]

A permission is the name of a `rules` permission (as the view's `PermissionRequiredMixin`
reads it) or a predicate called with the user, such as a view's own gate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from .declared import Permission, collect, permits


@dataclass(frozen=True)
class MenuGroup:
    """A heading of the navigation bar; its items drop down below it. Groups are ordered by
    weight, then key; a group with one item the user may use shows that item directly."""

    key: str
    label: Any
    weight: int = 100
    icon: str = ""


@dataclass(frozen=True)
class MenuItem:
    """One page of the menu: its label, URL name and the check its view makes.

    `badge` is an optional callable of the user returning a count shown beside the label
    (nothing is shown for 0 or None); `query` is appended to the URL."""

    label: Any
    url_name: str
    permission: Permission
    icon: str
    group: MenuGroup
    badge: Callable[[Any], int | None] | None = None
    query: str = ""

    def allows(self, user: Any) -> bool:
        return permits(self.permission, user)

    @property
    def url(self) -> str:
        url = reverse(self.url_name)
        return f"{url}?{self.query}" if self.query else url

    @property
    def testid(self) -> str:
        return "menu-" + self.url_name.replace(":", "-")


@dataclass
class MenuEntry:
    """An item as one user sees it: its URL, whether it is the current page, its badge."""

    item: MenuItem
    url: str
    active: bool = False
    badge: int | None = None


@dataclass
class MenuSection:
    """A group as one user sees it, with the entries it may use."""

    group: MenuGroup
    entries: list[MenuEntry] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return any(entry.active for entry in self.entries)


_registry: list[MenuItem] = []


def autodiscover() -> None:
    """Read `menu_items` from every installed app's `menu` module (called by CoreConfig)."""
    _registry[:] = collect("menu", "menu_items")


def registered() -> Sequence[MenuItem]:
    return tuple(_registry)


def visible_items(user: Any, items: Iterable[MenuItem] | None = None) -> list[MenuItem]:
    """The items the user may use, in menu order."""
    chosen = [item for item in (registered() if items is None else items) if item.allows(user)]
    order = {id(item): index for index, item in enumerate(chosen)}
    return sorted(chosen, key=lambda i: (i.group.weight, i.group.key, order[id(i)]))


def sections_for(request: HttpRequest) -> list[MenuSection]:
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match is not None else None
    sections: dict[str, MenuSection] = {}
    for item in visible_items(user):
        section = sections.setdefault(item.group.key, MenuSection(item.group))
        badge = item.badge(user) if item.badge is not None else None
        section.entries.append(
            MenuEntry(item, item.url, active=item.url_name == current, badge=badge or None)
        )
    return list(sections.values())


def main_menu(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `main_menu`, computed only when a template reads it."""
    return {"main_menu": SimpleLazyObject(lambda: sections_for(request))}


# The pages of core itself: the audit trail and the statutory calendar.
def _may_use_back_office(user: Any) -> bool:
    # The same test as AdminSite.has_permission; each duty then sees only its own models.
    return bool(user.is_active and user.is_staff)


AUDIT = MenuGroup("audit", _("审计日志"), weight=80, icon="bi-journal-check")
SYSTEM = MenuGroup("system", _("系统"), weight=90, icon="bi-gear")
MINE = MenuGroup("mine", _("我的"), weight=85, icon="bi-person")


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


menu_items = [
    MenuItem(_("审计事件"), "audit:events", "core.read_audit", "bi-journal-text", AUDIT),
    MenuItem(_("数据变更"), "audit:changes", "core.read_audit", "bi-clock-history", AUDIT),
    MenuItem(_("法定节假日"), "calendar:years", "core.manage_calendar", "bi-calendar3", SYSTEM),
    MenuItem(_("后台管理"), "admin:index", _may_use_back_office, "bi-tools", SYSTEM),
    # Large exports finish in the background; their files wait here (ADR 0018).
    MenuItem(_("我的导出"), "exports:list", _signed_in, "bi-download", MINE),
]
