"""What the fields of annual awards may hold (002 §19)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CycleStatus(models.TextChoices):
    """An award cycle: candidates are proposed and nominated, the list is closed for the
    decision (figures kept as they were), the decision is recorded and the cycle closed."""

    OPEN = "open", _("征集候选")
    REVIEW = "review", _("待决定")
    CLOSED = "closed", _("已表彰")


class CandidateKind(models.TextChoices):
    UNIT = "unit", _("先进单位")
    INDIVIDUAL = "individual", _("先进个人")


class CandidateSource(models.TextChoices):
    """Who put the candidate forward: the justice bureau preparing the selection, or the
    unit nominating itself or its lawyer."""

    PROPOSED = "proposed", _("司法局推荐")
    NOMINATED = "nominated", _("单位申报")


class CycleAction(models.TextChoices):
    OPENED = "opened", _("启动评选")
    PROPOSED = "proposed", _("推荐候选")
    NOMINATED = "nominated", _("单位申报")
    WITHDRAWN = "withdrawn", _("撤回候选")
    LOCKED = "locked", _("确定候选名单，提交决定")
    DECIDED = "decided", _("作出表彰决定")


# The badge and register of 002 §19: lawyers awarded in this many cycles or more.
REPEATED_AWARDS = 2
