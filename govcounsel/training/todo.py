"""What waits on whom in training (see core/todo.py): the association and the bureau verify
self-claims and work the sample; the bureau watches pre-service training past its period
(000 #9); the lawyer sees what is missing for the year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.accounts.predicates import holds
from govcounsel.core.todo import TodoCard, TodoItem

from .choices import ClaimStatus
from .models import ExternalClaim
from .selectors import my_standing, standings_for

REGION_BODIES = holds(Role.JUSTICE_BUREAU, Role.ASSOCIATION)
BUREAU = holds(Role.JUSTICE_BUREAU)
LAWYER = holds(Role.PUBLIC_LAWYER)


def _pre_service_overdue(user: Any) -> Iterable[TodoCard]:
    from django.urls import reverse

    rows = [r for r in standings_for(user, timezone.localdate().year) if r.pre_service_overdue]
    if rows:
        yield TodoCard(
            _("职前培训逾期未完成"),
            len(rows),
            reverse("training:compliance") + "?pre_service=true",
            danger=True,
        )


def _my_year(user: Any) -> Iterable[TodoCard]:
    from django.urls import reverse

    standing = my_standing(user)
    if standing is not None and standing.behind:
        yield TodoCard(
            _("本年度培训尚未达标"),
            len(standing.missing),
            reverse("training:mine"),
            danger=standing.pre_service_overdue,
            note=standing.missing_text,
        )


todo_items = [
    TodoItem(
        _("待核验的自报培训"),
        REGION_BODIES,
        "training:claims",
        count=lambda user: ExternalClaim.objects.visible_to(user).filter(
            status=ClaimStatus.SUBMITTED
        ),
        query=f"status={ClaimStatus.SUBMITTED.value}",
    ),
    TodoItem(_("职前培训逾期未完成"), BUREAU, "training:compliance", cards=_pre_service_overdue),
    TodoItem(_("本年度培训尚未达标"), LAWYER, "training:mine", cards=_my_year),
]
