from datetime import date

import pytest
import time_machine

from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.disputes import services
from govcounsel.disputes.choices import (
    AssignmentStatus,
    Condition,
    ConflictDecision,
    DisputeStatus,
)
from govcounsel.disputes.models import Dispute, DisputeLawyer, QualificationAnswer
from govcounsel.disputes.tests.factories import ALL_MET, assigned, guided, qualified, registered
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.tests.helpers import events


def test_the_office_registers_a_dispute_with_its_unit(cast):
    dispute = registered(cast)
    assert dispute.status == DisputeStatus.REGISTERED
    assert not dispute.registered_by_centre
    assert [s.action for s in dispute.steps.all()] == ["registered"]
    assert len(events("disputes.dispute.registered")) == 1


def test_the_centre_registers_for_an_organ_of_its_region(cast):
    dispute = registered(cast, by="reconciliation")
    assert dispute.registered_by_centre


def test_an_office_cannot_register_for_another_unit(cast):
    with pytest.raises(NotPermitted):
        registered(cast, by="sibling_unit")


@pytest.mark.parametrize("failing", list(Condition))
def test_one_condition_not_met_means_no_administrative_dispute(cast, failing):
    answers = dict(ALL_MET)
    answers[failing.value] = (False, "不符合：系民事纠纷")
    dispute = services.qualify(
        dispute=registered(cast),
        by=cast.own_unit,
        answers=answers,
        guidance="告知其可向人民法院提起民事诉讼。",
    )
    assert dispute.status == DisputeStatus.UNQUALIFIED
    assert dispute.closed_at is not None
    assert [a.condition for a in dispute.failed_conditions] == [failing.value]
    assert QualificationAnswer.objects.filter(dispute=dispute).count() == 4
    assert dispute.guidance.startswith("告知")


def test_all_four_conditions_met_qualify_the_dispute(cast):
    dispute = qualified(cast)
    assert dispute.status == DisputeStatus.QUALIFIED
    assert dispute.failed_conditions == []
    assert dispute.guidance == ""


def test_guidance_is_required_when_not_a_dispute(cast):
    dispute = registered(cast)
    answers = {**ALL_MET, 1: (False, "双方均非行政机关")}
    with pytest.raises(DomainError) as refusal:
        services.qualify(dispute=dispute, by=cast.own_unit, answers=answers, guidance=" ")
    assert refusal.value.field == "guidance"
    assert Dispute.objects.get(pk=dispute.pk).status == DisputeStatus.REGISTERED


def test_every_condition_needs_its_reason(cast):
    answers = {**ALL_MET, 3: (True, "")}
    with pytest.raises(DomainError) as refusal:
        services.qualify(dispute=registered(cast), by=cast.own_unit, answers=answers)
    assert refusal.value.field == "reason_3"


def test_a_chosen_channel_must_have_been_offered(cast):
    dispute = qualified(cast)
    with pytest.raises(DomainError) as refusal:
        services.guide(
            dispute=dispute, by=cast.own_unit, channels=["settlement"], chosen="litigation"
        )
    assert refusal.value.code == "channel_not_offered"


def test_channels_are_kept_cheapest_first(cast):
    dispute = services.guide(
        dispute=qualified(cast),
        by=cast.own_unit,
        channels=["litigation", "settlement", "mediation"],
        chosen="settlement",
    )
    assert dispute.channels_offered == ["settlement", "mediation", "litigation"]
    assert dispute.status == DisputeStatus.HANDLING


@time_machine.travel(date(2025, 9, 26), tick=False)
def test_the_clock_counts_working_days_over_the_national_day_holiday(cast):
    # 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
    dispute = services.guide(
        dispute=qualified(cast),
        by=cast.own_unit,
        channels=["reconsideration"],
        chosen="reconsideration",
        clock_label="复议机关审查是否受理",
        clock_started_on=date(2025, 9, 26),
        clock_workdays=5,
    )
    # 28 Sep, 29 Sep, 30 Sep, 9 Oct, 10 Oct.
    assert dispute.clock_deadline == date(2025, 10, 10)
    assert not dispute.clock_is_overdue
    with time_machine.travel(date(2025, 10, 13), tick=False):
        fresh = Dispute.objects.get(pk=dispute.pk)
        assert fresh.clock_is_overdue
        assert Dispute.objects.clock_overdue().filter(pk=dispute.pk).exists()


def test_a_clock_needs_all_three_parts(cast):
    with pytest.raises(DomainError) as refusal:
        services.guide(
            dispute=qualified(cast),
            by=cast.own_unit,
            channels=["reconsideration"],
            chosen="reconsideration",
            clock_label="受理审查",
        )
    assert refusal.value.code == "clock_incomplete"


def test_assignment_checks_eligibility_as_matters_do(cast, tree):
    # A colleague without a certificate is refused with the matters' own refusal.
    uncertified = PersonFactory(name="孙科员", unit=tree.unit_a)
    with pytest.raises(DomainError) as refusal:
        services.assign(dispute=guided(cast), by=cast.own_unit, lawyer=uncertified)
    assert refusal.value.code == "not_a_public_lawyer"


