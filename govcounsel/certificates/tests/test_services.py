from datetime import date

import pytest

from govcounsel.certificates import services
from govcounsel.certificates.choices import ApplicationStatus, CaseStatus, CertificateStatus
from govcounsel.certificates.models import CancellationCase, Certificate
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.people import services as people_services
from govcounsel.tests.helpers import events


def test_apply_review_submit_approve_issues_a_numbered_certificate(cast, eligible, tree):
    application = services.apply(person=eligible, by=cast.applicant, statement="申请执业")
    assert application.status == ApplicationStatus.APPLIED
    services.review(application=application, by=cast.office, passed=True, note="同意")
    services.submit(application=application, by=cast.office)
    certificate = services.approve(application=application, by=cast.bureau, note="准予颁证")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert certificate.status == CertificateStatus.ACTIVE
    assert (
        certificate.number
        == f"1110520266{'0' if eligible.sex == 'M' else '1'}{certificate.serial:06d}"
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
        services.apply(person=person, by=cast.sibling_office)
    assert refused.value.code == "ineligible"
    assert refused.value.details["unmet"] == [
        "该人员未取得法律职业资格或律师资格。",
        "该人员未专门从事法律事务工作。",
    ]


def test_eligibility_is_checked_again_on_approval(cast, eligible):
    application = services.apply(person=eligible, by=cast.office)
    services.review(application=application, by=cast.office, passed=True)
    services.submit(application=application, by=cast.office)
    eligible.full_time_legal = False
    eligible.save()
    with pytest.raises(DomainError, match="未专门从事法律事务工作"):
        services.approve(application=application, by=cast.bureau)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not Certificate.objects.exists()


def test_one_open_application_per_person(cast, eligible):
    services.apply(person=eligible, by=cast.office)
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
        ("review", "sibling_office"),
        ("review", "bureau"),
        ("approve", "office"),
        ("approve", "other_bureau"),
        ("approve", "supervisor"),
    ],
)
def test_each_step_belongs_to_its_role_and_scope(cast, eligible, step, actor):
    application = services.apply(person=eligible, by=cast.office)
    if step == "approve":
        services.review(application=application, by=cast.office, passed=True)
        services.submit(application=application, by=cast.office)

    def act():
        if step == "review":
            return services.review(application=application, by=getattr(cast, actor), passed=True)
        return services.approve(application=application, by=getattr(cast, actor))

    with pytest.raises(NotPermitted):
        act()


def test_steps_out_of_order_are_refused(cast, eligible):
    application = services.apply(person=eligible, by=cast.office)
    with pytest.raises(DomainError) as refused:
        services.approve(application=application, by=cast.bureau)
    assert refused.value.code == "invalid_transition"
    assert "待单位审核" in str(refused.value.message)


def test_returning_and_rejecting_need_a_reason(cast, eligible):
    application = services.apply(person=eligible, by=cast.office)
    with pytest.raises(DomainError) as refused:
        services.review(application=application, by=cast.office, passed=False, note=" ")
    assert refused.value.code == "reason_required"
    services.review(application=application, by=cast.office, passed=False, note="材料不全")
    again = services.apply(person=eligible, by=cast.office)  # returned: may apply again
    services.review(application=again, by=cast.office, passed=True)
    services.submit(application=again, by=cast.office)
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
        services.suspend(certificate=certificate, by=cast.office, note="违纪")
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
    certificate = issue()
    services.backdate_issue(certificate, date(2024, 1, 15))
    people_services.update_person(
        person=eligible,
        by=cast.office,
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
        by=cast.office,
        employment_status="left",
        employment_status_date=date(2026, 9, 30),
    )
    case = CancellationCase.objects.get()
    services.record_recovery(case=case, by=cast.office)
    with pytest.raises(NotPermitted):
        services.complete_case(case=case, by=cast.office)
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
        by=cast.office,
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

    certificate = issue()
    services.backdate_issue(certificate, date(2024, 1, 1))
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
