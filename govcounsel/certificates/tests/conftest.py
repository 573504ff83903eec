from datetime import date

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.tests.factories import QualificationFactory

ISSUED_ON = date(2024, 1, 15)


@pytest.fixture
def eligible(tree):
    """person_a made eligible: qualified, full time on legal affairs, a civil servant in post."""
    person = tree.person_a
    person.full_time_legal = True
    person.save()
    QualificationFactory(person=person)
    return person


@pytest.fixture
def cast(cast, eligible):
    """The one cast (core/testing/cast.py), with the eligible person's own account as
    `applicant`: person_a applies here, so the cast's `lawyer` (person_a certified) is
    not used in these tests."""
    cast.applicant = user_with(Role.PUBLIC_LAWYER, person=eligible, username="applicant")
    return cast


@pytest.fixture
def issue(cast):
    """Take an application for the eligible person all the way to a certificate, issued on
    a fixed day in the past, so that the HR-event dates the tests use come after it."""
    from govcounsel.certificates import services

    def run(person=None, issued_on=ISSUED_ON):
        application = services.apply(person=person or cast.applicant.person, by=cast.own_unit)
        services.review(application=application, by=cast.own_unit, passed=True)
        services.submit(application=application, by=cast.own_unit)
        return services.approve(application=application, by=cast.bureau, issued_on=issued_on)

    return run
