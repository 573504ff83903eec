"""Who reads and works matters, decision items, decisions and dispatch requests, role by
role (core/testing/cases.py)."""

from datetime import timedelta

from django.utils import timezone

from govcounsel.core.testing.cases import Call, ScopedAPICase, ScopedViewCase, answers
from govcounsel.matters import services
from govcounsel.matters.models import Decision, DecisionItem, DispatchRequest, Matter
from govcounsel.people.tests.factories import PersonFactory

# --- matters, in the states each verb starts from ------------------------------------------


def registered(scene_or_cast, **fields):
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    values = {
        "title": "关于某区域规划调整的合法性审核",
        "category": "normative",
        "subtype": "legality_review",
        **fields,
    }
    return services.register_matter(
        unit=cast.tree.unit_a, by=cast.own_unit, working_days=5, **values
    )


def assigned(scene_or_cast, **fields):
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    return services.assign(
        matter=registered(cast, **fields), by=cast.own_unit, lawyer=cast.tree.person_a
    )


def in_hand(scene_or_cast):
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    return services.accept(matter=assigned(cast), by=cast.lawyer)


def with_opinion(scene_or_cast):
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    matter = in_hand(cast)
    services.submit_opinion(matter=matter, by=cast.lawyer, text="初稿")
    return Matter.objects.get(pk=matter.pk)


def declined(scene):
    return services.decline(matter=assigned(scene), by=scene.cast.lawyer, reason="利益冲突")


def the_declined_assignment(scene):
    return {"assignment": scene.target("judge-decline").assignments.get().pk, "justified": True}


class TestMatterAPI(ScopedAPICase):
    basename = "matter"
    model = Matter
    # Assigned to the lawyer (person_a): the colleague of the same unit does not see it.
    make = staticmethod(assigned)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        lawyer=200,
        anonymous=401,
    )
    # A lawyer sees their own unit (so 403); another unit's office does not see it (so 400).
    create = Call(
        payload=lambda scene: {
            "unit": scene.tree.unit_a.pk,
            "title": "合同审查",
            "category": "documents",
            "subtype": "contract",
            "working_days": 3,
        },
        expected=answers(
            403,
            own_unit=201,
            sibling_unit=400,
            superior=400,
            other_region=400,
            audit_admin=400,
            anonymous=401,
        ),
    )
    verbs = {
        "assign": Call(
            make=registered,
            payload=lambda scene: {"lawyer": scene.tree.person_a.pk},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        ),
        "accept": Call(
            make=assigned,
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=403,
                lawyer=200,
                anonymous=401,
            ),
        ),
        "decline": Call(
            make=assigned,
            payload={"reason": "利益冲突"},
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=403,
                lawyer=200,
                anonymous=401,
            ),
        ),
        "submit-opinion": Call(
            make=in_hand,
            payload={"text": "初稿"},
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=403,
                lawyer=200,
                anonymous=401,
            ),
        ),
        "return": Call(
            make=with_opinion,
            payload={"note": "请补充依据"},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                lawyer=403,
                anonymous=401,
            ),
        ),
        "close": Call(
            make=with_opinion,
            payload={"score": 88, "comment": "好"},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                lawyer=403,
                anonymous=401,
            ),
        ),
        "judge-decline": Call(
            make=declined,
            payload=the_declined_assignment,
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                lawyer=403,
                anonymous=401,
            ),
        ),
        "overtime": Call(
            make=in_hand,
            payload=lambda scene: {
                "worked_on": timezone.localdate().isoformat(),
                "hours": "2.0",
                "note": "加班",
            },
            expected=answers(
                404,
                own_unit=403,
                parent_region=403,
                bureau=403,
                lawyer=200,
                anonymous=401,
            ),
        ),
        "remind": Call(
            make=in_hand,
            payload={"note": "请抓紧办理"},
            expected=answers(
                404,
                own_unit=200,
                parent_region=200,
                bureau=403,
                lawyer=403,
                anonymous=401,
            ),
        ),
        "commission-letter": Call(
            make=lambda scene: assigned(
                scene, category="litigation", subtype="litigation", title="某行政诉讼"
            ),
            payload={"court": "北京市朝阳区人民法院", "counterparty": "某公司"},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                lawyer=403,
                anonymous=401,
            ),
        ),
    }


# --- decision items and decisions (001 二(二)) ---------------------------------------------


def decision_item(cast):
    return services.add_decision_item(
        unit=cast.tree.unit_a, by=cast.own_unit, title="重大行政处罚决定"
    )


def draft_decision(scene_or_cast):
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    return services.open_decision(
        item=decision_item(cast), by=cast.own_unit, title="对某企业作出责令停产决定"
    )


def closed_matter(cast):
    matter = with_opinion(cast)
    return services.close(matter=matter, by=cast.own_unit, score=90)


class TestDecisionItemAPI(ScopedAPICase):
    basename = "decision-item"
    model = DecisionItem
    make = staticmethod(decision_item)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        anonymous=401,
    )
    create = Call(
        payload=lambda scene: {"unit": scene.tree.unit_a.pk, "title": "重大行政许可决定"},
        expected=answers(
            403,
            own_unit=201,
            sibling_unit=400,
            superior=400,
            other_region=400,
            audit_admin=400,
            anonymous=401,
        ),
    )
    update = Call(
        payload={"description": "涉及重大公共利益的"},
        expected=answers(
            404,
            own_unit=200,
            parent_region=403,
            bureau=403,
            anonymous=401,
        ),
    )
    verbs = {
        "open-decision": Call(
            payload={"title": "拟作出的决策"},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        )
    }


