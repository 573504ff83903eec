import random

from govcounsel.accounts.models import User
from govcounsel.activities.models import Activity, Participant
from govcounsel.demo.activities import seed_activities
from govcounsel.demo.liaocheng import seed_liaocheng


def test_the_demo_records_forty_activities_of_every_kind(db):
    # The base's certificates are entered by the demo's loader account (demo/certificates.py).
    User.objects.create(username="history_loader", last_name="历史数据导入", is_active=False)
    rng = random.Random(2)
    seed_liaocheng(rng)
    seed_activities(rng)
    assert Activity.objects.count() == 40
    assert Activity.objects.values("kind").distinct().count() == 12
    assert Activity.objects.filter(recorded_by__username="lawyer_lc").exists()
    assert Participant.objects.values("activity").distinct().count() == 40
    assert Activity.objects.filter(source="office").count() > 20
