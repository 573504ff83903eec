"""Random sequences of actions never reach a state the lifecycle forbids."""

import contextlib

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.certificates import services
from govcounsel.certificates.choices import HELD_CERTIFICATE, OPEN_APPLICATION
from govcounsel.certificates.models import CancellationCase, Certificate, CertificateApplication
from govcounsel.core.errors import DomainError
from govcounsel.core.testing import ROLES, Cast
from govcounsel.people import services as people_services

ACTIONS = [
    "apply",
    "review_pass",
    "review_return",
    "submit",
    "approve",
    "reject",
    "withdraw",
    "suspend",
    "reinstate",
    "cancel",
    "retire",
    "complete_case",
]
# Every role of the cast but the certified lawyers (their certification would be a step of
# its own) and the anonymous visitor, who reaches no service; and the applicant's own account.
ACTORS = [role for role in ROLES if role not in {"lawyer", "colleague", "anonymous"}] + [
    "applicant"
]
FINAL_APPLICATION = {"approved", "rejected", "returned", "withdrawn"}


def _act(users, person, action, actor):
    user = users[actor]
    application = CertificateApplication.objects.filter(person=person).order_by("-id").first()
    certificate = Certificate.objects.filter(person=person).order_by("-id").first()
    case = CancellationCase.objects.open().filter(certificate__person=person).first()
    calls = {
        "apply": lambda: services.apply(person=person, by=user),
        "review_pass": lambda: services.review(application=application, by=user, passed=True),
        "review_return": lambda: services.review(
            application=application, by=user, passed=False, note="退回"
        ),
        "submit": lambda: services.submit(application=application, by=user),
        "approve": lambda: services.approve(application=application, by=user),
        "reject": lambda: services.reject(application=application, by=user, note="不符合"),
        "withdraw": lambda: services.withdraw(application=application, by=user),
        "suspend": lambda: services.suspend(certificate=certificate, by=user, note="暂停"),
        "reinstate": lambda: services.reinstate(certificate=certificate, by=user),
        "cancel": lambda: services.cancel(certificate=certificate, by=user, note="注销"),
        "retire": lambda: people_services.update_person(
            person=person, by=user, employment_status="retired", employment_status_date="2026-11-01"
        ),
        "complete_case": lambda: services.complete_case(case=case, by=user),
    }
    needs = {"apply": True, "retire": True, "complete_case": case}
    target = needs.get(action, application if action in ACTIONS[1:7] else certificate)
    if target is None:
        return
    with contextlib.suppress(DomainError, PermissionError):
        calls[action]()


def _snapshot(person):
    return (
        {a.pk: a.status for a in CertificateApplication.objects.filter(person=person)},
        {c.pk: c.status for c in Certificate.objects.filter(person=person)},
    )


@pytest.fixture
def users(tree, certify, eligible):
    """The accounts of ACTORS, made once for all the examples (each is rolled back)."""
    cast = Cast(tree, certify)
    made = {role: cast.user(role) for role in ACTORS if role != "applicant"}
    made["applicant"] = user_with(Role.PUBLIC_LAWYER, person=eligible, username="applicant")
    return made


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.sampled_from(ACTORS)), min_size=1, max_size=14
    )
)
def test_random_action_sequences_keep_the_lifecycle(users, eligible, steps):
    with transaction.atomic():
        before_apps, before_certs = _snapshot(eligible)
        for action, actor in steps:
            _act(users, eligible, action, actor)
            apps, certs = _snapshot(eligible)
            assert sum(status in OPEN_APPLICATION for status in apps.values()) <= 1
            assert sum(status in HELD_CERTIFICATE for status in certs.values()) <= 1
            for pk, status in before_apps.items():
                if status in FINAL_APPLICATION:
                    assert apps[pk] == status, "a decided application never changes"
            for pk, status in before_certs.items():
                if status == "cancelled":
                    assert certs[pk] == "cancelled", "a cancelled certificate stays cancelled"
            for certificate in Certificate.objects.filter(person=eligible).select_related(
                "application"
            ):
                assert certificate.application.status == "approved"
            assert (
                Certificate.objects.filter(person=eligible).values("serial").distinct().count() <= 1
            )
            before_apps, before_certs = apps, certs
        transaction.set_rollback(True)
