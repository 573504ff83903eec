"""Annual awards (002 §19, §20): figures read from the records, rules in force by date,
quotas, figures kept once the list is closed, the decision as issued, lawyers awarded more
than once."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from docx import Document

from govcounsel.awards import selectors, services
from govcounsel.awards.choices import CycleStatus
from govcounsel.awards.models import AwardRule
from govcounsel.awards.tests import factories
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.documents.models import OfficialDocument
from govcounsel.documents.services import stored_bytes
from govcounsel.tests.helpers import events

BEIJING = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 20)
pytestmark = pytest.mark.django_db


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, tzinfo=BEIJING)


@pytest.fixture
def records(cast):
    """A hand-made year of person_a (the lawyer) and the colleague at unit_a, 2026."""
    tree = cast.tree
    lawyer = cast.user("lawyer").person
    colleague = cast.colleague_person
    make = factories.dispute
    # Two disputes handled by person_a this year, one resolved before litigation.
    make(tree.unit_a, registered=at(2026, 3, 1), resolved=True, lawyers=(lawyer, colleague))
    make(tree.unit_a, registered=at(2026, 5, 1), outcome="to_litigation", lawyers=(lawyer,))
    # A mediator role at the centre on another organ's dispute.
    make(tree.unit_a2, registered=at(2026, 6, 1), mediators=(lawyer,))
    # Last year's dispute does not count this year.
    make(tree.unit_a, registered=at(2025, 12, 31), resolved=True, lawyers=(lawyer,))
    # A role ended after a duty conflict (002 §9) is not a dispute handled.
    relieved = make(tree.unit_a, registered=at(2026, 7, 1), lawyers=())
    relieved.lawyers.create(person=lawyer, status="relieved")
    # The unit's own dispute resolved without its lawyers.
    make(tree.unit_a, registered=at(2026, 8, 1), resolved=True)
    return lawyer, colleague


@time_machine.travel(TODAY, tick=False)
def test_a_lawyers_figures_are_read_from_the_records_of_the_year(cast, records):
    lawyer, colleague = records
    figures = selectors.person_figures(lawyer, 2026)
    assert figures.disputes_handled == 2
    assert figures.disputes_resolved == 1
    assert figures.mediator_roles == 1
    assert figures.assessment is None  # not kept in the platform: shown as "—", not invented
    assert selectors.person_figures(colleague, 2026).disputes_handled == 1
    assert selectors.person_figures(lawyer, 2025).disputes_handled == 1


@time_machine.travel(TODAY, tick=False)
def test_a_units_figures_are_its_lawyers_summed_and_its_own_resolved_disputes(cast, records):
    figures = selectors.unit_figures(cast.tree.unit_a, 2026)
    assert figures.disputes_handled == 3  # person_a 2 + colleague 1
    assert figures.disputes_resolved == 2
    assert figures.mediator_roles == 1
    # Resolved before litigation in 2026: the shared one and the one without lawyers.
    assert figures.unit_resolved == 2


@time_machine.travel(TODAY, tick=False)
def test_sessions_cases_and_activities_count_when_the_records_exist(cast, records):
    lawyer, _colleague = records
    figures = selectors.person_figures(lawyer, 2026)
    # Read from the centre, the casebook and the activities: none recorded yet.
    assert figures.sessions_held == 0
    assert figures.cases_published == 0
    assert figures.activities == 0


def test_the_rule_in_force_at_the_end_of_the_year_applies(cast):
    old = factories.rule(cast, valid_from=date(2022, 2, 1), valid_to=date(2027, 1, 31))
    new = factories.rule(
        cast, valid_from=date(2027, 2, 1), valid_to=None, unit_quota=3, basis="新办法第十条"
    )
    assert selectors.rule_for(cast.tree.chaoyang, 2026) == old
    assert selectors.rule_for(cast.tree.chaoyang, 2027) == new
    assert selectors.rule_for(cast.tree.chaoyang, 2021) is None
    with pytest.raises(DomainError) as refused:
        services.open_cycle(by=cast.parent_region, region=cast.tree.chaoyang, year=2021)
    assert refused.value.code == "no_rule"
    cycle = services.open_cycle(by=cast.parent_region, region=cast.tree.chaoyang, year=2027)
    assert cycle.rule == new


def test_a_county_without_a_rule_follows_the_city_above_it(cast):
    # The city's own office registered it: written directly, no office of the city is cast.
    city = AwardRule.objects.create(
        region=cast.tree.beijing_city,
        valid_from=date(2022, 2, 1),
        cycle_month=12,
        unit_quota=1,
        individual_quota=1,
        basis=factories.BASIS,
    )
    assert selectors.rule_for(cast.tree.chaoyang, 2026) == city


def test_two_rules_of_one_region_may_not_overlap(cast):
    factories.rule(cast)
    with pytest.raises(DomainError) as refused:
        factories.rule(cast, valid_from=date(2026, 1, 1), valid_to=None)
    assert refused.value.code == "rule_overlaps"


def test_only_the_regions_committee_office_opens_a_cycle(cast):
    factories.rule(cast)
    for role in ("bureau", "own_unit", "other_region"):
        with pytest.raises(NotPermitted):
            services.open_cycle(by=cast.user(role), region=cast.tree.chaoyang, year=2026)
    cycle = services.open_cycle(by=cast.parent_region, region=cast.tree.chaoyang, year=2026)
    assert cycle.status == CycleStatus.OPEN
    assert events("awards.cycle.opened")
    with pytest.raises(DomainError) as twice:
        services.open_cycle(by=cast.parent_region, region=cast.tree.chaoyang, year=2026)
    assert twice.value.code == "cycle_exists"


def test_a_unit_nominates_only_itself_and_its_own_lawyers(cast):
    cycle = factories.cycle(cast, 2026)
    cast.user("lawyer")
    services.nominate(cycle=cycle, by=cast.own_unit, person=cast.tree.person_a)
    with pytest.raises(DomainError) as refused:
        services.nominate(cycle=cycle, by=cast.sibling_unit, unit=cast.tree.unit_a)
    assert refused.value.code == "not_own_unit"
    with pytest.raises(DomainError) as twice:
        services.propose(cycle=cycle, by=cast.bureau, person=cast.tree.person_a)
    assert twice.value.code == "already_candidate"


def test_an_individual_candidate_must_be_a_public_lawyer(cast):
    cycle = factories.cycle(cast, 2026)
    with pytest.raises(DomainError) as refused:
        services.propose(cycle=cycle, by=cast.bureau, person=cast.tree.person_a2)
    assert refused.value.code == "not_a_lawyer"


def test_a_unit_outside_the_region_cannot_be_a_candidate(cast):
    cycle = factories.cycle(cast, 2026)
    with pytest.raises(DomainError) as refused:
        services.propose(cycle=cycle, by=cast.bureau, unit=cast.tree.unit_b)
    assert refused.value.code == "outside_region"


@time_machine.travel(TODAY, tick=False)
def test_the_figures_are_kept_as_they_stood_when_the_list_was_closed(cast, records):
    lawyer, _colleague = records
    cycle = factories.locked(cast, 2026)
    candidate = cycle.candidates.get(person=lawyer)
    assert candidate.is_kept
    assert selectors.figures_of(candidate).disputes_handled == 2
    # The records change afterwards: the basis of the decision does not.
    factories.dispute(cast.tree.unit_a, registered=at(2026, 9, 1), lawyers=(lawyer,))
    candidate.refresh_from_db()
    assert selectors.live_figures(candidate).disputes_handled == 3
    assert selectors.figures_of(candidate).disputes_handled == 2
    with pytest.raises(DomainError) as closed:
        services.propose(cycle=cycle, by=cast.bureau, unit=cast.tree.unit_a2)
    assert closed.value.code == "list_closed"


def test_the_selection_is_refused_over_the_rules_quota(cast):
    cycle = factories.with_candidates(cast, 2026)
    services.propose(cycle=cycle, by=cast.bureau, unit=cast.tree.unit_a2)
    cycle = services.lock_list(cycle=cycle, by=cast.bureau)
    units = list(cycle.candidates.units())
    assert len(units) == 2
    with pytest.raises(DomainError) as refused:
        services.decide(cycle=cycle, by=cast.parent_region, units=units)
    assert refused.value.code == "over_quota"
    assert "名额" in str(refused.value.message)
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.REVIEW
    assert not cycle.candidates.filter(awarded__isnull=False).exists()


def test_only_the_committee_office_decides(cast):
    cycle = factories.locked(cast, 2026)
    with pytest.raises(NotPermitted):
        services.decide(cycle=cycle, by=cast.bureau, units=list(cycle.candidates.units()))


def test_the_decision_is_issued_numbered_and_read_back_unchanged(cast):
    cycle = factories.decided(cast, 2026)
    assert cycle.status == CycleStatus.CLOSED
    document = cycle.decision
    assert isinstance(document, OfficialDocument)
    assert document.kind == "决"
    assert document.number.endswith("号")
    assert "〔2026〕" in document.number
    assert document.title == (
        "关于表彰2026年度公职律师参与行政纠纷化解工作先进单位和先进个人的决定"
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(stored_bytes(document))).paragraphs)
    assert cast.tree.unit_a.name in text
    assert cast.tree.person_a.name in text
    assert document.number in text
    # The download is the stored file, byte for byte.
    again = services.decision_file(cycle=cycle, by=cast.bureau)
    assert again.content == stored_bytes(document)
    assert set(cycle.candidates.values_list("awarded", flat=True)) == {True}
    assert events("awards.cycle.decided")


def test_candidates_not_chosen_are_recorded_as_not_awarded(cast):
    cycle = factories.locked(cast, 2026)
    cycle = services.decide(
        cycle=cycle, by=cast.parent_region, individuals=list(cycle.candidates.individuals())
    )
    assert cycle.candidates.units().get().awarded is False
    assert cycle.candidates.individuals().get().awarded is True


def test_a_lawyer_awarded_in_two_cycles_is_flagged(cast):
    factories.decided(cast, 2025)
    person = cast.tree.person_a
    assert not selectors.is_repeatedly_awarded(person)
    assert person not in selectors.repeatedly_awarded()
    factories.decided(cast, 2026)
    assert selectors.is_repeatedly_awarded(person)
    (flagged,) = selectors.repeatedly_awarded()
    assert flagged == person
    assert flagged.award_count == 2
