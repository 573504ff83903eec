"""What the rule-of-law committee office (依法治区（县）办) watches on its home page (see
core/todo.py): each target of its region against the figure it is measured by, and the
next quarterly bulletin (000 #12). Overdue matters of the region are in matters/todo.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.todo import TodoCard, TodoItem
from govcounsel.organisations.models import Region

from .choices import BulletinStatus
from .dashboard import target_readings
from .models import Bulletin
from .services import previous_quarter

SUPERVISOR = holds(Role.SUPERVISOR)


def _regions(user: Any) -> list[Region]:
    # The top of each supervised subtree: the regions the office's grants name.
    regions = list(Region.objects.supervised_by(user))
    return [r for r in regions if not any(r.path.startswith(o.path) and r != o for o in regions)]


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def coverage_against_targets(user: Any) -> Iterator[TodoCard]:
    """One card per target of each supervised region: the figure and the target, red while
    the target is not reached."""
    dashboard = reverse("coverage:dashboard")
    for region in _regions(user):
        for reading in target_readings(user, region):
            target = reading.target
            below = not reading.is_met
            yield TodoCard(
                _("%(region)s%(metric)s")
                % {
                    "region": region.name,
                    "metric": target.get_metric_display(),
                },
                f"{_pct(reading.rate)} / {target.percentage.normalize():f}%",
                f"{dashboard}?region={region.code}",
                waiting=below,
                danger=below,
                note=_("%(group)s，目标期限 %(deadline)s")
                % {
                    "group": target.group.label,
                    "deadline": f"{target.deadline:%Y-%m-%d}",
                },
            )


def quarter_start_after(year: int, quarter: int) -> date:
    """The first day after the quarter: when its bulletin is due (000 #12)."""
    return date(year + 1, 1, 1) if quarter == 4 else date(year, quarter * 3 + 1, 1)


def next_bulletin(user: Any) -> Iterator[TodoCard]:
    """Per supervised region: the last quarter's bulletin if it is missing or failed (red),
    otherwise the next one and the day it becomes due."""
    today = timezone.localdate()
    last_year, last_quarter = previous_quarter(today)
    this_year, this_quarter = today.year, (today.month - 1) // 3 + 1
    regions = _regions(user)
    made = set(
        Bulletin.objects.visible_to(user)
        .filter(region__in=regions, year=last_year, quarter=last_quarter)
        .exclude(status=BulletinStatus.FAILED)
        .values_list("region_id", flat=True)
    )
    url = reverse("coverage:bulletins")
    for region in regions:
        if region.pk not in made:
            yield TodoCard(
                _("%(region)s季度通报") % {"region": region.name},
                _("%(year)d年第%(quarter)d季度") % {"year": last_year, "quarter": last_quarter},
                url,
                danger=True,
                note=_("尚未生成，应于 %(day)s 起生成")
                % {"day": f"{quarter_start_after(last_year, last_quarter):%Y-%m-%d}"},
            )
            continue
        yield TodoCard(
            _("%(region)s下期通报") % {"region": region.name},
            _("%(year)d年第%(quarter)d季度") % {"year": this_year, "quarter": this_quarter},
            url,
            waiting=False,
            note=_("%(day)s 起生成")
            % {"day": f"{quarter_start_after(this_year, this_quarter):%Y-%m-%d}"},
        )


todo_items = [
    TodoItem(_("覆盖目标"), SUPERVISOR, "coverage:dashboard", cards=coverage_against_targets),
    TodoItem(_("季度通报"), SUPERVISOR, "coverage:bulletins", cards=next_bulletin),
]
