"""Who reads the centre's records, role by role (core/testing/cases.py): the rules by every
business role of the region and below; a nomination by the nominating office (sibling_unit
nominates person_a2), its vertical superior and the region's supervisor, bureau and centre;
a dispute's draw, assignments and sessions by the respondent organ's office and the
region's supervisor, bureau and centre. The association and another region read none of
the centre's records of 朝阳区."""

from __future__ import annotations

from govcounsel.core.testing.cases import ScopedAPICase, ScopedViewCase, answers
from govcounsel.reconciliation.models import (
    MediationSession,
    MediatorAssignment,
    MediatorDraw,
    Nomination,
    PoolRule,
)

from . import scenarios

# Every business role of 朝阳区 and above; not another region nor the three duties.
RULE_READERS = answers(200, other_region=404, system_admin=404, security_admin=404, audit_admin=404)
NOMINATION_READERS = answers(
    404, sibling_unit=200, superior=200, parent_region=200, bureau=200, reconciliation=200
)
DISPUTE_READERS = answers(404, own_unit=200, parent_region=200, bureau=200, reconciliation=200)


def _rule(cast):
    return scenarios.draw(cast).rule


def _assignment(cast):
    return scenarios.assignment(cast)


class TestPoolRuleAPI(ScopedAPICase):
    basename = "pool-rule"
    model = PoolRule
    make = staticmethod(_rule)
    list_expected = answers(200, anonymous=401)
    detail_expected = {**RULE_READERS, "anonymous": 401}


class TestNominationAPI(ScopedAPICase):
    basename = "mediator-nomination"
    model = Nomination
    make = staticmethod(scenarios.nomination)
    list_expected = answers(200, anonymous=401)
    detail_expected = {**NOMINATION_READERS, "anonymous": 401}


class TestMediatorDrawAPI(ScopedAPICase):
    basename = "mediator-draw"
    model = MediatorDraw
    make = staticmethod(scenarios.draw)
    list_expected = answers(200, anonymous=401)
    detail_expected = {**DISPUTE_READERS, "anonymous": 401}


class TestMediatorAssignmentAPI(ScopedAPICase):
    basename = "mediator-assignment"
    model = MediatorAssignment
    make = staticmethod(_assignment)
    list_expected = answers(200, anonymous=401)
    detail_expected = {**DISPUTE_READERS, "anonymous": 401}


class TestMediationSessionAPI(ScopedAPICase):
    basename = "mediation-session"
    model = MediationSession
    make = staticmethod(scenarios.session)
    list_expected = answers(200, anonymous=401)
    detail_expected = {**DISPUTE_READERS, "anonymous": 401}


class TestPoolRulePages(ScopedViewCase):
    model = PoolRule
    make = staticmethod(_rule)
    list_name = "reconciliation:rules"
    detail_name = "reconciliation:rule"
    list_expected = answers(200, anonymous=302)
    detail_expected = {**RULE_READERS, "anonymous": 302}


class TestNominationPages(ScopedViewCase):
    model = Nomination
    make = staticmethod(scenarios.nomination)
    list_name = "reconciliation:pool"
    detail_name = "reconciliation:nomination"
    list_expected = answers(200, anonymous=302)
    detail_expected = {**NOMINATION_READERS, "anonymous": 302}


class TestMediatorDrawPages(ScopedViewCase):
    model = MediatorDraw
    make = staticmethod(scenarios.draw)
    # The draws have no list of their own: the dispute's page of the centre lists them.
    detail_name = "reconciliation:draw"
    detail_expected = {**DISPUTE_READERS, "anonymous": 302}


class TestMediationSessionPages(ScopedViewCase):
    model = MediationSession
    make = staticmethod(scenarios.session)
    list_name = "reconciliation:sessions"
    detail_name = "reconciliation:session"
    list_expected = answers(200, anonymous=302)
    detail_expected = {**DISPUTE_READERS, "anonymous": 302}


class TestCentreRegisters(ScopedViewCase):
    """The registers of the centre alone: the organs that nominated no one, the disputes
    awaiting a mediator."""

    model = Nomination
    make = staticmethod(scenarios.nomination)
    list_name = "reconciliation:missing"
    list_expected = answers(403, reconciliation=200, anonymous=302)


class TestAwaitingRegister(ScopedViewCase):
    model = MediatorDraw
    make = staticmethod(scenarios.draw)
    list_name = "reconciliation:awaiting"
    list_expected = answers(403, reconciliation=200, anonymous=302)


class TestLedgerRegister(ScopedViewCase):
    model = Nomination
    make = staticmethod(scenarios.nomination)
    list_name = "reconciliation:ledger"
    list_expected = answers(200, anonymous=302)


class TestMineRegister(ScopedViewCase):
    model = MediatorAssignment
    make = staticmethod(_assignment)
    list_name = "reconciliation:mine"
    list_expected = answers(200, anonymous=302)
