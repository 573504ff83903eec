from datetime import date

import pytest
from django.utils import timezone

from govcounsel.certificates import services
from govcounsel.certificates.choices import ApplicationStatus, CaseStatus, CertificateStatus
from govcounsel.certificates.models import CancellationCase, Certificate
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.people import services as people_services
from govcounsel.tests.helpers import events


def test_apply_review_submit_approve_issues_a_numbered_certificate(cast, eligible, tree):
    application = services.apply(person=eligible, by=cast.applicant, statement="申请执业")
    assert application.status == ApplicationStatus.APPLIED
    services.review(application=application, by=cast.own_unit, passed=True, note="同意")
    services.submit(application=application, by=cast.own_unit)
    certificate = services.approve(application=application, by=cast.bureau, note="准予颁证")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert certificate.status == CertificateStatus.ACTIVE
    year = timezone.localdate().year  # issued today: today's year is the first-approval year
    assert (
        certificate.number
        == f"11105{year}6{'0' if eligible.sex == 'M' else '1'}{certificate.serial:06d}"
    )
    assert [s.action for s in application.steps.all()] == [
        "applied",
        "reviewed",
        "submitted",
        "approved",
    ]
    assert [s.actor for s in application.steps.all()][-1] == cast.bureau
    assert len(events("certificates.certificate.issued")) == 1


def test_serials_are_handed_out_in_order(cast, issue, tree):
    from govcounsel.people.tests.factories import PersonFactory, QualificationFactory

    first = issue()
    other = PersonFactory(unit=tree.unit_a, full_time_legal=True)
    QualificationFactory(person=other)
    assert issue(other).serial == first.serial + 1


def test_refusal_lists_every_unmet_condition(cast, tree):
    person = tree.person_a2  # not qualified, not full time on legal affairs
    with pytest.raises(DomainError) as refused:
        services.apply(person=person, by=cast.sibling_unit)
    assert refused.value.code == "ineligible"
    assert refused.value.details["unmet"] == [
        "该人员未取得法律职业资格或律师资格。",
        "该人员未专门从事法律事务工作。",
    ]


