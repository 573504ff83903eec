"""Who reads award rules, cycles, candidates and awardees, role by role (core/testing/cases.py).

A selection is public within its region (002 §19): every business role reaching the region
reads it; another region's bureau does not; the three administrator duties keep the system,
not its contents (三员分立)."""

from govcounsel.awards.models import AwardCycle, AwardRule, Candidate
from govcounsel.awards.tests import factories
from govcounsel.core.testing.cases import ScopedAPICase, ScopedViewCase, answers

ADMINS = {"system_admin": 403, "security_admin": 403, "audit_admin": 403}
LIST_API = answers(200, anonymous=401, **ADMINS)
DETAIL_API = answers(200, other_region=404, anonymous=401, **ADMINS)
LIST_PAGE = answers(200, anonymous=302, **ADMINS)
DETAIL_PAGE = answers(200, other_region=404, anonymous=302, **ADMINS)


def open_cycle(cast):
    return factories.with_candidates(cast, 2026)


def lawyer_candidate(cast):
    return open_cycle(cast).candidates.individuals().get()


def awardee(cast):
    return factories.decided(cast, 2026).candidates.individuals().get()


class TestAwardCycleAPI(ScopedAPICase):
    basename = "award-cycle"
    model = AwardCycle
    make = staticmethod(open_cycle)
    list_expected = LIST_API
    detail_expected = DETAIL_API


class TestAwardCandidateAPI(ScopedAPICase):
    basename = "award-candidate"
    model = Candidate
    make = staticmethod(lawyer_candidate)
    list_expected = LIST_API
    detail_expected = DETAIL_API


class TestAwardeeAPI(ScopedAPICase):
    basename = "awardee"
    model = Candidate
    make = staticmethod(awardee)
    list_expected = LIST_API
    detail_expected = DETAIL_API


class TestAwardRuleAPI(ScopedAPICase):
    basename = "award-rule"
    model = AwardRule
    make = staticmethod(factories.rule)
    list_expected = LIST_API
    detail_expected = DETAIL_API


class TestAwardCyclePages(ScopedViewCase):
    model = AwardCycle
    make = staticmethod(open_cycle)
    list_name = "awards:cycles"
    detail_name = "awards:cycle"
    list_expected = LIST_PAGE
    detail_expected = DETAIL_PAGE
