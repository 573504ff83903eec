"""backdate_issue is demo and test support only; the real way in is approve(issued_on=…)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from govcounsel.certificates import services
from govcounsel.certificates.models import Certificate
from govcounsel.core.errors import DomainError
from govcounsel.demo.certificates import backdate_issue


def test_backdating_a_first_certificate_moves_its_number_to_that_year(tree, certify):
    certificate = certify(tree.person_a)
    backdate_issue(certificate, date(2022, 3, 1))
    stored = Certificate.objects.get(pk=certificate.pk)
    assert (stored.first_approved_year, stored.number[5:9]) == (2022, "2022")
    assert (certificate.first_approved_year, certificate.number) == (2022, stored.number)
    assert stored.steps.get(action="issued").effective_on == date(2022, 3, 1)
    assert stored.periods.get().started_on == date(2022, 3, 1)


def test_backdating_the_first_certificate_renumbers_the_reissue_too(tree, clerk, certify):
    first = certify(tree.person_a)
    services.cancel(certificate=first, by=clerk, note="本人申请")
    second = certify(tree.person_a)
    backdate_issue(first, date(2021, 5, 1))
    second.refresh_from_db()
    assert (second.first_approved_year, second.number[5:9]) == (2021, "2021")
    assert second.serial == first.serial


def test_backdating_obeys_the_issue_date_checks_of_approve(tree, certify):
    certificate = certify(tree.person_a)
    with pytest.raises(DomainError) as refused:
        backdate_issue(certificate, timezone.localdate() + timedelta(days=1))
    assert refused.value.code == "issue_date_in_future"
    assert Certificate.objects.get(pk=certificate.pk).issued_on == timezone.localdate()


def test_the_certify_fixture_dates_through_approve(tree, certify):
    certificate = certify(tree.person_a, date(2023, 6, 1))
    assert (certificate.issued_on, certificate.first_approved_year) == (date(2023, 6, 1), 2023)
    assert not hasattr(services, "backdate_issue")
