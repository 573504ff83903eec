"""The training app's notices sent outside a verb (a verb declares its own, verbs.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import accounts_of, office_of
from govcounsel.core.notify import kinds
from govcounsel.core.verbs import Tell

# Reminders before year end (000 #9): the lawyer behind, and the office of their unit,
# which provides the time and the cost (000 #7).
REMINDER = Tell(
    lambda standing, result: accounts_of(standing.person_id),
    _("培训提醒：%(year)s年度培训尚未达到要求"),
    _("%(missing)s。请在年底前完成。"),
    kind=kinds.register("training.reminder.lawyer", _("培训年末提醒")),
)
OFFICE_REMINDER = Tell(
    lambda unit, result: office_of(unit),
    _("培训提醒：本单位%(count)s名公职律师%(year)s年度培训尚未达标"),
    _("%(names)s。请保障其参加培训的时间和经费（000 第七条）。"),
    kind=kinds.register("training.reminder.office", _("本单位公职律师培训提醒")),
    url=lambda unit, result: reverse("training:compliance") + "?behind=true",
)
# A claim waits on the association or the bureau of the lawyer's region.
CLAIM_SUBMITTED = Tell(
    lambda claim, result: _verifiers(claim),
    _("待核验的自报培训：%(name)s“%(title)s”"),
    _("请核对证明材料后核验或退回。"),
    kind=kinds.register("training.claim.submitted", _("待核验的自报培训")),
)


def _verifiers(claim: Any) -> Any:
    from govcounsel.accounts.recipients import association_of

    return association_of(claim.person.unit.region)
