"""Who reads typical cases and compilations, role by role (core/testing/cases.py)."""

from govcounsel.casebook import services
from govcounsel.core.testing.cases import Call, ScopedAPICase, ScopedViewCase, answers

from .factories import closed_dispute, nominated, published

SEES = {"own_unit": 200, "parent_region": 200, "bureau": 200}


class TestTypicalCaseAPI(ScopedAPICase):
    basename = "typical-case"
    model = services.TypicalCase
    make = staticmethod(nominated)

    @staticmethod
    def prepare(cast):
        return {"dispute": closed_dispute(cast.tree.unit_a)}

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(404, **SEES, anonymous=401)
    create = Call(
        payload=lambda scene: {"dispute": scene.extra["dispute"].pk, "reason": "化解效果好"},
        expected=answers(
            400, own_unit=201, parent_region=403, bureau=403, reconciliation=403, anonymous=401
        ),
    )
    verbs = {
        "accept": Call(
            expected=answers(404, bureau=200, own_unit=403, parent_region=403, anonymous=401)
        ),
        "decline": Call(
            payload={"reason": "案情普通"},
            expected=answers(404, bureau=200, own_unit=403, parent_region=403, anonymous=401),
        ),
    }


class TestTypicalCasePages(ScopedViewCase):
    model = services.TypicalCase
    make = staticmethod(nominated)
    list_name = "casebook:cases"
    detail_name = "casebook:case"

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(404, **SEES, anonymous=302)


def compilation(cast):
    case = published(cast)
    return services.issue_compilation(
        region=cast.tree.chaoyang, year=case.current_revision.year, by=cast.bureau
    )


class TestCompilationAPI(ScopedAPICase):
    basename = "typical-case-compilation"
    model = services.Compilation
    make = staticmethod(compilation)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(404, parent_region=200, bureau=200, anonymous=401)
