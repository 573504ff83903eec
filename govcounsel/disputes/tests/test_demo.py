import random

from govcounsel.disputes.choices import DisputeStatus, Outcome
from govcounsel.disputes.models import Dispute, DutyConflict


def test_the_liaocheng_demo_has_disputes_in_every_state(db):
    from govcounsel.accounts.models import User
    from govcounsel.demo.disputes import seed_disputes
    from govcounsel.demo.liaocheng import seed_liaocheng

    # The base demo's loader account, which certifies the Liaocheng lawyers.
    User.objects.get_or_create(username="history_loader")
    rng = random.Random(7)
    seed_liaocheng(rng)
    seed_disputes(rng)
    assert Dispute.objects.count() >= 25
    assert set(Dispute.objects.values_list("status", flat=True)) == set(DisputeStatus.values)
    closed = set(Dispute.objects.exclude(outcome="").values_list("outcome", flat=True))
    assert closed == set(Outcome.values)
    assert Dispute.objects.filter(registered_by_centre=True).count() >= 3
    assert Dispute.objects.clock_overdue().exists()
    assert DutyConflict.objects.filter(decision="").count() == 1
