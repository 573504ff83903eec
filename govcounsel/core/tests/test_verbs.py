"""Every declared workflow verb, tried by every role of the cast, on the page and in the API.

A scenario says, for one verb, how to bring an object to the state where the verb applies,
what a valid input is, and which roles may take it. The rightful role succeeds (302 on the
page, 200 in the API); every other role is refused with 403 (in scope, not allowed) or 404
(out of scope) and changes nothing. A verb declared without a scenario fails the suite.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django.utils.html import escape

from govcounsel.core import verbs
from govcounsel.core.testing import ROLES
from govcounsel.core.views.verbs import verb_url

# Who may take a verb does not depend on the hour: the clock runs of scripts/test skip these.
pytestmark = pytest.mark.matrix


@dataclass(frozen=True)
class Scenario:
    arrange: Callable[[Any], Any]  # cast -> the object, in the state where the verb applies
    allowed: frozenset[str]
    data: Callable[[Any, Any], dict[str, Any]] = lambda cast, obj: {}
    # The page answers a file instead of a redirect.
    document: bool = False
    api: dict[str, Any] = field(default_factory=dict)


# --- arrangements -------------------------------------------------------------------------


def _eligible(cast: Any) -> Any:
    from govcounsel.people.tests.factories import PersonFactory, QualificationFactory

    person = PersonFactory(name="周申请", unit=cast.tree.unit_a, full_time_legal=True)
    QualificationFactory(person=person)
    return person


def _application(step: str) -> Callable[[Any], Any]:
    def arrange(cast: Any) -> Any:
        from govcounsel.certificates import services

        application = services.apply(person=_eligible(cast), by=cast.own_unit)
        if step in ("reviewed", "submitted"):
            services.review(application=application, by=cast.own_unit, passed=True)
        if step == "submitted":
            services.submit(application=application, by=cast.own_unit)
        return application

    return arrange


def _certificate(suspended: bool = False) -> Callable[[Any], Any]:
    def arrange(cast: Any) -> Any:
        from govcounsel.certificates import services

        certificate = cast.certify(_eligible(cast))
        if suspended:
            services.suspend(certificate=certificate, by=cast.bureau, note="调查期间")
        return certificate

    return arrange


def _case(cast: Any) -> Any:
    from govcounsel.certificates import services

    certificate = cast.certify(_eligible(cast))
    return services.end_by_hr_event(
        person=certificate.person, reason="retired", on=timezone.localdate(), by=cast.own_unit
    )[0]


def _matter(step: str, subtype: str = "legality_review") -> Callable[[Any], Any]:
    def arrange(cast: Any) -> Any:
        from govcounsel.matters import services

        lawyer = cast.lawyer
        matter = services.register_matter(
            unit=cast.tree.unit_a,
            by=cast.own_unit,
            title="关于某规范性文件的合法性审核",
            category="litigation" if subtype == "litigation" else "normative",
            subtype=subtype,
            working_days=5,
        )
        if step == "registered":
            return matter
        services.assign(matter=matter, by=cast.own_unit, lawyer=lawyer.person)
        if step == "declined":
            services.decline(matter=matter, by=lawyer, reason="与本人有利害关系")
        if step in ("in_progress", "opinion_submitted", "closed"):
            services.accept(matter=matter, by=lawyer)
        if step in ("opinion_submitted", "closed"):
            services.submit_opinion(matter=matter, by=lawyer, text="经审查，建议修改第三条。")
        if step == "closed":
            services.close(matter=matter, by=cast.own_unit, score=90)
        return matter

    return arrange


def _decision_item(cast: Any) -> Any:
    from govcounsel.matters import services

    return services.add_decision_item(unit=cast.tree.unit_a, by=cast.own_unit, title="重大决策")


def _decision(cast: Any) -> Any:
    from govcounsel.matters import services

    _matter("closed")(cast)
    return services.open_decision(item=_decision_item(cast), by=cast.own_unit, title="某决策")


def _closed_matter_id(cast: Any, decision: Any) -> dict[str, Any]:
    from govcounsel.matters.choices import MatterStatus
    from govcounsel.matters.models import Matter

    return {"matter": Matter.objects.get(status=MatterStatus.CLOSED, unit=decision.item.unit).pk}


def _dispatch_request(cast: Any) -> Any:
    """朝阳分局 (unit_a2, no lawyer) asks its superior 北京市公安局 for one; the superior
    itself has a certified lawyer in its system's pool."""
    from govcounsel.matters import services
    from govcounsel.people.tests.factories import PersonFactory

    cast.certify(PersonFactory(name="市局律师", unit=cast.tree.city_unit))
    today = timezone.localdate()
    return services.request_dispatch(
        unit=cast.tree.unit_a2,
        by=cast.sibling_unit,
        category="litigation",
        starts_on=today,
        ends_on=today + timedelta(days=30),
        reason="应诉",
    )


