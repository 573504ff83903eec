"""Retiring a target that no longer applies, and deleting one entered by mistake, unless a
generated bulletin already reported against it."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.core.models import AuditEvent
from govcounsel.core.views.verbs import verb_url
from govcounsel.coverage import services, tasks
from govcounsel.coverage.bulletin_content import build_content
from govcounsel.coverage.bulletin_files import summary_sentences
from govcounsel.coverage.choices import BulletinStatus
from govcounsel.coverage.dashboard import target_readings
from govcounsel.coverage.models import Bulletin, Target

TODAY = date(2025, 3, 10)


@pytest.fixture
def supervisor(tree):
    return user_with(Role.SUPERVISOR, tree.chaoyang)


@pytest.fixture
def target(tree, supervisor):
    return services.create_target(
        by=supervisor,
        region=tree.chaoyang,
        kind="organ",
        metric="coverage",
        percentage="100",
        deadline=date(2023, 12, 31),
        source_clause="朝阳区实施方案第二条",
    )


def events(action):
    return list(AuditEvent.objects.filter(action=action))


@time_machine.travel(TODAY, tick=False)
def test_a_retired_target_counts_until_the_day_before_its_end(tree, supervisor, target):
    services.retire_target(
        target=target, by=supervisor, retired_on=date(2025, 1, 1), reason="被2025年方案取代"
    )
    stored = Target.objects.get(pk=target.pk)
    assert (stored.retired_on, stored.retired_reason) == (date(2025, 1, 1), "被2025年方案取代")
    assert [r.target for r in target_readings(supervisor, tree.chaoyang, date(2024, 12, 31))] == [
        stored
    ]
    assert target_readings(supervisor, tree.chaoyang, date(2025, 1, 1)) == []
    assert target_readings(supervisor, tree.chaoyang) == []
    (event,) = events("coverage.target.retired")
    assert event.data["fields"] == ["retired_on", "retired_reason"]


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("retired_on", "reason", "code"),
    [(date(2025, 3, 11), "取代", "retired_in_future"), (date(2025, 1, 1), " ", "reason_required")],
)
def test_a_future_end_or_no_reason_is_refused(supervisor, target, retired_on, reason, code):
    with pytest.raises(DomainError) as refused:
        services.retire_target(target=target, by=supervisor, retired_on=retired_on, reason=reason)
    assert refused.value.code == code
    assert Target.objects.get(pk=target.pk).retired_on is None


@time_machine.travel(TODAY, tick=False)
def test_a_target_is_retired_once(supervisor, target):
    services.retire_target(target=target, by=supervisor, retired_on=date(2025, 1, 1), reason="a")
    with pytest.raises(DomainError) as refused:
        services.retire_target(
            target=target, by=supervisor, retired_on=date(2025, 2, 1), reason="b"
        )
    assert refused.value.code == "already_retired"


def test_only_the_regions_committee_office_retires_or_deletes(tree, target):
    bureau = user_with(Role.JUSTICE_BUREAU, tree.chaoyang)
    with pytest.raises(NotPermitted):
        services.retire_target(target=target, by=bureau, retired_on=date(2024, 1, 1), reason="x")
    with pytest.raises(NotPermitted):
        services.delete_target(target=target, by=bureau)
    assert Target.objects.filter(pk=target.pk, retired_on__isnull=True).exists()


def test_a_mistaken_target_is_deleted_and_the_event_keeps_what_it_said(supervisor, target):
    region = services.delete_target(target=target, by=supervisor)
    assert region == target.region
    assert not Target.objects.filter(pk=target.pk).exists()
    (event,) = events("coverage.target.deleted")
    assert event.object_id == str(target.pk)
    assert (event.data["source_clause"], event.data["percentage"]) == (
        "朝阳区实施方案第二条",
        "100.00",
    )


def test_a_target_a_generated_bulletin_named_is_kept(tree, supervisor, target):
    queued = Bulletin.objects.create(region=tree.chaoyang, year=2024, quarter=1)
    queued.targets.add(target)
    assert target.in_published_bulletin is False  # not yet generated: still a mistake to fix
    done = Bulletin.objects.create(
        region=tree.chaoyang, year=2024, quarter=2, status=BulletinStatus.DONE
    )
    done.targets.add(target)
    with pytest.raises(DomainError) as refused:
        services.delete_target(target=target, by=supervisor)
    assert refused.value.code == "target_in_bulletin"
    api = _api(supervisor).post(reverse("target-delete", args=[target.pk]))
    assert (api.status_code, api.json()["code"]) == (400, "target_in_bulletin")
    assert Target.objects.filter(pk=target.pk).exists()
    assert events("coverage.target.deleted") == []


def _api(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_bulletin_reports_against_the_targets_in_force_and_names_them(
    tree, supervisor, target, django_capture_on_commit_callbacks
):
    retired = services.create_target(
        by=supervisor,
        region=tree.chaoyang,
        metric="work",
        percentage="40",
        deadline=date(2023, 12, 31),
        source_clause="旧方案",
    )
    Target.objects.filter(pk=retired.pk).update(retired_on=date(2023, 1, 1))
    content = build_content(tree.chaoyang, 2023, 4)
    assert [r.target for r in content.targets] == [target]
    (sentence,) = [s for s in summary_sentences(content) if "朝阳区实施方案第二条" in s]
    assert "100%" in sentence
    assert "2023年12月31日" in sentence
    bulletin = Bulletin.objects.create(region=tree.chaoyang, year=2023, quarter=4)
    tasks.generate_bulletin(bulletin.pk)
    bulletin.refresh_from_db()
    assert bulletin.status == BulletinStatus.DONE
    assert list(bulletin.targets.all()) == [target]
    assert Target.objects.get(pk=target.pk).in_published_bulletin


def test_the_dashboard_offers_retire_and_delete_to_the_committee_office_only(cast, target):
    url = f"{reverse('coverage:dashboard')}?region={cast.tree.chaoyang.code}"
    office = cast.page("parent_region").get(url).content.decode()
    assert verb_url("retire", target) in office
    assert verb_url("delete", target) in office
    bureau = cast.page("bureau").get(url).content.decode()
    assert verb_url("retire", target) not in bureau


def test_the_retire_page_asks_for_a_date_and_a_reason_and_goes_back_to_the_figures(cast, target):
    client = cast.page("parent_region")
    url = verb_url("retire", target)
    form = client.get(url).content.decode()
    assert 'name="retired_on"' in form
    assert 'name="reason"' in form
    missing = client.post(url, {"retired_on": "2024-01-01"})
    assert missing.status_code == 400
    done = client.post(url, {"retired_on": "2024-01-01", "reason": "被新方案取代"})
    assert done.status_code == 302
    assert done["Location"] == target.get_absolute_url()


def test_the_api_shows_the_end_of_a_target_but_does_not_take_it_in_an_update(cast, target):
    client = cast.api("parent_region")
    client.post(
        reverse("target-retire", args=[target.pk]),
        {"retired_on": "2024-01-01", "reason": "被新方案取代"},
        format="json",
    )
    detail = client.get(reverse("target-detail", args=[target.pk])).json()
    assert (detail["retired_on"], detail["retired_reason"]) == ("2024-01-01", "被新方案取代")
    client.patch(reverse("target-detail", args=[target.pk]), {"retired_on": None}, format="json")
    assert Target.objects.get(pk=target.pk).retired_on == date(2024, 1, 1)
