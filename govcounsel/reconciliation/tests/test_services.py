"""The centre's rules as the measure says them (002 §10, §20)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from govcounsel.core.errors import DomainError
from govcounsel.disputes.choices import AssignmentStatus
from govcounsel.disputes.models import DisputeLawyer
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.tests.helpers import events

from .. import selectors, services
from ..choices import Exclusion, MediatorStatus, NominationStatus
from ..models import MediatorAssignment, Nomination
from .factories import dispute_of, office_user, rule_for


def _lawyer(unit, certify, name):
    # The pool fixture gave the clerk the pool's units.
    person = PersonFactory(name=name, unit=unit)
    certify(person)
    return person


# --- rules in force ---------------------------------------------------------------------------


def test_the_rule_holds_only_within_the_measures_period(pool, tree):
    assert selectors.rule_in_force(tree.chaoyang, date(2022, 1, 31)) is None
    assert selectors.rule_in_force(tree.chaoyang, date(2022, 2, 1)) == pool.rule
    assert selectors.rule_in_force(tree.chaoyang, date(2027, 1, 31)) == pool.rule
    assert selectors.rule_in_force(tree.chaoyang, date(2027, 2, 1)) is None


def test_a_region_below_takes_the_nearest_rule_above(pool, tree):
    assert selectors.rule_in_force(tree.haidian, date(2024, 5, 1)) is None
    city_rule = rule_for(tree.beijing_city, _centre_above(tree))
    assert selectors.rule_in_force(tree.haidian, date(2024, 5, 1)) == city_rule
    assert selectors.rule_in_force(tree.chaoyang, date(2024, 5, 1)) == pool.rule


def _centre_above(tree):
    from .factories import centre_user

    return centre_user(tree.beijing_city, "city_centre")


def test_a_retired_rule_no_longer_applies_from_its_end(pool, tree):
    services.retire_rule(
        rule=pool.rule, by=pool.centre, retired_on=date(2024, 1, 1), reason="被新办法取代"
    )
    assert selectors.rule_in_force(tree.chaoyang, date(2023, 12, 31)) == pool.rule
    assert selectors.rule_in_force(tree.chaoyang, date(2024, 1, 1)) is None
    assert events("reconciliation.rule.retired")


# --- nominations ------------------------------------------------------------------------------


def test_a_third_nomination_in_a_year_is_refused_and_next_year_is_allowed(pool, certify):
    second = _lawyer(pool.unit_m1, certify, "丙调解")
    third = _lawyer(pool.unit_m1, certify, "丁调解")
    today = timezone.localdate()
    services.nominate(unit=pool.unit_m1, person=second, by=pool.office_m1)
    with pytest.raises(DomainError) as refused:
        services.nominate(unit=pool.unit_m1, person=third, by=pool.office_m1)
    assert refused.value.code == "quota_reached"
    next_year = date(today.year + 1, 3, 1)
    if next_year <= pool.rule.valid_to:
        services.nominate(unit=pool.unit_m1, person=third, by=pool.office_m1, starts_on=next_year)


def test_an_ended_nomination_frees_its_place(pool, certify):
    second = _lawyer(pool.unit_m1, certify, "丙调解")
    third = _lawyer(pool.unit_m1, certify, "丁调解")
    services.nominate(unit=pool.unit_m1, person=second, by=pool.office_m1)
    first = pool.m1.mediator_nominations.get()
    services.end_nomination(nomination=first, by=pool.office_m1, reason="调离本单位")
    services.nominate(unit=pool.unit_m1, person=third, by=pool.office_m1)


def test_only_a_valid_certificate_holder_of_the_unit_may_be_nominated(pool, tree):
    stranger = PersonFactory(name="无证人员", unit=pool.unit_m1)
    with pytest.raises(DomainError) as refused:
        services.nominate(unit=pool.unit_m1, person=stranger, by=pool.office_m1)
    assert refused.value.code == "not_a_public_lawyer"


def test_another_units_office_may_not_nominate(pool):
    from govcounsel.core.errors import NotPermitted

    with pytest.raises(NotPermitted):
        services.nominate(unit=pool.unit_m1, person=pool.m1, by=pool.office_m2)


def test_renewal_starts_after_the_term_and_marks_the_old_one(pool):
    first = pool.m1.mediator_nominations.get()
    # A term ending well inside the measure's period, so that the next one fits in it.
    first.ends_on = timezone.localdate() + timedelta(days=5)
    first.save()
    renewal = services.renew(nomination=first, by=pool.office_m1)
    first.refresh_from_db()
    assert first.status == NominationStatus.RENEWED
    assert renewal.starts_on == first.ends_on + timedelta(days=1)
    assert renewal.renewed_from == first


# --- eligibility, one reason at a time ----------------------------------------------------------


def _reasons(dispute, rule, person):
    (row,) = [r for r in selectors.eligibility(dispute, rule) if r.person == person]
    return row.reasons


def test_both_market_regulation_nominees_are_eligible(pool, tree):
    dispute = dispute_of(tree.unit_a)
    assert _reasons(dispute, pool.rule, pool.m1) == []
    assert _reasons(dispute, pool.rule, pool.m2) == []


def test_a_nominee_of_another_business_system_is_excluded(pool, tree, certify):
    certify(tree.person_a2)
    services.nominate(
        unit=tree.unit_a2, person=tree.person_a2, by=office_user(tree.unit_a2, "office_a2")
    )
    dispute = dispute_of(tree.unit_a)
    assert _reasons(dispute, pool.rule, tree.person_a2) == [Exclusion.OTHER_SECTOR]


def test_the_respondent_organs_own_staff_are_excluded(pool, tree, certify):
    certify(tree.person_a)
    services.nominate(unit=tree.unit_a, person=tree.person_a, by=office_user(tree.unit_a, "oa"))
    dispute = dispute_of(tree.unit_a)
    assert _reasons(dispute, pool.rule, tree.person_a) == [Exclusion.OWN_STAFF]


def test_someone_already_on_the_dispute_is_excluded(pool, tree):
    dispute = dispute_of(tree.unit_a)
    DisputeLawyer.objects.create(dispute=dispute, person=pool.m1)
    assert _reasons(dispute, pool.rule, pool.m1) == [Exclusion.ON_DISPUTE]


def test_a_mediator_at_the_load_cap_is_excluded(pool, tree):
    for n in range(pool.rule.load_cap):
        services.draw_mediators(
            dispute=dispute_of(tree.unit_a, title=f"争议{n}"), by=pool.centre, seed=0
        )
    loaded = {
        p
        for p in (pool.m1, pool.m2)
        if MediatorAssignment.objects.load().filter(person=p).count() >= pool.rule.load_cap
    }
    dispute = dispute_of(tree.unit_a, title="新争议")
    for person in loaded:
        assert _reasons(dispute, pool.rule, person) == [Exclusion.AT_CAP]


def test_an_expired_nomination_is_excluded(pool, tree):
    nomination = pool.m1.mediator_nominations.get()
    nomination.starts_on = timezone.localdate() - timedelta(days=30)
    nomination.ends_on = timezone.localdate() - timedelta(days=1)
    nomination.save()
    dispute = dispute_of(tree.unit_a)
    assert _reasons(dispute, pool.rule, pool.m1) == [Exclusion.EXPIRED]


# --- the draw ---------------------------------------------------------------------------------


def test_the_draw_is_reproducible_from_its_seed(pool, tree):
    draw = services.draw_mediators(dispute=dispute_of(tree.unit_a), by=pool.centre)
    assert draw.candidates == sorted([pool.m1.pk, pool.m2.pk])
    assert services.pick(draw.seed, draw.candidates, draw.wanted) == draw.picked
    assert services.pick(draw.seed, reversed(draw.candidates), draw.wanted) == draw.picked
    verified = services.verify_draw(draw=draw, by=pool.centre)
    assert verified.verified is True
    (event,) = events("reconciliation.draw.verified")
    assert event.data["matches"] is True
    (lawyer,) = DisputeLawyer.objects.filter(dispute=draw.dispute)
    assert lawyer.mediator
    assert lawyer.person_id == draw.picked[0]


def test_only_the_centre_draws(pool, tree):
    from govcounsel.core.errors import NotPermitted

    with pytest.raises(NotPermitted):
        services.draw_mediators(dispute=dispute_of(tree.unit_a), by=pool.office_m1)


def test_a_dispute_not_yet_qualified_is_refused(pool, tree):
    with pytest.raises(DomainError) as refused:
        services.draw_mediators(
            dispute=dispute_of(tree.unit_a, status="registered"), by=pool.centre
        )
    assert refused.value.code == "dispute_not_worked"


def test_a_recused_mediator_is_relieved_and_the_redraw_excludes_them(pool, tree):
    draw = services.draw_mediators(dispute=dispute_of(tree.unit_a), by=pool.centre)
    first = draw.assignments.get()
    services.withdraw_mediator(
        assignment=first, by=pool.centre, kind=MediatorStatus.RECUSED, reason="与当事人系亲属"
    )
    first.refresh_from_db()
    first.lawyer.refresh_from_db()
    assert first.status == MediatorStatus.RECUSED
    assert first.lawyer.status == AssignmentStatus.RELIEVED
    redraw = draw.dispute.mediator_draws.exclude(pk=draw.pk).get()
    assert first.person_id not in redraw.candidates
    assert redraw.rule == draw.rule
    (other,) = redraw.picked
    assert other != first.person_id


def test_with_nobody_eligible_the_draw_is_refused_with_each_reason(pool, tree):
    dispute = dispute_of(tree.unit_a)
    for person in (pool.m1, pool.m2):
        DisputeLawyer.objects.create(dispute=dispute, person=person)
    with pytest.raises(DomainError) as refused:
        services.draw_mediators(dispute=dispute, by=pool.centre)
    assert refused.value.code == "no_eligible_mediator"
    assert len(refused.value.reasons) == 2


# --- sessions ---------------------------------------------------------------------------------


def _session(pool, dispute, person, start):
    return services.schedule_session(
        dispute=dispute,
        by=pool.centre,
        place="和解中心第一调解室",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        mediators=[person],
    )


def test_a_mediators_double_booking_is_refused(pool, tree):
    pool.rule.mediators_per_dispute = 2
    pool.rule.save()
    one = services.draw_mediators(dispute=dispute_of(tree.unit_a, title="甲"), by=pool.centre)
    two = services.draw_mediators(dispute=dispute_of(tree.unit_a, title="乙"), by=pool.centre)
    shared = set(one.picked) & set(two.picked)
    person = type(pool.m1).objects.get(pk=next(iter(shared)))
    start = timezone.now() + timedelta(days=1)
    _session(pool, one.dispute, person, start)
    with pytest.raises(DomainError) as refused:
        _session(pool, two.dispute, person, start + timedelta(hours=1))
    assert refused.value.code == "double_booked"
    _session(pool, two.dispute, person, start + timedelta(hours=2))  # back to back is fine


def test_a_held_session_counts_in_the_ledger(pool, tree):
    draw = services.draw_mediators(dispute=dispute_of(tree.unit_a), by=pool.centre)
    person = draw.assignments.get().person
    session = _session(pool, draw.dispute, person, timezone.now() - timedelta(hours=3))
    services.hold_session(session=session, by=pool.centre, note="双方达成和解意向")
    year = timezone.localdate().year
    from govcounsel.organisations.models import Unit

    lines = {
        u.pk: u
        for u in selectors.with_ledger(
            Unit.objects.filter(pk__in=[pool.unit_m1.pk, pool.unit_m2.pk, tree.unit_a.pk]), year
        )
    }
    nominee_unit = draw.assignments.get().nomination.unit_id
    assert lines[nominee_unit].sessions_held == 1
    assert lines[nominee_unit].mediators == 1
    assert lines[tree.unit_a.pk].disputes_received == 1


# --- the due date -----------------------------------------------------------------------------


def test_on_the_due_date_organs_without_a_nomination_are_told(pool, tree):
    from govcounsel.core.models import Notification

    from ..tasks import remind_missing

    office_a = office_user(tree.unit_a, "office_a")
    due = pool.rule.due_on(timezone.localdate().year)
    with time_machine.travel(due, tick=False):
        told = remind_missing(due)
    assert told["told"] >= 1
    assert Notification.objects.filter(recipient=office_a).exists()
    assert Notification.objects.filter(recipient=pool.centre).exists()
    assert not Notification.objects.filter(recipient=pool.office_m1).exists()


def test_a_renewal_in_the_same_year_takes_the_place_of_the_term_it_follows(pool):
    first = pool.m1.mediator_nominations.get()
    # A term ending before the year does, so that the renewal starts in the same year.
    first.ends_on = max(first.starts_on, date(first.year, 12, 30))
    first.save()
    renewal = services.renew(nomination=first, by=pool.office_m1)
    assert renewal.year == first.year
    assert list(Nomination.objects.filter(unit=pool.unit_m1, year=first.year).counting()) == [
        renewal
    ]
    # Ending the renewal frees the person's place: they may be nominated again.
    services.end_nomination(nomination=renewal, by=pool.office_m1, reason="调离")
    again = services.nominate(unit=pool.unit_m1, person=pool.m1, by=pool.office_m1)
    assert again.is_active
