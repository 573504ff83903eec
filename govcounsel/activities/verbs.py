"""The corrections of an activity (ADR 0021): edit its facts, or delete a mistaken entry."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.core.verbs import Verb, register

from . import services
from .forms import ActivityEditForm
from .models import Activity

register(
    Activity,
    Verb(
        "edit",
        _("更正"),
        "activities.correct",
        services.update_activity,
        subject="activity",
        form=ActivityEditForm,
        style="outline-secondary",
        done=_("已更正活动“%(title)s”。"),
    ),
    Verb(
        "delete",
        _("删除误录活动"),
        "activities.correct",
        services.delete_activity,
        subject="activity",
        style="outline-danger",
        confirm=_(
            "仅用于删除误录的活动，删除后不再计入工作档案（审计日志保留原内容）。确定删除吗？"
        ),
        done=_("已删除误录的活动“%(title)s”。"),
        then=lambda activity, removed: removed,
        answer_serializer="govcounsel.activities.api.ActivitySerializer",
    ),
)
