"""Who sees and changes regions and units, role by role (core/testing/cases.py)."""

from govcounsel.core.testing.cases import Call, ScopedAPICase, ScopedViewCase, answers
from govcounsel.organisations.models import Region, Unit


class TestUnitAPI(ScopedAPICase):
    basename = "unit"
    model = Unit

    @staticmethod
    def make(cast):
        return cast.tree.unit_a

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        200, sibling_unit=404, superior=404, other_region=404, audit_admin=404, anonymous=401
    )
    update = Call(
        payload={"name": "改名"},
        expected=answers(
            403,
            sibling_unit=404,
            superior=404,
            other_region=404,
            system_admin=200,
            audit_admin=404,
            anonymous=401,
        ),
    )


class TestRegionAPI(ScopedAPICase):
    basename = "region"
    model = Region

    @staticmethod
    def make(cast):
        return cast.tree.chaoyang

    list_expected = answers(200, anonymous=401)
    # Unit staff see the region their unit sits in; nothing above or beside it.
    detail_expected = answers(200, other_region=404, audit_admin=404, anonymous=401)


class TestUnitPages(ScopedViewCase):
    model = Unit
    list_name = "organisations:units"
    detail_name = "organisations:unit"

    @staticmethod
    def make(cast):
        return cast.tree.unit_a

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(
        200, sibling_unit=404, superior=404, other_region=404, audit_admin=404, anonymous=302
    )
