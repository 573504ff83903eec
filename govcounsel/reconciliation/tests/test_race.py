"""Two centre staff take the last free mediator at once: one wins (PostgreSQL, threads)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection
from django.test import TransactionTestCase

from govcounsel.core.errors import DomainError
from govcounsel.core.testing.tree import build_tree, certifier, make_clerk
from govcounsel.people.tests.factories import PersonFactory

from .. import services
from ..models import MediatorAssignment
from .factories import centre_user, dispute_of, office_user, rule_for


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
class TestLastFreeMediator(TransactionTestCase):
    def test_only_one_of_two_simultaneous_draws_gets_the_last_mediator(self):
        tree = build_tree()
        clerk = make_clerk(tree)
        certify = certifier(clerk)
        from govcounsel.organisations.tests.factories import UnitFactory

        from .conftest import grant_clerk

        unit = UnitFactory(region=tree.chaoyang, sector=tree.unit_a.sector)
        grant_clerk(clerk, unit)
        person = PersonFactory(name="唯一调解员", unit=unit)
        certify(person)
        centre_a = centre_user(tree.chaoyang, "centre_a")
        centre_b = centre_user(tree.chaoyang, "centre_b")
        rule_for(tree.chaoyang, centre_a, load_cap=1, valid_from=date(2022, 2, 1))
        services.nominate(unit=unit, person=person, by=office_user(unit, "office"))
        disputes = [dispute_of(tree.unit_a, title=f"争议{n}") for n in range(2)]
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def take(dispute, by):
            try:
                barrier.wait()
                services.draw_mediators(dispute=dispute, by=by)
                outcomes.append("won")
            except DomainError as refused:
                outcomes.append(refused.code)
            finally:
                connection.close()

        threads = [
            threading.Thread(target=take, args=(disputes[0], centre_a)),
            threading.Thread(target=take, args=(disputes[1], centre_b)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["no_eligible_mediator", "won"]
        assert MediatorAssignment.objects.filter(person=person).count() == 1
