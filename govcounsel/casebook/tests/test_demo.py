"""The Liaocheng demo's typical cases, on top of the base and the disputes demo."""

import random

from govcounsel.casebook.choices import CaseStatus
from govcounsel.casebook.models import Compilation, TypicalCase


def test_the_demo_has_cases_in_every_state_and_a_compilation(db):
    from govcounsel.accounts.models import User
    from govcounsel.demo.casebook import seed_casebook
    from govcounsel.demo.disputes import seed_disputes
    from govcounsel.demo.liaocheng import seed_liaocheng

    # Made by the certificates demo, which runs first in seed_demo.
    User.objects.create(username="history_loader", last_name="历史数据导入", is_active=False)
    seed_liaocheng(random.Random(1))
    seed_disputes(random.Random(2))
    seed_casebook(random.Random(3))
    statuses = sorted(TypicalCase.objects.values_list("status", flat=True))
    assert statuses.count(CaseStatus.PUBLISHED) >= 1
    made = TypicalCase.objects.count()
    if made >= 7:
        assert statuses.count(CaseStatus.PUBLISHED) == 4
        assert CaseStatus.NOMINATED in statuses
        assert CaseStatus.DECLINED in statuses
        assert CaseStatus.WITHDRAWN in statuses
    assert TypicalCase.objects.filter(revisions__number=2).exists()
    compilation = Compilation.objects.get()
    assert compilation.document.issuer_name == "聊城市司法局"