def _pool_lawyer(cast: Any, request: Any) -> dict[str, Any]:
    from govcounsel.people.models import Person

    return {"lawyer": Person.objects.get(name="市局律师").pk, "answer": "同意"}


def _declined_assignment(cast: Any, matter: Any) -> dict[str, Any]:
    return {"assignment": matter.assignments.get().pk, "justified": "false"}


def _failed_bulletin(cast: Any) -> Any:
    from govcounsel.coverage.choices import BulletinStatus
    from govcounsel.coverage.models import Bulletin

    return Bulletin.objects.create(
        region=cast.tree.chaoyang,
        year=2025,
        quarter=4,
        requested_by=cast.parent_region,
        status=BulletinStatus.FAILED,
        error="字体缺失",
    )


def _qualification(cast: Any) -> Any:
    from govcounsel.people.tests.factories import PersonFactory, QualificationFactory

    return QualificationFactory(person=PersonFactory(name="吴科员", unit=cast.tree.unit_a))


def _adviser(cast: Any) -> Any:
    from govcounsel.people.tests.factories import LegalAdviserFactory

    return LegalAdviserFactory(unit=cast.tree.unit_a)


def _target(cast: Any) -> Any:
    from datetime import date

    from govcounsel.coverage import services

    return services.create_target(
        by=cast.parent_region,
        region=cast.tree.chaoyang,
        kind="organ",
        metric="coverage",
        percentage="100",
        deadline=date(2025, 12, 31),
        source_clause="某文件第二条",
    )


def _activity(cast: Any) -> Any:
    from govcounsel.activities.tests.factories import activity

    return activity(cast, kind="calls_letters", title="答复来信")


def _award_cycle(step: str) -> Callable[[Any], Any]:
    """A cycle of 朝阳区 (a year not yet used, so a role arranging anew gets its own): open,
    with unit_a and person_a as candidates, or closed for the decision (002 §19)."""

    def arrange(cast: Any) -> Any:
        from govcounsel.awards.models import AwardCycle
        from govcounsel.awards.tests import factories

        year = 2026 - AwardCycle.objects.count()
        if step == "open":
            return factories.cycle(cast, year)
        if step == "candidates":
            return factories.with_candidates(cast, year)
        if step == "candidate":
            return factories.with_candidates(cast, year).candidates.units().get()
        return factories.locked(cast, year)

    return arrange


def _award_choice(cast: Any, cycle: Any) -> dict[str, Any]:
    return {
        "units": [c.pk for c in cycle.candidates.units()],
        "individuals": [c.pk for c in cycle.candidates.individuals()],
    }


def _dispute(step: str) -> Callable[[Any], Any]:
    def arrange(cast: Any) -> Any:
        from govcounsel.disputes.tests import factories

        return getattr(factories, step)(cast)

    return arrange


def _dispute_lawyer(cast: Any, dispute: Any) -> dict[str, Any]:
    return {"lawyer": dispute.lawyers.get().pk, "reason": "借调他处"}


def _dispute_conflict(cast: Any, dispute: Any) -> dict[str, Any]:
    from govcounsel.disputes.models import DutyConflict

    conflict = DutyConflict.objects.get(lawyer__dispute=dispute)
    return {"conflict": conflict.pk, "decision": "keep", "head": "李局长"}


def _typical_case(step: str) -> Callable[[Any], Any]:
    def arrange(cast: Any) -> Any:
        from govcounsel.casebook.tests import factories

        return getattr(factories, step)(cast)

    return arrange


_ALL_MET = {
    **{f"met_{n}": "true" for n in range(1, 5)},
    **{f"reason_{n}": "符合" for n in range(1, 5)},
}


NOTE = {"note": "已审查"}
OFFICE = frozenset({"own_unit"})
BUREAU = frozenset({"bureau"})
LAWYER = frozenset({"lawyer"})
# Who keeps staff records, qualifications and advisers (people.manage_*).
KEEPERS = frozenset({"own_unit", "bureau"})