def test_assignment_uses_the_shared_check(cast, monkeypatch):
    from govcounsel.matters.services import workflow

    seen = []
    real = workflow.ensure_public_lawyers_of

    def spy(unit, people):
        seen.append(unit)
        return real(unit, people)

    monkeypatch.setattr(services, "ensure_public_lawyers_of", spy)
    services.assign(dispute=guided(cast), by=cast.own_unit, lawyer=cast.lawyer.person)
    assert seen == [cast.tree.unit_a]


def test_lead_and_others_and_relief(cast):
    dispute = services.assign(
        dispute=guided(cast),
        by=cast.own_unit,
        lawyer=cast.lawyer.person,
        others=[cast.colleague_person],
    )
    rows = {row.person_id: row for row in dispute.lawyers.all()}
    assert rows[cast.lawyer.person_id].is_lead
    assert not rows[cast.colleague_person.pk].is_lead
    row = services.relieve(
        dispute=dispute, by=cast.own_unit, lawyer=rows[cast.colleague_person.pk], reason="借调"
    )
    assert row.status == AssignmentStatus.RELIEVED
    assert row.ended_reason == "借调"
    assert [s.action for s in dispute.steps.all()][-1] == "relieved"


def test_a_conflict_is_escalated_to_the_office_and_decided_by_the_head(cast):
    from govcounsel.core import verbs
    from govcounsel.core.models import Notification

    dispute = assigned(cast)
    report = verbs.find("disputes.dispute", "report-conflict")
    assert report is not None
    conflict = report.perform(dispute, cast.lawyer, description="本周承担执法检查任务")
    assert conflict.is_open
    told = Notification.objects.get(
        recipient=cast.own_unit, kind="disputes.dispute.report-conflict"
    )
    assert "本周承担执法检查任务" in told.body
    with pytest.raises(DomainError):
        services.report_conflict(dispute=dispute, by=cast.lawyer, description="又一次")
    decide = verbs.find("disputes.dispute", "decide-conflict")
    assert decide is not None
    decided = decide.perform(
        dispute,
        cast.own_unit,
        conflict=conflict,
        decision=ConflictDecision.RELIEVE,
        head="李局长",
        note="改由他人参与",
    )
    assert decided.decided_by_head == "李局长"
    assert Notification.objects.filter(
        recipient=cast.lawyer, kind="disputes.dispute.decide-conflict"
    ).exists()
    row = DisputeLawyer.objects.get(pk=conflict.lawyer_id)
    assert row.status == AssignmentStatus.RELIEVED
    actions = [s.action for s in dispute.steps.all()]
    assert actions[-2:] == ["conflict_reported", "conflict_decided"]
    assert len(events("disputes.dispute.conflict_decided")) == 1


def test_only_the_lawyer_on_the_dispute_reports_a_conflict(cast):
    dispute = assigned(cast)
    with pytest.raises(NotPermitted):
        services.report_conflict(dispute=dispute, by=cast.colleague, description="冲突")


def test_closing_needs_an_organ_lawyer(cast):
    with pytest.raises(DomainError) as refusal:
        services.close(dispute=guided(cast), by=cast.own_unit, outcome="settled")
    assert refusal.value.code == "no_lawyer"


def test_a_mediated_agreement_needs_its_file(cast):
    with pytest.raises(DomainError) as refusal:
        services.close(dispute=assigned(cast), by=cast.own_unit, outcome="mediated")
    assert refusal.value.field == "agreement"


def test_close_with_an_outcome(cast):
    dispute = services.close(
        dispute=assigned(cast),
        by=cast.own_unit,
        outcome="settled",
        note="当事人撤回复议申请",
        satisfaction="satisfied",
    )
    assert dispute.status == DisputeStatus.CLOSED
    assert dispute.is_resolved


def test_edit_before_qualification_keeps_a_masked_phone(cast):
    dispute = registered(cast)
    edited = services.edit_dispute(
        dispute=dispute,
        by=cast.own_unit,
        title="某商户不服罚款决定（更正）",
        counterparty_phone="138****5678",
    )
    assert edited.title.endswith("（更正）")
    assert edited.counterparty_phone == "13812345678"
    assert [s.action for s in edited.steps.all()] == ["registered", "edited"]
    with pytest.raises(DomainError):
        services.edit_dispute(dispute=qualified(cast), by=cast.own_unit, title="改")


def test_a_mistaken_registration_is_deleted_and_recorded(cast):
    dispute = registered(cast, by="reconciliation")
    services.delete_dispute(dispute=dispute, by=cast.reconciliation)
    assert not Dispute.objects.filter(pk=dispute.pk).exists()
    assert events("disputes.dispute.deleted")[0].data["title"] == "某商户不服罚款决定"
    with pytest.raises(DomainError):
        services.delete_dispute(dispute=qualified(cast), by=cast.own_unit)
