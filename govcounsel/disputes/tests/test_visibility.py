"""Who reads and works administrative disputes, role by role (core/testing/cases.py): the
organ's office, the region's supervisor, justice bureau and reconciliation centre, and the
lawyer on it; the lawyers association does not read them."""

from govcounsel.core.testing.cases import Call, ScopedAPICase, ScopedViewCase, answers
from govcounsel.disputes.models import Dispute
from govcounsel.disputes.tests.factories import PHONE, assigned, qualified, registered

READERS = {
    "own_unit": 200,
    "parent_region": 200,
    "bureau": 200,
    "reconciliation": 200,
    "lawyer": 200,
}


class TestDisputeAPI(ScopedAPICase):
    basename = "dispute"
    model = Dispute
    make = staticmethod(assigned)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(404, **READERS, anonymous=401)
    create = Call(
        payload=lambda scene: {
            "unit": scene.tree.unit_a.pk,
            "title": "某企业不服责令整改通知",
            "counterparty_kind": "organisation",
            "counterparty_name": "某科技有限公司",
            "act_kind": "act",
            "act": "责令限期整改",
            "contested": "整改期限是否合理",
            "origin": "complaint",
            "arose_on": "2026-03-02",
        },
        expected=answers(
            403,
            own_unit=201,
            reconciliation=201,
            sibling_unit=400,
            superior=400,
            other_region=400,
            audit_admin=400,
            anonymous=401,
        ),
    )
    verbs = {
        "qualify": Call(
            make=registered,
            payload={
                **{f"met_{n}": True for n in range(1, 5)},
                **{f"reason_{n}": "符合" for n in range(1, 5)},
            },
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                reconciliation=403,
                anonymous=401,
            ),
        ),
        "guide": Call(
            make=qualified,
            payload={"channels": ["settlement", "mediation"], "chosen": "mediation"},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                reconciliation=403,
                anonymous=401,
            ),
        ),
    }


class TestDisputePages(ScopedViewCase):
    model = Dispute
    make = staticmethod(assigned)
    list_name = "disputes:list"
    detail_name = "disputes:dispute"

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(404, **READERS, anonymous=302)


def test_the_office_reads_the_phone_in_full_and_the_bureau_masked(cast):
    from govcounsel.tests.helpers import events

    registered(cast)
    office = cast.page("own_unit").get("/disputes/").content.decode()
    bureau = cast.page("bureau").get("/disputes/").content.decode()
    assert PHONE in office
    assert PHONE not in bureau
    assert "138****5678" in bureau
    assert events("disputes.dispute.phone_read")
    centre = cast.page("reconciliation").get("/disputes/").content.decode()
    assert PHONE in centre


def test_the_detail_page_marks_the_failed_condition(cast):
    from govcounsel.disputes import services
    from govcounsel.disputes.tests.factories import ALL_MET

    dispute = services.qualify(
        dispute=registered(cast),
        by=cast.own_unit,
        answers={**ALL_MET, 2: (False, "系民事合同纠纷")},
        guidance="告知其可向人民法院起诉。",
    )
    page = cast.page("own_unit").get(dispute.get_absolute_url()).content.decode()
    assert page.count("data-failed") == 1
    assert "系民事合同纠纷" in page
    assert "告知其可向人民法院起诉。" in page


def test_the_association_does_not_read_disputes(cast):
    dispute = registered(cast)
    assert cast.page("association").get(dispute.get_absolute_url()).status_code == 404
    assert dispute.pk not in [d.pk for d in Dispute.objects.visible_to(cast.association)]