def _training_sample_item(cast: Any) -> Any:
    """A self-claim above the risk line, drawn into a sample of its own year (one sample
    per region and year: each arrangement takes an earlier year)."""
    from govcounsel.training import services
    from govcounsel.training.tests import factories

    year = timezone.localdate().year - next(_TRAINING_YEARS)
    claim = factories.claim(cast, hours="16", day=timezone.localdate().replace(year=year, day=1))
    services.verify_claim(claim=claim, by=cast.association)
    sample = services.draw_sample(region=cast.tree.chaoyang, year=year, by=cast.bureau, seed=1)
    return sample.items.get(claim=claim)


_TRAINING_YEARS = itertools.count(1)


def _training(name: str) -> Callable[[Any], Any]:
    def arrange(cast: Any) -> Any:
        from govcounsel.training.tests import factories

        return getattr(factories, name)(cast)

    return arrange


SCENARIOS: dict[tuple[str, str], Scenario] = {
    ("certificates.certificateapplication", "review"): Scenario(
        _application("applied"), OFFICE, lambda c, o: {"passed": "true", **NOTE}
    ),
    ("certificates.certificateapplication", "return"): Scenario(
        _application("applied"), OFFICE, lambda c, o: {"note": "材料不全"}
    ),
    ("certificates.certificateapplication", "submit"): Scenario(
        _application("reviewed"), OFFICE, lambda c, o: NOTE
    ),
    ("certificates.certificateapplication", "approve"): Scenario(
        _application("submitted"), BUREAU, lambda c, o: NOTE
    ),
    ("certificates.certificateapplication", "reject"): Scenario(
        _application("submitted"), BUREAU, lambda c, o: {"note": "不符合条件"}
    ),
    ("certificates.certificateapplication", "withdraw"): Scenario(
        _application("applied"), OFFICE, lambda c, o: NOTE
    ),
    ("certificates.certificate", "suspend"): Scenario(
        _certificate(), BUREAU, lambda c, o: {"note": "调查期间"}
    ),
    ("certificates.certificate", "reinstate"): Scenario(
        _certificate(suspended=True), BUREAU, lambda c, o: NOTE
    ),
    ("certificates.certificate", "cancel"): Scenario(
        _certificate(), BUREAU, lambda c, o: {"note": "本人申请"}
    ),
    ("certificates.cancellationcase", "recover"): Scenario(
        _case, frozenset({"own_unit", "bureau"}), lambda c, o: NOTE
    ),
    ("certificates.cancellationcase", "complete"): Scenario(_case, BUREAU, lambda c, o: NOTE),
    ("matters.matter", "assign"): Scenario(
        _matter("registered"), OFFICE, lambda c, o: {"lawyer": c.lawyer.person_id}
    ),
    ("matters.matter", "accept"): Scenario(_matter("assigned"), LAWYER),
    ("matters.matter", "decline"): Scenario(
        _matter("assigned"), LAWYER, lambda c, o: {"reason": "与本人有利害关系"}
    ),
    ("matters.matter", "submit-opinion"): Scenario(
        _matter("in_progress"), LAWYER, lambda c, o: {"text": "建议修改第三条。"}
    ),
    ("matters.matter", "close"): Scenario(
        _matter("opinion_submitted"), OFFICE, lambda c, o: {"score": 95, "comment": "好"}
    ),
    ("matters.matter", "return"): Scenario(
        _matter("opinion_submitted"), OFFICE, lambda c, o: {"note": "请补充依据"}
    ),
    ("matters.matter", "judge-decline"): Scenario(
        _matter("declined"), OFFICE, _declined_assignment
    ),
    ("matters.matter", "overtime"): Scenario(
        _matter("in_progress"),
        LAWYER,
        lambda c, o: {"worked_on": str(timezone.localdate()), "hours": "2.5", "note": "起草"},
    ),
    ("matters.matter", "remind"): Scenario(
        _matter("assigned"),
        frozenset({"own_unit", "parent_region"}),
        lambda c, o: {"note": "请加快"},
    ),
    ("matters.matter", "commission-letter"): Scenario(
        _matter("assigned", subtype="litigation"),
        OFFICE,
        lambda c, o: {"court": "北京市朝阳区人民法院", "counterparty": "某公司"},
        document=True,
    ),
    ("matters.matter", "edit"): Scenario(
        _matter("registered"),
        OFFICE,
        lambda c, o: {"title": "关于某规范性文件的合法性审核（更正）"},
    ),
    ("matters.matter", "withdraw"): Scenario(
        _matter("registered"), OFFICE, lambda c, o: {"reason": "重复登记"}
    ),
    ("matters.matter", "reassign"): Scenario(
        _matter("assigned"),
        OFFICE,
        lambda c, o: {"lawyer": c.colleague_person.pk, "reason": "原承办律师出差"},
    ),
    ("matters.matter", "change-deadline"): Scenario(
        _matter("assigned"),
        OFFICE,
        lambda c, o: {
            "deadline": str(timezone.localdate() + timedelta(days=30)),
            "reason": "需补充材料",
        },
    ),
    ("matters.decisionitem", "open-decision"): Scenario(
        _decision_item, OFFICE, lambda c, o: {"title": "对某企业作出责令停产决定"}
    ),
    ("matters.decision", "decide"): Scenario(_decision, OFFICE, _closed_matter_id),
    ("matters.dispatchrequest", "dispatch"): Scenario(
        _dispatch_request, frozenset({"superior"}), _pool_lawyer
    ),
    ("matters.dispatchrequest", "reject"): Scenario(
        _dispatch_request, frozenset({"superior"}), lambda c, o: {"answer": "本系统暂无空闲律师"}
    ),
    ("people.qualification", "edit"): Scenario(
        _qualification,
        KEEPERS,
        lambda c, o: {
            "kind": "legal_b",
            "certificate_number": f"B2020{o.pk:08d}",
            "obtained_on": "2020-03-01",
        },
    ),
    ("people.qualification", "delete"): Scenario(_qualification, KEEPERS),
    ("people.legaladviser", "edit"): Scenario(
        _adviser,
        KEEPERS,
        lambda c, o: {
            "unit": c.tree.unit_a.pk,
            "kind": "external",
            "name": o.name,
            "organisation": "北京市朝正律师事务所",
            "service_start": "2023-01-01",
            "notes": "每周二驻点",
        },
    ),
    ("people.legaladviser", "end-service"): Scenario(
        _adviser,
        KEEPERS,
        lambda c, o: {"ended_on": str(timezone.localdate()), "reason": "合同期满"},
    ),
    ("coverage.target", "retire"): Scenario(
        _target,
        frozenset({"parent_region"}),
        lambda c, o: {"retired_on": str(timezone.localdate()), "reason": "被新文件取代"},
    ),
    ("coverage.target", "delete"): Scenario(_target, frozenset({"parent_region"})),
    ("coverage.bulletin", "retry"): Scenario(_failed_bulletin, frozenset({"parent_region"})),
    # The reconciliation centre (002 §10): reconciliation/tests/scenarios.py.
    ("reconciliation.poolrule", "retire"): Scenario(
        lambda c: _centre("rule")(c),
        frozenset({"reconciliation"}),
        lambda c, o: {"retired_on": str(timezone.localdate()), "reason": "被新办法取代"},
    ),
    ("reconciliation.nomination", "renew"): Scenario(
        lambda c: _centre("nomination")(c), frozenset({"sibling_unit", "superior"})
    ),
    ("reconciliation.nomination", "end"): Scenario(
        lambda c: _centre("nomination")(c),
        frozenset({"sibling_unit", "superior"}),
        lambda c, o: {"reason": "调离本单位"},
    ),
    ("reconciliation.mediatordraw", "verify"): Scenario(
        lambda c: _centre("draw")(c),
        frozenset({"reconciliation", "parent_region", "bureau", "own_unit"}),
    ),
    ("reconciliation.mediatorassignment", "withdraw"): Scenario(
        lambda c: _centre("assignment")(c),
        frozenset({"reconciliation"}),
        lambda c, o: {"kind": "recused", "reason": "与当事人系亲属", "redraw": "false"},
    ),
    ("reconciliation.mediationsession", "hold"): Scenario(
        lambda c: _centre("session")(c),
        frozenset({"reconciliation"}),
        lambda c, o: {"note": "达成和解"},
    ),
    ("reconciliation.mediationsession", "cancel"): Scenario(
        lambda c: _centre("session")(c),
        frozenset({"reconciliation"}),
        lambda c, o: {"reason": "party_absent"},
    ),
    ("awards.awardcycle", "propose"): Scenario(
        _award_cycle("open"), BUREAU, lambda c, o: {"unit": c.tree.unit_a2.pk, "reason": "成效突出"}
    ),
    # Each office nominates its own unit of the region (unit_a2 for the superior's system).
    ("awards.awardcycle", "nominate"): Scenario(
        _award_cycle("open"), frozenset({"own_unit", "sibling_unit", "superior"})
    ),
    ("awards.awardcycle", "lock"): Scenario(_award_cycle("candidates"), BUREAU),
    ("awards.awardcycle", "decide"): Scenario(
        _award_cycle("locked"), frozenset({"parent_region"}), _award_choice
    ),
    ("awards.candidate", "withdraw"): Scenario(
        _award_cycle("candidate"),
        frozenset({"bureau", "own_unit"}),
        lambda c, o: {"reason": "误报"},
    ),
    ("training.course", "enrol"): Scenario(_training("course"), frozenset({"lawyer", "colleague"})),
    ("training.course", "enrol-lawyer"): Scenario(
        _training("course"), OFFICE, lambda c, o: {"person": c.lawyer.person_id}
    ),
    ("training.course", "check-in"): Scenario(
        _training("enrolled"), LAWYER, lambda c, o: {"code": o.sessions.get().code}
    ),
    ("training.course", "record-attendance"): Scenario(
        _training("enrolled"), OFFICE, lambda c, o: {"person": c.lawyer.person_id}
    ),
    ("training.enrolment", "issue-certificate"): Scenario(
        _training("attended"), OFFICE, document=True
    ),
    ("training.externalclaim", "verify"): Scenario(
        _training("claim"), frozenset({"association", "bureau"})
    ),
    ("training.externalclaim", "refuse"): Scenario(
        _training("claim"), frozenset({"association", "bureau"}), lambda c, o: {"reason": "无证明"}
    ),
    ("training.sampleitem", "confirm"): Scenario(
        _training_sample_item, frozenset({"association", "bureau"})
    ),
    ("training.sampleitem", "overturn"): Scenario(
        _training_sample_item, frozenset({"association", "bureau"}), lambda c, o: {"note": "未参加"}
    ),
    ("disputes.dispute", "qualify"): Scenario(
        _dispute("registered"), OFFICE, lambda c, o: _ALL_MET
    ),
    ("disputes.dispute", "guide"): Scenario(
        _dispute("qualified"),
        OFFICE,
        lambda c, o: {"channels": ["mediation"], "chosen": "mediation"},
    ),
    ("disputes.dispute", "assign"): Scenario(
        _dispute("guided"), OFFICE, lambda c, o: {"lawyer": c.lawyer.person_id}
    ),
    ("disputes.dispute", "relieve"): Scenario(_dispute("assigned"), OFFICE, _dispute_lawyer),
    ("disputes.dispute", "report-conflict"): Scenario(
        _dispute("assigned"), LAWYER, lambda c, o: {"description": "本周承担执法检查任务"}
    ),
    ("disputes.dispute", "decide-conflict"): Scenario(
        _dispute("with_conflict"), OFFICE, _dispute_conflict
    ),
    ("disputes.dispute", "close"): Scenario(
        _dispute("assigned"), OFFICE, lambda c, o: {"outcome": "settled", "note": "已和解"}
    ),
    ("disputes.dispute", "edit"): Scenario(
        _dispute("registered"), OFFICE, lambda c, o: {"title": "某商户不服罚款决定（更正）"}
    ),
    ("disputes.dispute", "delete"): Scenario(_dispute("registered"), OFFICE),
    # The recorder (within the window) and the unit's office (activities/rules.py).
    ("activities.activity", "edit"): Scenario(
        _activity,
        frozenset({"own_unit", "lawyer"}),
        lambda c, o: {"kind": "calls_letters", "day": str(o.day), "title": "答复来信（更正）"},
    ),
    ("activities.activity", "delete"): Scenario(_activity, frozenset({"own_unit", "lawyer"})),
    # 002 §18: the justice bureau of the organ's region runs the selection.
    ("casebook.typicalcase", "accept"): Scenario(_typical_case("nominated"), BUREAU),
    ("casebook.typicalcase", "decline"): Scenario(
        _typical_case("nominated"), BUREAU, lambda c, o: {"reason": "案情较为普通"}
    ),
    ("casebook.typicalcase", "edit"): Scenario(
        _typical_case("editing"), BUREAU, lambda c, o: {"title": "释法说理化解处罚争议"}
    ),
    ("casebook.typicalcase", "anonymise"): Scenario(
        _typical_case("editing"), BUREAU, lambda c, o: {"names": "王小明"}
    ),
    ("casebook.typicalcase", "publish"): Scenario(_typical_case("ready"), BUREAU),
    ("casebook.typicalcase", "revise"): Scenario(
        _typical_case("published"),
        BUREAU,
        lambda c, o: {"note": "补充典型意义", "key_points": "提前介入，源头化解。"},
    ),
    ("casebook.typicalcase", "withdraw"): Scenario(
        _typical_case("published"), BUREAU, lambda c, o: {"reason": "当事人提出异议"}
    ),
}