def test_eligibility_is_checked_again_on_approval(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    services.review(application=application, by=cast.own_unit, passed=True)
    services.submit(application=application, by=cast.own_unit)
    eligible.full_time_legal = False
    eligible.save()
    with pytest.raises(DomainError, match="未专门从事法律事务工作"):
        services.approve(application=application, by=cast.bureau)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not Certificate.objects.exists()


def test_one_open_application_per_person(cast, eligible):
    services.apply(person=eligible, by=cast.own_unit)
    with pytest.raises(DomainError) as refused:
        services.apply(person=eligible, by=cast.applicant)
    assert refused.value.code == "application_open"


def test_database_allows_one_open_application_and_one_held_certificate(cast, eligible, issue):
    from django.db import IntegrityError, transaction

    from govcounsel.certificates.models import CertificateApplication

    CertificateApplication.objects.create(person=eligible, unit=eligible.unit)
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateApplication.objects.create(person=eligible, unit=eligible.unit)


@pytest.mark.parametrize(
    ("step", "actor"),
    [
        ("review", "sibling_unit"),
        ("review", "bureau"),
        ("approve", "own_unit"),
        ("approve", "other_region"),
        ("approve", "parent_region"),
    ],
)
def test_each_step_belongs_to_its_role_and_scope(cast, eligible, step, actor):
    application = services.apply(person=eligible, by=cast.own_unit)
    if step == "approve":
        services.review(application=application, by=cast.own_unit, passed=True)
        services.submit(application=application, by=cast.own_unit)

    def act():
        if step == "review":
            return services.review(application=application, by=getattr(cast, actor), passed=True)
        return services.approve(application=application, by=getattr(cast, actor))

    with pytest.raises(NotPermitted):
        act()


def test_steps_out_of_order_are_refused(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    with pytest.raises(DomainError) as refused:
        services.approve(application=application, by=cast.bureau)
    assert refused.value.code == "invalid_transition"
    assert "待单位审核" in str(refused.value.message)


def test_returning_and_rejecting_need_a_reason(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    with pytest.raises(DomainError) as refused:
        services.review(application=application, by=cast.own_unit, passed=False, note=" ")
    assert refused.value.code == "reason_required"
    services.review(application=application, by=cast.own_unit, passed=False, note="材料不全")
    again = services.apply(person=eligible, by=cast.own_unit)  # returned: may apply again
    services.review(application=again, by=cast.own_unit, passed=True)
    services.submit(application=again, by=cast.own_unit)
    with pytest.raises(DomainError):
        services.reject(application=again, by=cast.bureau, note="")
    rejected = services.reject(application=again, by=cast.bureau, note="资格证书信息有误")
    assert rejected.status == ApplicationStatus.REJECTED
    assert rejected.steps.last().note == "资格证书信息有误"


def test_applicant_or_unit_withdraws(cast, eligible):
    application = services.apply(person=eligible, by=cast.applicant)
    with pytest.raises(NotPermitted):
        services.withdraw(application=application, by=cast.bureau)
    assert (
        services.withdraw(application=application, by=cast.applicant).status
        == ApplicationStatus.WITHDRAWN
    )


def test_suspend_reinstate_cancel(cast, issue):
    certificate = issue()
    with pytest.raises(NotPermitted):
        services.suspend(certificate=certificate, by=cast.own_unit, note="违纪")
    services.suspend(certificate=certificate, by=cast.bureau, note="违纪调查期间")
    with pytest.raises(DomainError):
        services.suspend(certificate=certificate, by=cast.bureau, note="再次")
    services.reinstate(certificate=certificate, by=cast.bureau, note="调查结束")
    cancelled = services.cancel(
        certificate=certificate, by=cast.bureau, note="本人申请", on=date(2026, 11, 1)
    )
    assert cancelled.status == CertificateStatus.CANCELLED
    assert cancelled.ended_on == date(2026, 11, 1)
    assert [s.action for s in cancelled.steps.all()] == [
        "issued",
        "suspended",
        "reinstated",
        "cancelled",
    ]


def test_retirement_opens_a_cancellation_case_at_once(cast, issue, eligible):
    certificate = issue(issued_on=date(2024, 1, 15))
    people_services.update_person(
        person=eligible,
        by=cast.own_unit,
        employment_status="retired",
        employment_status_date=date(2026, 10, 31),
    )
    certificate.refresh_from_db()
    assert certificate.ended_on == date(2026, 10, 31)
    assert certificate.status == CertificateStatus.ACTIVE  # until the bureau files the cancellation
    assert not Certificate.objects.active_on(date(2026, 11, 1)).filter(pk=certificate.pk).exists()
    assert Certificate.objects.active_on(date(2026, 10, 30)).filter(pk=certificate.pk).exists()
    (case,) = CancellationCase.objects.all()
    assert (case.reason, case.status, case.event_on) == (
        "retired",
        CaseStatus.OPEN,
        date(2026, 10, 31),
    )


def test_recovery_then_completion_cancels_on_the_event_day(cast, issue, eligible):
    certificate = issue()
    people_services.update_person(
        person=eligible,
        by=cast.own_unit,
        employment_status="left",
        employment_status_date=date(2026, 9, 30),
    )
    case = CancellationCase.objects.get()
    services.record_recovery(case=case, by=cast.own_unit)
    with pytest.raises(NotPermitted):
        services.complete_case(case=case, by=cast.own_unit)
    services.complete_case(case=case, by=cast.bureau)
    case.refresh_from_db()
    certificate.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert (certificate.status, certificate.ended_on) == (
        CertificateStatus.CANCELLED,
        date(2026, 9, 30),
    )


def test_transfer_ends_the_certificate_and_a_new_one_keeps_the_serial(cast, issue, eligible, tree):
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.tests.factories import user_with

    first = issue()
    bureau_over_both = user_with(Role.JUSTICE_BUREAU, tree.beijing_city)
    people_services.update_person(person=eligible, by=bureau_over_both, unit=tree.unit_b)
    case = CancellationCase.objects.get()
    assert case.reason == "transferred"
    new_office = user_with(Role.UNIT_ADMIN, tree.unit_b)
    application = services.apply(person=eligible, by=new_office)
    services.review(application=application, by=new_office, passed=True)
    services.submit(application=application, by=new_office)
    with pytest.raises(DomainError) as refused:
        services.approve(application=application, by=bureau_over_both)
    assert refused.value.code == "previous_certificate_held"
    services.complete_case(case=case, by=bureau_over_both)
    second = services.approve(application=application, by=bureau_over_both)
    assert (second.serial, second.first_approved_year) == (first.serial, first.first_approved_year)
    assert second.unit == tree.unit_b
    assert second.number[3:5] == "08"  # Haidian's district code


def test_overdue_after_the_configured_days(cast, issue, eligible, settings):
    from datetime import timedelta

    from django.utils import timezone

    issue()
    people_services.update_person(
        person=eligible,
        by=cast.own_unit,
        employment_status="retired",
        employment_status_date=date(2026, 10, 1),
    )
    case = CancellationCase.objects.get()
    assert case.due_on == timezone.localdate() + timedelta(days=settings.CANCELLATION_DUE_DAYS)
    assert not CancellationCase.objects.overdue().exists()
    later = timezone.localdate() + timedelta(days=settings.CANCELLATION_DUE_DAYS + 1)
    assert list(CancellationCase.objects.overdue(today=later)) == [case]


def test_active_periods_follow_suspension_and_cancellation(cast, issue):
    from datetime import timedelta

    from django.utils import timezone

    from govcounsel.certificates.models import ActivePeriod

    certificate = issue(issued_on=date(2024, 1, 1))
    services.suspend(certificate=certificate, by=cast.bureau, note="调查")
    today = timezone.localdate()
    active = lambda day: Certificate.objects.active_on(day).filter(pk=certificate.pk).exists()  # noqa: E731
    assert active(today - timedelta(days=1))
    assert not active(today)
    services.reinstate(certificate=certificate, by=cast.bureau)
    assert active(today)
    assert active(date(2024, 6, 1))
    assert not active(date(2023, 12, 31))
    services.cancel(
        certificate=certificate, by=cast.bureau, note="注销", on=today + timedelta(days=10)
    )
    assert active(today + timedelta(days=9))
    assert not active(today + timedelta(days=10))
    assert not ActivePeriod.objects.filter(certificate=certificate, ended_on__isnull=True).exists()


# --- first-approval year and contradictory dates ------------------------------------------


def _through_to_bureau(cast, person):
    application = services.apply(person=person, by=cast.own_unit)
    services.review(application=application, by=cast.own_unit, passed=True)
    services.submit(application=application, by=cast.own_unit)
    return application


def test_certificate_entered_with_earlier_issue_date_gets_that_year(cast, eligible):
    from govcounsel.certificates import numbering

    certificate = services.approve(
        application=_through_to_bureau(cast, eligible), by=cast.bureau, issued_on=date(2023, 6, 15)
    )
    certificate.refresh_from_db()
    assert certificate.issued_on == date(2023, 6, 15)
    assert certificate.first_approved_year == 2023
    assert numbering.decode(certificate.number).first_year == 2023
    assert certificate.steps.get(action="issued").effective_on == date(2023, 6, 15)
    assert certificate.periods.get().started_on == date(2023, 6, 15)


def test_reissue_keeps_first_approval_year_and_serial(cast, eligible, tree):
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.tests.factories import user_with

    first = services.approve(
        application=_through_to_bureau(cast, eligible), by=cast.bureau, issued_on=date(2022, 3, 1)
    )
    bureau_over_both = user_with(Role.JUSTICE_BUREAU, tree.beijing_city)
    people_services.update_person(person=eligible, by=bureau_over_both, unit=tree.unit_b)
    services.complete_case(case=CancellationCase.objects.get(), by=bureau_over_both)
    new_office = user_with(Role.UNIT_ADMIN, tree.unit_b)
    application = services.apply(person=eligible, by=new_office)
    services.review(application=application, by=new_office, passed=True)
    services.submit(application=application, by=new_office)
    second = services.approve(application=application, by=bureau_over_both)
    assert second.issued_on == timezone.localdate()
    assert (second.serial, second.first_approved_year) == (first.serial, 2022)
    assert second.number[5:9] == "2022"
    assert second.number[-6:] == first.number[-6:]
    assert second.number[3:5] == "08"  # only the place changed: Haidian


def test_a_reissue_cannot_be_dated_before_the_previous_certificate_ended(cast, eligible):
    first = services.approve(
        application=_through_to_bureau(cast, eligible), by=cast.bureau, issued_on=date(2022, 3, 1)
    )
    services.cancel(certificate=first, by=cast.bureau, note="本人申请", on=date(2024, 1, 1))
    application = _through_to_bureau(cast, eligible)
    with pytest.raises(DomainError) as refused:
        services.approve(application=application, by=cast.bureau, issued_on=date(2023, 1, 1))
    assert refused.value.code == "issue_date_before_previous"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert Certificate.objects.filter(person=eligible).count() == 1


def test_an_issue_date_in_the_future_is_refused(cast, eligible):
    from datetime import timedelta

    application = _through_to_bureau(cast, eligible)
    with pytest.raises(DomainError) as refused:
        services.approve(
            application=application,
            by=cast.bureau,
            issued_on=timezone.localdate() + timedelta(days=1),
        )
    assert refused.value.code == "issue_date_in_future"
    assert not Certificate.objects.exists()


def test_retirement_before_certificate_issue_is_refused(cast, issue, eligible):
    from govcounsel.certificates.models import ActivePeriod
    from govcounsel.people.models import Person

    certificate = issue(issued_on=date(2024, 1, 15))
    with pytest.raises(DomainError) as refused:
        people_services.update_person(
            person=eligible,
            by=cast.own_unit,
            employment_status="retired",
            employment_status_date=date(2023, 12, 31),
        )
    assert refused.value.code == "date_before_issue"
    assert refused.value.field == "employment_status_date"
    assert "2024-01-15" in str(refused.value.message)
    certificate.refresh_from_db()
    assert certificate.ended_on is None
    assert Person.objects.get(pk=eligible.pk).employment_status == "in_post"
    assert not CancellationCase.objects.exists()
    assert ActivePeriod.objects.get(certificate=certificate).ended_on is None


def test_cancellation_dated_before_issue_is_refused(cast, issue):
    certificate = issue(issued_on=date(2024, 1, 15))
    with pytest.raises(DomainError) as refused:
        services.cancel(certificate=certificate, by=cast.bureau, note="注销", on=date(2023, 6, 1))
    assert refused.value.code == "date_before_issue"
    certificate.refresh_from_db()
    assert (certificate.status, certificate.ended_on) == (CertificateStatus.ACTIVE, None)


def test_an_hr_event_ends_every_period_running_after_it(cast, issue, eligible):
    """Suspended later than the retirement day: the closed period is cut back to that day."""
    from govcounsel.certificates.models import ActivePeriod

    certificate = issue(issued_on=date(2024, 1, 15))
    services.suspend(certificate=certificate, by=cast.bureau, note="调查")
    people_services.update_person(
        person=eligible,
        by=cast.own_unit,
        employment_status="retired",
        employment_status_date=date(2025, 6, 30),
    )
    spans = list(
        ActivePeriod.objects.filter(certificate=certificate).values_list("started_on", "ended_on")
    )
    assert spans == [(date(2024, 1, 15), date(2025, 6, 30))]
    assert not Certificate.objects.active_on(date(2025, 7, 1)).filter(pk=certificate.pk).exists()


def test_the_database_refuses_a_certificate_ending_before_its_issue(issue):
    from django.db import IntegrityError, transaction

    certificate = issue(issued_on=date(2024, 1, 15))
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(ended_on=date(2023, 1, 1))
