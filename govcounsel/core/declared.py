"""What each app declares for the whole site in a module of its own (`menu_items` in
menu.py, `todo_items` in todo.py): collected once at start-up in the order of
INSTALLED_APPS, each item shown to whom its permission or predicate allows."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

import rules
from django.apps import apps
from django.utils.module_loading import module_has_submodule

# A `rules` permission name, or a predicate on the user.
Permission = str | Callable[[Any], bool]


def collect(module: str, attribute: str) -> list[Any]:
    """The items named `attribute` in every installed app's `module`, app by app."""
    found: list[Any] = []
    for config in apps.get_app_configs():
        if config.module is None or not module_has_submodule(config.module, module):
            continue
        found.extend(getattr(import_module(f"{config.name}.{module}"), attribute, ()))
    return found


def permits(permission: Permission, user: Any) -> bool:
    """Whether an active, signed-in user may see an item. Through `rules` alone: the
    superuser flag opens no business page (三员分立), and Django's model permissions would
    cost two queries on every page."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if isinstance(permission, str):
        return bool(rules.has_perm(permission, user))
    return bool(permission(user))
