"""督办 with a fixed clock, across the 2024 Spring Festival holiday (10–17 February,
Sunday 18 February worked)."""

from datetime import date

import pytest
from django.core import mail

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.models import Notification
from govcounsel.matters import services
from govcounsel.matters.models import Matter
from govcounsel.matters.supervision import supervise


@pytest.fixture
def due_after_festival(tree, cast, matter):
    services.assign(matter=matter, by=cast.own_unit, lawyer=tree.person_a)
    cast.lawyer.email = "lawyer@example.cn"
    cast.lawyer.save()
    Matter.objects.filter(pk=matter.pk).update(deadline=date(2024, 2, 19))
    return Matter.objects.get(pk=matter.pk)


def inbox(user):
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_no_reminder_while_the_holiday_keeps_the_deadline_far(cast, due_after_festival):
    # Thursday 8 February: the next two working days are 9 and 18 February.
    assert supervise(today=date(2024, 2, 8)) == {"reminded": 0, "overdue": 0, "escalated": 0}


def test_reminder_two_working_days_ahead_once(
    cast, due_after_festival, django_capture_on_commit_callbacks
):
    # The e-mail leaves once the run's transaction has committed.
    with django_capture_on_commit_callbacks(execute=True):
        assert supervise(today=date(2024, 2, 9))["reminded"] == 1
    assert supervise(today=date(2024, 2, 18))["reminded"] == 0  # once per deadline
    (title,) = inbox(cast.lawyer)
    assert "将于2024-02-19到期" in title
    assert mail.outbox[0].to == ["lawyer@example.cn"]
    assert due_after_festival.steps.filter(action="supervised").count() == 1


def test_overdue_goes_to_handler_and_office_then_escalates_to_the_region(
    tree, cast, due_after_festival
):
    supervisor = cast.parent_region
    city = user_with(Role.SUPERVISOR, tree.beijing_city)
    elsewhere = user_with(Role.SUPERVISOR, tree.chenggu)
    counts = supervise(today=date(2024, 2, 21))  # 2 working days late
    assert counts == {"reminded": 0, "overdue": 1, "escalated": 0}
    assert any("超期督办" in t for t in inbox(cast.own_unit))
    assert any("超期督办" in t for t in inbox(cast.lawyer))
    assert inbox(supervisor) == []
    assert supervise(today=date(2024, 2, 22))["escalated"] == 1  # 3 working days late
    assert any("上报督办" in t for t in inbox(supervisor))
    assert any("上报督办" in t for t in inbox(city))
    assert inbox(elsewhere) == []
    assert supervise(today=date(2024, 2, 23)) == {"reminded": 0, "overdue": 0, "escalated": 0}


def test_escalation_waits_the_configured_working_days(cast, due_after_festival, settings):
    settings.MATTER_ESCALATION_WORKDAYS = 5
    assert supervise(today=date(2024, 2, 22))["escalated"] == 0
    assert supervise(today=date(2024, 2, 26))["escalated"] == 1


def test_closed_matters_are_left_alone(tree, cast, due_after_festival):
    services.accept(matter=due_after_festival, by=cast.lawyer)
    services.submit_opinion(matter=due_after_festival, by=cast.lawyer, text="意见")
    services.close(matter=due_after_festival, by=cast.own_unit, score=80)
    assert supervise(today=date(2024, 3, 1)) == {"reminded": 0, "overdue": 0, "escalated": 0}


def test_the_inbox_page_and_badge(cast, due_after_festival, client):
    supervise(today=date(2024, 2, 9))
    client.force_login(cast.lawyer)
    assert client.get("/").context["unread_notifications"] == 1
    page = client.get("/notifications/").content.decode()
    assert "督办提醒" in page
    # Reading the list marks nothing; opening a notice or "全部标为已读" does.
    assert client.get("/").context["unread_notifications"] == 1
    client.post("/notifications/read-all/")
    assert client.get("/").context["unread_notifications"] == 0


@pytest.mark.django_db
def test_the_daily_schedule_exists():
    from django_q.models import Schedule

    assert (
        Schedule.objects.get(name="daily-supervision").func == "govcounsel.matters.tasks.supervise"
    )