def _centre(name: str) -> Callable[[Any], Any]:
    from govcounsel.reconciliation.tests import scenarios

    return getattr(scenarios, name)


DECLARED = sorted((verbs.label_of(v.model), v.name) for v in verbs.registered() if v.model)


def test_every_declared_verb_has_a_scenario() -> None:
    missing = [f"{model}:{name}" for model, name in DECLARED if (model, name) not in SCENARIOS]
    assert not missing, f"declare a Scenario in core/tests/test_verbs.py for: {missing}"
    stale = set(SCENARIOS) - set(DECLARED)
    assert not stale, f"scenarios of verbs no longer declared: {stale}"


def _snapshot(obj: Any) -> tuple[Any, ...]:
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    return (getattr(fresh, "status", None), fresh.__dict__.get("decline_justified"))


def _api_path(obj: Any, verb: verbs.Verb) -> str:
    from django.urls import reverse

    basename = {
        "certificateapplication": "certificate-application",
        "certificate": "certificate",
        "cancellationcase": "cancellation-case",
        "matter": "matter",
        "decisionitem": "decision-item",
        "decision": "decision",
        "dispatchrequest": "dispatch-request",
        "bulletin": "bulletin",
        "qualification": "qualification",
        "legaladviser": "adviser",
        "target": "target",
        "poolrule": "pool-rule",
        "nomination": "mediator-nomination",
        "mediatordraw": "mediator-draw",
        "mediatorassignment": "mediator-assignment",
        "mediationsession": "mediation-session",
        "awardcycle": "award-cycle",
        "candidate": "award-candidate",
        "dispute": "dispute",
        "activity": "activity",
        "typicalcase": "typical-case",
        "course": "training-course",
        "enrolment": "training-enrolment",
        "externalclaim": "training-claim",
        "sampleitem": "training-sample-item",
    }[type(obj)._meta.model_name]
    return reverse(f"{basename}-{verb.name}", args=[obj.pk])


