"""The centre's part of the dispute page: the way to assign mediators, for the centre, while
the dispute is worked, and the dispute's sessions (002 §10)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from govcounsel.disputes.choices import DisputeStatus

from . import scenarios
from .factories import dispute_of


def test_the_centre_is_offered_the_assignment_of_a_qualified_dispute(cast):
    dispute = dispute_of(cast.tree.unit_a)
    html = cast.page("reconciliation").get(dispute.get_absolute_url()).content.decode()
    assert 'data-testid="centre-assign"' in html
    assert f'href="/reconciliation/disputes/{dispute.pk}/"' in html
    office = cast.page("own_unit").get(dispute.get_absolute_url()).content.decode()
    assert 'data-testid="centre-assign"' not in office


def test_a_registered_dispute_offers_no_assignment(cast):
    dispute = dispute_of(cast.tree.unit_a, status=DisputeStatus.REGISTERED)
    html = cast.page("reconciliation").get(dispute.get_absolute_url()).content.decode()
    assert 'data-testid="centre-assign"' not in html


def test_the_dispute_page_lists_its_sessions_in_one_query(cast):
    first = scenarios.session(cast)
    client = cast.page("own_unit")
    url = first.dispute.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        html = client.get(url).content.decode()
    assert 'data-testid="sessions"' in html
    assert first.get_absolute_url() in html
    assert first.place in html
    first.pk = None
    first.save()  # a second session of the dispute costs no query more
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    assert len(two) == len(one)