class TestDecisionAPI(ScopedAPICase):
    basename = "decision"
    model = Decision
    make = staticmethod(draft_decision)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        anonymous=401,
    )
    create = Call(
        payload=lambda scene: {"item": scene.obj.item_id, "title": "另一项决策"},
        expected=answers(
            400,
            own_unit=201,
            parent_region=403,
            bureau=403,
            anonymous=401,
        ),
    )
    verbs = {
        # With a closed matter and its opinion the decision may be taken.
        "decide": Call(
            payload=lambda scene: {"matter": scene.extra["basis"].pk},
            expected=answers(
                404,
                own_unit=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        ),
    }

    @staticmethod
    def prepare(cast):
        return {"basis": closed_matter(cast)}


# --- dispatch requests (001 一(三)) ---------------------------------------------------------


def city_lawyer(cast):
    """A certified lawyer of 北京市公安局, in the talent pool of its vertical system."""
    person = PersonFactory(name="市局律师", unit=cast.tree.city_unit)
    cast.certify(person)
    return person


def dispatch_request(scene_or_cast):
    """unit_a2 (北京市公安局朝阳分局, no public lawyer) asks its superior, the city bureau."""
    cast = getattr(scene_or_cast, "cast", scene_or_cast)
    today = timezone.localdate()
    return services.request_dispatch(
        unit=cast.tree.unit_a2,
        by=cast.sibling_unit,
        category="litigation",
        starts_on=today,
        ends_on=today + timedelta(days=60),
        reason="本单位暂无公职律师，有一起行政诉讼需要应诉。",
    )


class TestDispatchRequestAPI(ScopedAPICase):
    basename = "dispatch-request"
    model = DispatchRequest
    make = staticmethod(dispatch_request)

    list_expected = answers(200, anonymous=401)
    detail_expected = answers(
        404,
        sibling_unit=200,
        superior=200,
        parent_region=200,
        bureau=200,
        anonymous=401,
    )
    create = Call(
        payload=lambda scene: {
            "unit": scene.tree.unit_a2.pk,
            "category": "cases",
            "starts_on": timezone.localdate().isoformat(),
            "ends_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "reason": "信访事项需要法律意见。",
        },
        expected=answers(
            403,
            own_unit=400,
            sibling_unit=201,
            superior=201,
            other_region=400,
            lawyer=400,
            colleague=400,
            audit_admin=400,
            anonymous=401,
        ),
    )
    verbs = {
        "dispatch": Call(
            payload=lambda scene: {"lawyer": scene.extra["pool"].pk, "answer": "同意"},
            expected=answers(
                404,
                sibling_unit=403,
                superior=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        ),
        "reject": Call(
            payload={"answer": "本系统律师已满负荷"},
            expected=answers(
                404,
                sibling_unit=403,
                superior=200,
                parent_region=403,
                bureau=403,
                anonymous=401,
            ),
        ),
    }

    @staticmethod
    def prepare(cast):
        return {"pool": city_lawyer(cast)}


class TestMatterPages(ScopedViewCase):
    model = Matter
    make = staticmethod(assigned)
    list_name = "matters:board"
    detail_name = "matters:matter"
    create_name = "matters:create"

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(
        404,
        own_unit=200,
        parent_region=200,
        bureau=200,
        lawyer=200,
        anonymous=302,
    )
    create = Call(
        payload=lambda scene: {
            "unit": scene.tree.unit_a.pk,
            "title": "合同审查",
            "category": "documents",
            "subtype": "contract",
            "priority": "normal",
            "working_days": 3,
        },
        expected=answers(403, own_unit=302, sibling_unit=200, superior=200, anonymous=302),
    )


class TestDecisionPages(ScopedViewCase):
    model = Decision
    make = staticmethod(draft_decision)
    list_name = "matters:decisions"

    list_expected = answers(200, anonymous=302)


class TestDispatchPages(ScopedViewCase):
    model = DispatchRequest
    make = staticmethod(dispatch_request)
    list_name = "matters:dispatches"
    detail_name = "matters:dispatch"
    create_name = "matters:dispatch-new"

    list_expected = answers(200, anonymous=302)
    detail_expected = answers(
        404,
        sibling_unit=200,
        superior=200,
        parent_region=200,
        bureau=200,
        anonymous=302,
    )
    create = Call(
        payload=lambda scene: {
            "unit": scene.tree.unit_a2.pk,
            "category": "cases",
            "starts_on": timezone.localdate().isoformat(),
            "ends_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "reason": "信访事项需要法律意见。",
        },
        expected=answers(403, own_unit=200, sibling_unit=302, anonymous=302),
    )

    @staticmethod
    def prepare(cast):
        return {"pool": city_lawyer(cast)}


def expertise(cast):
    """A field of the shared list (专长目录), kept by the superiors' administrators."""
    from govcounsel.matters.services import expertise as expertise_services

    return expertise_services.add_expertise(by=cast.superior, name="政府信息公开")
