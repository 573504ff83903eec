from dataclasses import dataclass
from datetime import date

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.tests.factories import QualificationFactory

ISSUED_ON = date(2024, 1, 15)


@dataclass
class Cast:
    office: object  # unit_a's rule-of-law office
    sibling_office: object  # unit_a2's
    bureau: object  # Chaoyang justice bureau
    other_bureau: object  # Chenggu justice bureau
    supervisor: object  # Chaoyang rule-of-law committee office
    applicant: object  # person_a's own account


@pytest.fixture
def eligible(tree):
    """person_a made eligible: qualified, full time on legal affairs, a civil servant in post."""
    person = tree.person_a
    person.full_time_legal = True
    person.save()
    QualificationFactory(person=person)
    return person


@pytest.fixture
def cast(tree, eligible):
    return Cast(
        office=user_with(Role.UNIT_ADMIN, tree.unit_a, username="office"),
        sibling_office=user_with(Role.UNIT_ADMIN, tree.unit_a2, username="sibling_office"),
        bureau=user_with(Role.JUSTICE_BUREAU, tree.chaoyang, username="bureau"),
        other_bureau=user_with(Role.JUSTICE_BUREAU, tree.chenggu, username="other_bureau"),
        supervisor=user_with(Role.SUPERVISOR, tree.chaoyang, username="supervisor"),
        applicant=user_with(Role.PUBLIC_LAWYER, person=eligible, username="applicant"),
    )


@pytest.fixture
def issue(cast):
    """Take an application for the eligible person all the way to a certificate, issued on
    a fixed day in the past, so that the HR-event dates the tests use come after it."""
    from govcounsel.certificates import services

    def run(person=None, issued_on=ISSUED_ON):
        application = services.apply(person=person or cast.applicant.person, by=cast.office)
        services.review(application=application, by=cast.office, passed=True)
        services.submit(application=application, by=cast.office)
        return services.approve(application=application, by=cast.bureau, issued_on=issued_on)

    return run
