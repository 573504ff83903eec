"""The audit actions, declared: every name `record_event` may write, with the label the audit
administrator reads and the group the audit page filters by (after pretix's
`logentrytypes.py`).

Each app declares its own actions in `<app>/audit_actions.py`; core imports those modules
when the apps are ready, so a name written anywhere is a name declared somewhere. A name
nobody declared is refused in development and tests, and written but logged in production:
the trail never loses an event for want of a label.

    from govcounsel.core.audit_actions import actions

    actions.group("coverage", _("覆盖率与通报"))
    actions.register("coverage.target.created", _("新增覆盖率目标"), group="coverage")
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# Dotted, lower case, at least two parts: app.noun.verb (pretix's convention).
_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


@dataclass(frozen=True)
class ActionGroup:
    """A family of audit actions the audit page filters by (accounts, certificates, …)."""

    key: str
    label: Any


@dataclass(frozen=True)
class AuditAction:
    """One declared audit action: the stored name and the label people read."""

    name: str
    label: Any
    group: str


class AuditActionRegistry:
    """All declared audit actions and their groups, in declaration order."""

    def __init__(self) -> None:
        self._groups: dict[str, ActionGroup] = {}
        self._actions: dict[str, AuditAction] = {}

    def group(self, key: str, label: Any) -> str:
        known = self._groups.get(key)
        if known is not None and str(known.label) != str(label):
            raise ImproperlyConfigured(f"audit action group {key!r} declared twice")
        self._groups[key] = ActionGroup(key, label)
        return key

    def register(self, name: str, label: Any, *, group: str) -> str:
        """Declare an action; returns the name, so a module may keep it as a constant."""
        if not _NAME.match(name):
            raise ImproperlyConfigured(f"audit action {name!r}: dotted lower-case names only")
        if group not in self._groups:
            raise ImproperlyConfigured(f"audit action {name!r}: declare group {group!r} first")
        if name in self._actions:
            raise ImproperlyConfigured(f"audit action {name!r} declared twice")
        self._actions[name] = AuditAction(name, label, group)
        return name

    def get(self, name: str) -> AuditAction | None:
        return self._actions.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._actions

    def __iter__(self) -> Iterator[AuditAction]:
        return iter(list(self._actions.values()))

    def groups(self) -> list[ActionGroup]:
        return list(self._groups.values())

    def label(self, name: str) -> Any:
        """The label of a name; a name no longer declared (an old row) shows as written."""
        action = self._actions.get(name)
        return action.label if action is not None else name

    def names_in(self, group: str) -> list[str]:
        return [a.name for a in self._actions.values() if a.group == group]

    def group_choices(self) -> list[tuple[str, Any]]:
        return [(g.key, g.label) for g in self._groups.values() if self.names_in(g.key)]

    def action_choices(self) -> list[tuple[Any, list[tuple[str, Any]]]]:
        """Actions by group, for a select with option groups."""
        return [
            (g.label, [(a.name, a.label) for a in self._actions.values() if a.group == g.key])
            for g in self._groups.values()
            if self.names_in(g.key)
        ]

    @contextmanager
    def declared(self, *names: str, group: str = "test") -> Iterator[None]:
        """Declare names for the length of a block (tests of the trail itself)."""
        added_group = group not in self._groups
        if added_group:
            self.group(group, group)
        added = [n for n in names if n not in self._actions]
        for name in added:
            self.register(name, name, group=group)
        try:
            yield
        finally:
            for name in added:
                del self._actions[name]
            if added_group:
                del self._groups[group]


actions = AuditActionRegistry()


def autodiscover() -> None:
    """Import every installed app's `audit_actions` module (called from CoreConfig.ready)."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("audit_actions")


# --- actions of no single app: access, exports, the calendar, login records -----------------

actions.group("access", _("访问与导出"))
actions.register("access.denied", _("拒绝访问"), group="access")
actions.register("access.personal_data", _("查阅个人信息"), group="access")
actions.register("export.xlsx", _("导出Excel"), group="access")
# Exports (ADR 0018): a large export is requested, written by a worker, then downloaded.
actions.register("export.csv", _("导出CSV"), group="access")
actions.register("export.requested", _("申请后台导出"), group="access")
actions.register("export.downloaded", _("下载导出文件"), group="access")
actions.register("export.print", _("打印列表"), group="access")

actions.group("core", _("工作日历"))
actions.register("core.calendar_day.added", _("新增日历调整日"), group="core")
actions.register("core.calendar_day.updated", _("修改日历调整日"), group="core")
actions.register("core.calendar_day.removed", _("删除日历调整日"), group="core")
actions.register("core.holiday_notice.updated", _("修改放假通知"), group="core")
actions.register("core.holiday_notice.imported", _("导入放假通知"), group="core")
actions.register("core.holiday_notice.computed", _("生成放假安排"), group="core")

actions.group("notifications", _("通知"))
actions.register("core.notification_settings.changed", _("修改通知邮件设置"), group="notifications")

# Login records of django-axes, copied into the trail before they are cleared (ADR 0010).
actions.group("axes", _("登录记录"))
AXES_CLEARED = {
    "accessattempt": actions.register(
        "axes.accessattempt.cleared", _("清除登录失败计数"), group="axes"
    ),
    "accesslog": actions.register("axes.accesslog.cleared", _("清除登录日志"), group="axes"),
    "accessfailurelog": actions.register(
        "axes.accessfailurelog.cleared", _("清除登录失败日志"), group="axes"
    ),
}
