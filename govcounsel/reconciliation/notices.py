"""The reconciliation centre's notices sent outside a verb (a verb declares its own)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.recipients import accounts_of, office_of
from govcounsel.core.notify import kinds
from govcounsel.core.verbs import Tell


def _drawn_and_their_offices(draw: Any, result: Any) -> list[Any]:
    """The mediators drawn, the offices of the organs that nominated them, and the office of
    the organ the dispute is against."""
    assignments = list(draw.assignments.select_related("nomination__unit", "person"))
    told = accounts_of(*[a.person for a in assignments])
    for unit in {a.nomination.unit for a in assignments} | {draw.dispute.unit}:
        told += office_of(unit)
    return told


def _session_people(session: Any, result: Any) -> list[Any]:
    return accounts_of(*session.mediators.all()) + office_of(session.dispute.unit)


MEDIATORS_DRAWN = Tell(
    _drawn_and_their_offices,
    _("和解中心委派和解调解员：“%(dispute)s”"),
    _("和解中心已从人才库抽取和解调解员参与争议“%(dispute)s”的和解调解。"),
    kind=kinds.register("reconciliation.mediatordraw.drawn", _("和解调解员：委派")),
)

SESSION_SCHEDULED = Tell(
    _session_people,
    _("和解调解会安排：“%(dispute)s”"),
    _("时间：%(when)s；地点：%(place)s。"),
    kind=kinds.register("reconciliation.mediationsession.scheduled", _("和解调解会：安排")),
)

# 002 §10: an organ with no mediator in the pool by the due date is reminded, and the centre told.
NOMINATION_MISSING = kinds.register(
    "reconciliation.nomination.missing", _("和解调解员：未按期推荐")
)
