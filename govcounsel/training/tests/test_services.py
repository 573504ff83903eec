"""Training rules as the clauses say them: proration and exemptions, attendance only from
the provider, check-in only in the window with the right code, places under a lock, the
sample reproducible from its seed, compliance figures in a fixed number of queries."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import Workbook

from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.people.models import Person
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.training import services
from govcounsel.training.choices import Category, ClaimStatus, SampleOutcome
from govcounsel.training.compliance import months_in_post, prorate, standings
from govcounsel.training.models import ExternalClaim, SampleItem

from . import factories as f

pytestmark = pytest.mark.django_db


def test_a_month_counts_when_the_certificate_was_valid_on_any_day_of_it():
    assert months_in_post(date(2026, 6, 20), None, 2026) == 7
    assert months_in_post(date(2020, 1, 1), None, 2026) == 12
    assert months_in_post(date(2020, 1, 1), date(2026, 4, 1), 2026) == 3  # ended 1 April
    assert months_in_post(date(2020, 1, 1), date(2026, 1, 1), 2026) == 0
    assert months_in_post(date(2027, 1, 5), None, 2026) == 0


def test_the_prorated_minimum_is_rounded_up_so_any_part_year_owes_one_training():
    assert prorate(1, 1) == 1
    assert prorate(24, 7) == 14  # 24 × 7 / 12 = 14
    assert prorate(Decimal("10"), 5) == 5  # 4.17 rounded up
    assert prorate(1, 0) == 0
    assert prorate(None, 12) == 0


def _requirement(cast, **kwargs):
    return services.set_requirement(
        by=cast.bureau,
        region=cast.tree.chaoyang,
        effective_from=date(2020, 1, 1),
        min_trainings=1,
        min_hours=Decimal("24"),
        minimums=[(Category.POLITICAL_THEORY, Decimal("6"), 0)],
        **kwargs,
    )


@time_machine.travel("2026-11-02 10:00 +0800", tick=False)
def test_a_lawyer_certified_mid_year_owes_a_share_and_an_exemption_takes_months_off(cast):
    _requirement(cast)
    newcomer = PersonFactory(name="孙新", unit=cast.tree.unit_a)
    cast.certify(newcomer, issued_on=date(2026, 6, 20))
    on_leave = PersonFactory(name="周假", unit=cast.tree.unit_a)
    cast.certify(on_leave, issued_on=date(2019, 1, 1))
    services.grant_exemption(
        by=cast.association, person=on_leave, year=2026, months=12, reason="长期病假"
    )
    rows = {s.name: s for s in standings(Person.objects.filter(unit=cast.tree.unit_a), 2026)}
    new = rows["孙新"]
    assert (new.months, new.owed_trainings, new.owed_hours) == (7, 1, 14)
    assert new.owed_by_category[Category.POLITICAL_THEORY] == (0, 4)  # 6 × 7/12 = 3.5 → 4
    assert new.behind
    assert "还需参加培训1次" in new.missing
    leave = rows["周假"]
    assert (leave.counted_months, leave.owed_trainings, leave.behind) == (0, 0, False)


@time_machine.travel("2026-11-02 10:00 +0800", tick=False)
def test_attended_courses_and_verified_claims_count_refused_ones_do_not(cast):
    _requirement(cast)
    f.attended(cast)  # 6 hours practice skills
    f.verified_claim(cast, hours="6")  # political theory
    services.refuse_claim(claim=f.claim(cast, hours="40"), by=cast.bureau, reason="无证明")
    (row,) = standings(Person.objects.filter(pk=cast.lawyer.person_id), 2026)
    assert (row.done.trainings, row.done.hours) == (2, Decimal("12"))
    assert row.by_category[Category.POLITICAL_THEORY].hours == Decimal("6")
    # Certified by the cast this November: two months owe ceil(24 × 2/12) = 4 hours.
    assert (row.months, row.owed_hours, row.missing) == (2, 4, [])


def test_a_lawyer_cannot_record_their_own_attendance(cast):
    course = f.enrolled(cast)
    with pytest.raises(NotPermitted):
        services.record_attendance(course=course, by=cast.lawyer, person=cast.lawyer.person)
    assert not course.enrolments.get().attended


def test_check_in_needs_the_right_code_during_the_window(cast):
    course = f.enrolled(cast)
    session = course.sessions.get()
    with pytest.raises(DomainError, match="签到码不正确"):
        services.check_in(course=course, by=cast.lawyer, code="x")
    with pytest.raises(DomainError, match="签到时间"):
        services.check_in(
            course=course,
            by=cast.lawyer,
            code=session.code,
            at=session.ends_at + timedelta(minutes=1),
        )
    with pytest.raises(NotPermitted):
        services.check_in(course=course, by=cast.colleague, code=session.code)
    enrolment = services.check_in(course=course, by=cast.lawyer, code=session.code)
    assert (enrolment.attended, enrolment.source, enrolment.hours) == (True, "check_in", 6)


def test_the_last_place_goes_once(cast):
    course = f.course(cast, capacity=1)
    services.enrol(course=course, by=cast.lawyer)
    with pytest.raises(DomainError, match="名额已满"):
        services.enrol(course=course, by=cast.colleague)


def test_a_lawyer_of_another_unit_cannot_enrol_on_a_unit_course(cast):
    course = f.course(cast)
    stranger = PersonFactory(name="外单位", unit=cast.tree.unit_a2)
    with pytest.raises(DomainError):
        services.enrol(course=course, by=cast.own_unit, person=stranger)


def _sheet(rows):
    book = Workbook()
    book.active.append(["姓名", "执业证号", "学时"])
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_attendance_sheet_with_a_wrong_row_imports_nothing_and_says_where(cast):
    course = f.enrolled(cast)
    number = cast.lawyer.person.certificates.get().number
    plan = services.import_attendance(
        course=course,
        by=cast.own_unit,
        content=_sheet(
            [
                [cast.lawyer.person.name, number, 4],
                ["无名", "12345678901234567", None],
                [cast.lawyer.person.name, number, "x"],
            ]
        ),
    )
    assert [(e.row, e.column) for e in plan.errors] == [(3, "执业证号"), (4, "执业证号")]
    assert not course.enrolments.get().attended
    plan = services.import_attendance(
        course=course, by=cast.own_unit, content=_sheet([[cast.lawyer.person.name, number, 4]])
    )
    assert not plan.errors
    enrolment = course.enrolments.get()
    assert (enrolment.attended, enrolment.hours, enrolment.source) == (True, 4, "sheet")


def test_the_sample_is_drawn_again_the_same_from_its_seed():
    ids = list(range(1, 201))
    first = services.sample_ids(ids, seed=20261123, percent=10)
    assert len(first) == 20
    assert services.sample_ids(reversed(ids), seed=20261123, percent=10) == first
    assert services.sample_ids(ids, seed=1, percent=10) != first


def test_the_sample_takes_every_risky_claim_and_an_overturned_one_no_longer_counts(cast):
    _requirement(cast, risk_hours=Decimal("10"))
    big = f.verified_claim(cast, hours="16")
    small = f.verified_claim(cast, hours="2")
    sample = services.draw_sample(
        region=cast.tree.chaoyang, year=timezone.localdate().year, by=cast.bureau, seed=7
    )
    reasons = {i.claim_id: i.reason for i in sample.items.all()}
    assert reasons[big.pk] == "risk"
    assert set(reasons) <= {big.pk, small.pk}
    item = SampleItem.objects.get(sample=sample, claim=big)
    services.check_item(
        item=item, by=cast.association, outcome=SampleOutcome.OVERTURNED, note="未参加"
    )
    assert ExternalClaim.objects.get(pk=big.pk).status == ClaimStatus.REVOKED


def test_compliance_figures_take_the_same_queries_for_two_lawyers_or_twenty(cast):
    _requirement(cast)
    f.attended(cast)
    people = Person.objects.filter(unit__region=cast.tree.chaoyang)
    with CaptureQueriesContext(connection) as few:
        standings(people, timezone.localdate().year)
    for n in range(18):
        person = PersonFactory(name=f"律师{n}", unit=cast.tree.unit_a)
        cast.certify(person)
    with CaptureQueriesContext(connection) as many:
        rows = standings(people, timezone.localdate().year)
    assert len(rows) >= 19
    assert len(many) == len(few)
