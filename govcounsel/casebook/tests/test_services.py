"""Typical cases (002 §18): nominated by the organ's office from its resolved disputes,
reviewed, anonymised, published, revised and withdrawn by the region's justice bureau."""

import pytest

from govcounsel.casebook import services
from govcounsel.casebook.choices import CaseStatus
from govcounsel.casebook.models import TypicalCaseRevision
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.models import Notification
from govcounsel.disputes.choices import Outcome
from govcounsel.tests.helpers import events

from .factories import COUNTERPARTY, PHONE, closed_dispute, editing, nominated, published, ready

REASON = "释法说理到位"


def test_an_office_nominates_a_resolved_dispute_of_its_own_organ_and_the_bureau_is_told(cast):
    bureau = cast.bureau
    dispute = closed_dispute(cast.tree.unit_a, outcome=Outcome.SETTLED)
    case = services.nominate(dispute=dispute, by=cast.own_unit, reason=REASON)
    assert case.status == CaseStatus.NOMINATED
    assert case.unit == cast.tree.unit_a
    assert case.sector == cast.tree.unit_a.sector
    # The draft starts from the dispute's record: the bureau rewrites and anonymises it.
    assert COUNTERPARTY in case.facts
    assert events("casebook.case.nominated")
    assert Notification.objects.filter(recipient=bureau).count() == 1


@pytest.mark.parametrize("outcome", [Outcome.TO_LITIGATION, Outcome.NOT_RESOLVED])
def test_a_dispute_not_resolved_inside_the_administration_is_refused(cast, outcome):
    dispute = closed_dispute(cast.tree.unit_a, outcome=outcome)
    with pytest.raises(DomainError) as refused:
        services.nominate(dispute=dispute, by=cast.own_unit, reason=REASON)
    assert refused.value.code == "not_resolved"


def test_an_open_dispute_is_refused(cast):
    from govcounsel.disputes.models import Dispute

    dispute = closed_dispute(cast.tree.unit_a)
    Dispute.objects.filter(pk=dispute.pk).update(status="handling", outcome="")
    dispute.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        services.nominate(dispute=dispute, by=cast.own_unit, reason=REASON)
    assert refused.value.code == "not_resolved"


@pytest.mark.parametrize("role", ["sibling_unit", "bureau", "lawyer", "parent_region"])
def test_only_the_organs_own_office_nominates(cast, role):
    dispute = closed_dispute(cast.tree.unit_a)
    with pytest.raises(NotPermitted):
        services.nominate(dispute=dispute, by=cast.user(role), reason=REASON)


def test_a_dispute_is_nominated_once(cast):
    case = nominated(cast)
    with pytest.raises(DomainError) as refused:
        services.nominate(dispute=case.dispute, by=cast.own_unit, reason=REASON)
    assert refused.value.code == "already_nominated"


def test_a_nomination_needs_a_reason(cast):
    with pytest.raises(DomainError) as refused:
        services.nominate(dispute=closed_dispute(cast.tree.unit_a), by=cast.own_unit, reason=" ")
    assert refused.value.field == "reason"


def test_the_bureau_of_another_region_may_not_review(cast):
    case = nominated(cast)
    with pytest.raises(NotPermitted):
        services.accept(case=case, by=cast.other_region)


def test_a_declined_nomination_keeps_its_reason(cast):
    case = services.decline(case=nominated(cast), by=cast.bureau, reason="案情较为普通")
    assert case.status == CaseStatus.DECLINED
    assert case.decline_reason == "案情较为普通"
    assert [s.action for s in case.steps.all()] == ["nominated", "declined"]


def test_publishing_is_refused_while_the_counterpartys_name_is_in_the_text(cast):
    case = editing(cast)
    with pytest.raises(DomainError) as refused:
        services.publish(case=case, by=cast.bureau)
    assert refused.value.code == "not_anonymised"
    assert COUNTERPARTY in refused.value.reasons
    assert "电话号码" in refused.value.reasons
    case.refresh_from_db()
    assert case.status == CaseStatus.EDITING
    assert not case.revisions.exists()


def test_publishing_is_refused_when_an_edit_puts_an_id_number_back(cast):
    case = ready(cast)
    case = services.edit(case=case, by=cast.bureau, facts="身份证号码11010519491231002X")
    with pytest.raises(DomainError) as refused:
        services.publish(case=case, by=cast.bureau)
    assert refused.value.reasons == ["身份证号码"]


def test_a_listed_name_stays_hidden_through_later_edits(cast):
    case = editing(cast)
    case = services.edit(case=case, by=cast.bureau, facts=f"{COUNTERPARTY}与证人王小明到场")
    case = services.anonymise(case=case, by=cast.bureau, names="王小明")
    assert case.facts == "张某与证人王某到场"
    case = services.edit(case=case, by=cast.bureau, facts="王小明再次到场")
    with pytest.raises(DomainError) as refused:
        services.publish(case=case, by=cast.bureau)
    assert refused.value.reasons == ["王小明"]


def test_anonymising_hides_the_counterparty_and_the_phone_everywhere(cast):
    case = ready(cast)
    text = " ".join(case.text().values())
    assert COUNTERPARTY not in text
    assert PHONE not in text
    assert "张某" in text
    assert events("casebook.case.anonymised")


def test_publishing_keeps_the_text_as_version_one(cast):
    case = published(cast)
    assert case.status == CaseStatus.PUBLISHED
    revision = case.current_revision
    assert revision.number == 1
    assert revision.title == case.title
    assert revision.facts == case.facts
    assert events("casebook.case.published")


def test_a_revision_is_a_new_version_and_the_old_one_is_kept(cast):
    case = published(cast)
    first = case.current_revision
    case = services.revise(
        case=case, by=cast.bureau, note="补充化解过程", resolution="经三次调解达成协议。"
    )
    assert case.current_revision.number == 2
    assert case.current_revision.resolution == "经三次调解达成协议。"
    first.refresh_from_db()
    assert first.resolution != "经三次调解达成协议。"
    assert list(TypicalCaseRevision.objects.filter(case=case).values_list("number", flat=True)) == [
        2,
        1,
    ]
    assert case.current_revision.note == "补充化解过程"


def test_a_revision_may_not_bring_a_name_back(cast):
    case = published(cast)
    with pytest.raises(DomainError) as refused:
        services.revise(case=case, by=cast.bureau, note="补充", facts=f"{COUNTERPARTY}申请复议")
    assert refused.value.code == "not_anonymised"
    case.refresh_from_db()
    assert case.current_revision.number == 1
    assert COUNTERPARTY not in case.facts


def test_withdrawing_needs_a_reason_and_keeps_the_versions(cast):
    case = published(cast)
    with pytest.raises(DomainError):
        services.withdraw(case=case, by=cast.bureau, reason="")
    case = services.withdraw(case=case, by=cast.bureau, reason="当事人提出异议")
    assert case.status == CaseStatus.WITHDRAWN
    assert case.revisions.count() == 1
    # Published again after a correction, as a new version.
    case = services.publish(case=case, by=cast.bureau, note="更正后重新发布")
    assert case.current_revision.number == 2


def test_a_published_case_is_not_edited_in_place(cast):
    case = published(cast)
    with pytest.raises(DomainError) as refused:
        services.edit(case=case, by=cast.bureau, title="新标题")
    assert refused.value.code == "not_editing"
