"""Two justice-bureau officers approve the same application at the same moment."""

import threading

import pytest
from django.db import connection

from govcounsel.certificates import services
from govcounsel.certificates.models import Certificate
from govcounsel.core.errors import DomainError


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_approvals_issue_exactly_one_certificate(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    services.review(application=application, by=cast.own_unit, passed=True)
    services.submit(application=application, by=cast.own_unit)

    bureau = cast.bureau  # made now: the cast makes accounts on first use
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def approve():
        try:
            barrier.wait()
            outcomes.append(services.approve(application=application, by=bureau))
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(type(o).__name__ for o in outcomes) == ["Certificate", "str"]
    assert "invalid_transition" in outcomes
    assert Certificate.objects.filter(person=eligible).count() == 1
