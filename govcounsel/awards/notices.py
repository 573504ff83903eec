"""The awards app's notices sent outside a verb (a verb declares its own, verbs.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import bureau_of
from govcounsel.core.notify import kinds
from govcounsel.core.verbs import Tell

# 002 §19: the committee office opens the selection; the justice bureau prepares it.
CYCLE_OPENED = Tell(
    lambda cycle, result: bureau_of(cycle.region),
    _("评选已启动：%(region)s%(year)s年度"),
    _("请组织推荐公职律师参与行政纠纷化解工作先进单位和先进个人候选，并确定候选名单。"),
    kind=kinds.register("awards.awardcycle.opened", _("评选表彰：已启动")),
)