@pytest.mark.parametrize(("model", "name"), DECLARED)
@pytest.mark.parametrize("side", ["page", "api"])
def test_only_the_rightful_roles_may_take_the_verb(cast, model, name, side, monkeypatch) -> None:
    scenario = SCENARIOS[(model, name)]
    verb = verbs.find(model, name)
    assert verb is not None
    # What each run of the verb was given and gave back: its result message is made of them.
    done: list[tuple[Any, Any, dict[str, Any]]] = []
    perform = verbs.Verb.perform

    def spy(self: verbs.Verb, obj: Any, user: Any, **data: Any) -> Any:
        result = perform(self, obj, user, **data)
        done.append((obj, result, data))
        return result

    monkeypatch.setattr(verbs.Verb, "perform", spy)
    obj = scenario.arrange(cast)
    data = scenario.data(cast, obj)
    url = verb_url(verb, obj) if side == "page" else _api_path(obj, verb)
    before = _snapshot(obj)
    for role in ROLES:
        if role in scenario.allowed:
            continue
        client = cast.page(role) if side == "page" else cast.api(role)
        response = client.post(url, data, **({} if side == "page" else {"format": "json"}))
        expected = {302} if role == "anonymous" and side == "page" else {403, 404}
        if role == "anonymous" and side == "api":
            expected = {401, 403}
        assert response.status_code in expected, (role, response.status_code)
        assert _snapshot(obj) == before, f"{role} changed the object"
    for role in sorted(scenario.allowed):
        fresh = scenario.arrange(cast) if role != sorted(scenario.allowed)[0] else obj
        data = scenario.data(cast, fresh)
        url = verb_url(verb, fresh) if side == "page" else _api_path(fresh, verb)
        client = cast.page(role) if side == "page" else cast.api(role)
        response = client.post(url, data, **({} if side == "page" else {"format": "json"}))
        if scenario.document:
            assert response.status_code == 200, (role, response.content[:300])
            assert response["Content-Disposition"].startswith("attachment")
        elif side == "page":
            assert response.status_code == 302, (role, response.content.decode()[:2000])
            # Done, not merely sent back: the next page says so.
            landed = client.get(response["Location"]).content.decode()
            assert escape(verb.success_message(*done[-1])) in landed, role
        else:
            assert response.status_code == 200, (role, response.json())
