"""Who reads and sets coverage targets and bulletins, role by role (core/testing/cases.py)."""

from datetime import date

from django.utils import timezone

from govcounsel.core.testing.cases import Call, ScopedAPICase, ScopedViewCase, answers
from govcounsel.coverage import services
from govcounsel.coverage.models import Bulletin, Target

TARGET = {
    "metric": "coverage",
    "percentage": "80.00",
    "deadline": "2024-12-31",
    "source_clause": "000 二",
    "level": "county",
}


class TestTargetAPI(ScopedAPICase):
    basename = "target"
    model = Target

    @staticmethod
    def make(cast):
        return services.create_target(
            by=cast.parent_region,
            region=cast.tree.chaoyang,
            **{**TARGET, "deadline": date(2024, 12, 31)},
        )

    list_expected = answers(
        200, system_admin=403, security_admin=403, audit_admin=403, anonymous=401
    )
    detail_expected = answers(
        200, other_region=404, system_admin=403, security_admin=403, audit_admin=403, anonymous=401
    )
    create = Call(
        payload=lambda scene: {**TARGET, "region": scene.tree.chaoyang.pk},
        expected=answers(403, parent_region=201, other_region=400, anonymous=401),
    )
    update = Call(
        payload={"percentage": "90.00"},
        expected=answers(403, parent_region=200, other_region=404, anonymous=401),
    )


def last_quarter():
    return services.previous_quarter(timezone.localdate())


class TestBulletinAPI(ScopedAPICase):
    basename = "bulletin"
    model = Bulletin

    @staticmethod
    def make(cast):
        # Queued on commit, which a test's transaction never reaches: it stays pending.
        year, quarter = last_quarter()
        return services.request_bulletin(
            region=cast.tree.chaoyang, year=year, quarter=quarter, by=cast.parent_region
        )

    list_expected = answers(
        200, system_admin=403, security_admin=403, audit_admin=403, anonymous=401
    )
    detail_expected = answers(
        200, other_region=404, system_admin=403, security_admin=403, audit_admin=403, anonymous=401
    )
    # 202: accepted, generated in the background.
    create = Call(
        payload=lambda scene: {"region": "110105", "year": last_quarter()[0] - 1, "quarter": 4},
        expected=answers(403, parent_region=202, other_region=400, anonymous=401),
    )


class TestBulletinPages(ScopedViewCase):
    model = Bulletin
    make = TestBulletinAPI.make
    list_name = "coverage:bulletins"
    detail_name = "coverage:bulletin"

    list_expected = answers(
        200, system_admin=403, security_admin=403, audit_admin=403, anonymous=302
    )
    detail_expected = answers(
        200, other_region=404, system_admin=403, security_admin=403, audit_admin=403, anonymous=302
    )


class TestTargetPages(ScopedViewCase):
    model = Target
    make = TestTargetAPI.make
    create_name = "coverage:target-create"
    update_name = "coverage:target-update"

    create = Call(
        payload=lambda scene: {**TARGET, "region": scene.tree.chaoyang.pk},
        expected=answers(403, parent_region=302, anonymous=302),
    )
    update = Call(
        payload=lambda scene: {**TARGET, "region": scene.tree.chaoyang.pk, "percentage": "90.00"},
        expected=answers(403, parent_region=302, other_region=404, anonymous=302),
    )
