"""Who reads training records, role by role (core/testing/cases.py): the lawyer's own, the
unit's office, and the region's supervisor, justice bureau and association; not the
reconciliation centre, another unit or another region."""

from govcounsel.core.testing.cases import ScopedAPICase, answers
from govcounsel.training.models import Enrolment, ExternalClaim

from . import factories

TRAINING_READERS = {
    "lawyer": 200,
    "own_unit": 200,
    "parent_region": 200,
    "bureau": 200,
    "association": 200,
    "anonymous": 401,
}


class TestClaimAPI(ScopedAPICase):
    basename = "training-claim"
    model = ExternalClaim
    make = staticmethod(factories.claim)
    list_expected = answers(200, anonymous=401)
    detail_expected = answers(404, **TRAINING_READERS)


class TestEnrolmentAPI(ScopedAPICase):
    basename = "training-enrolment"
    model = Enrolment
    make = staticmethod(lambda cast: factories.attended(cast))
    list_expected = answers(200, anonymous=401)
    detail_expected = answers(404, **TRAINING_READERS)
