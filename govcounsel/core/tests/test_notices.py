"""Whoever must act next is told, from the verb's declaration; nobody else, never the actor.

Each verb that declares a notice is taken by its rightful role on the scenario of
core/tests/test_verbs.py, through the API (the page runs the same `Verb.perform`); the
notifications it leaves are compared with the roles of the cast expected to be told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core import verbs
from govcounsel.core.models import Notification, NotificationPreference
from govcounsel.core.notify import kinds
from govcounsel.core.tests.test_verbs import SCENARIOS, _api_path
from govcounsel.core.views.verbs import verb_url
from govcounsel.tests.helpers import events

# A second administrator of unit_a's rule-of-law office: told of what the office must do
# next when a colleague acted (the actor is never told).
OFFICE_COLLEAGUE = "office_colleague"


@dataclass(frozen=True)
class Told:
    told: frozenset[str]  # roles of the cast, or OFFICE_COLLEAGUE
    actor: str = ""  # the scenario's first rightful role unless named


def told(*roles: str, actor: str = "") -> Told:
    return Told(frozenset(roles), actor)


# unit_a's office: both its administrators, less the one who acted.
OFFICE = ("own_unit", OFFICE_COLLEAGUE)

EXPECTED: dict[tuple[str, str], Told] = {
    ("certificates.certificateapplication", "review"): told(OFFICE_COLLEAGUE),
    ("certificates.certificateapplication", "return"): told(OFFICE_COLLEAGUE),
    ("certificates.certificateapplication", "submit"): told("bureau"),
    # The association registers every new public lawyer as a member (001 三(五)).
    ("certificates.certificateapplication", "approve"): told(*OFFICE, "association"),
    ("certificates.certificateapplication", "reject"): told(*OFFICE),
    ("certificates.certificateapplication", "withdraw"): told(OFFICE_COLLEAGUE),
    ("certificates.certificate", "suspend"): told(*OFFICE),
    ("certificates.certificate", "reinstate"): told(*OFFICE),
    ("certificates.certificate", "cancel"): told(*OFFICE),
    # The unit records the recovery; the bureau completes the cancellation next.
    ("certificates.cancellationcase", "recover"): told(
        "bureau", OFFICE_COLLEAGUE, actor="own_unit"
    ),
    ("certificates.cancellationcase", "complete"): told(*OFFICE),
    ("matters.matter", "assign"): told("lawyer"),
    ("matters.matter", "decline"): told(*OFFICE),
    ("matters.matter", "submit-opinion"): told(*OFFICE),
    ("matters.matter", "close"): told("lawyer"),
    ("matters.matter", "return"): told("lawyer"),
    ("matters.matter", "judge-decline"): told("lawyer"),
    # The new lawyer has a matter to accept; a moved deadline reaches whoever handles it.
    ("matters.matter", "reassign"): told("colleague"),
    ("matters.matter", "change-deadline"): told("lawyer"),
    # 000 #11: the supervising office's reminder reaches the handler and the unit's office.
    ("matters.matter", "remind"): told("lawyer", *OFFICE, actor="parent_region"),
    ("matters.decisionitem", "open-decision"): told(OFFICE_COLLEAGUE),
    ("matters.decision", "decide"): told("lawyer"),
    # The requesting unit's office (朝阳分局, unit_a2) is told of the answer.
    ("matters.dispatchrequest", "dispatch"): told("sibling_unit"),
    ("matters.dispatchrequest", "reject"): told("sibling_unit"),
    # 002 §10: the centre keeps the pool; the nominating office hears of its mediator.
    ("reconciliation.nomination", "end"): told("reconciliation"),
    ("reconciliation.mediatorassignment", "withdraw"): told("sibling_unit"),
    ("reconciliation.mediationsession", "cancel"): told(*OFFICE),
    # 002 §9: the lawyer put on a dispute, taken off it, or told of the head's decision; the
    # office hears of a duty conflict.
    ("disputes.dispute", "assign"): told("lawyer"),
    ("disputes.dispute", "relieve"): told("lawyer"),
    ("disputes.dispute", "report-conflict"): told(*OFFICE, actor="lawyer"),
    ("disputes.dispute", "decide-conflict"): told("lawyer"),
    ("disputes.dispute", "close"): told("lawyer"),
    # 002 §18: the nominating organ's office learns the bureau's decisions.
    ("casebook.typicalcase", "accept"): told(*OFFICE),
    ("casebook.typicalcase", "decline"): told(*OFFICE),
    ("casebook.typicalcase", "publish"): told(*OFFICE),
    # 002 §19: the bureau reviews a unit's nomination; the committee office decides the list
    # the bureau closed; the awarded units' offices and the awarded lawyers are told.
    ("awards.awardcycle", "nominate"): told("bureau"),
    ("awards.awardcycle", "lock"): told("parent_region"),
    ("awards.awardcycle", "decide"): told(*OFFICE, "lawyer"),
    # The lawyer the office enrolled, and the lawyer whose self-claim was decided.
    ("training.course", "enrol-lawyer"): told("lawyer"),
    ("training.externalclaim", "verify"): told("lawyer"),
    ("training.externalclaim", "refuse"): told("lawyer"),
    ("training.sampleitem", "overturn"): told("lawyer"),
}

# Verbs after which nobody but the actor has anything to do.
SILENT = {
    ("matters.matter", "accept"),
    ("matters.matter", "overtime"),
    ("matters.matter", "commission-letter"),
    ("coverage.bulletin", "retry"),
    # Corrections of a record that nobody else is working on yet.
    ("matters.matter", "edit"),
    ("matters.matter", "withdraw"),
    ("people.qualification", "edit"),
    ("people.qualification", "delete"),
    ("people.legaladviser", "edit"),
    ("people.legaladviser", "end-service"),
    ("coverage.target", "retire"),
    ("coverage.target", "delete"),
    ("reconciliation.poolrule", "retire"),
    ("reconciliation.nomination", "renew"),
    ("reconciliation.mediatordraw", "verify"),
    ("reconciliation.mediationsession", "hold"),
    ("awards.awardcycle", "propose"),
    ("awards.candidate", "withdraw"),
    ("disputes.dispute", "qualify"),
    ("disputes.dispute", "guide"),
    ("disputes.dispute", "edit"),
    ("disputes.dispute", "delete"),
    ("activities.activity", "edit"),
    ("activities.activity", "delete"),
    # The bureau's own editing of a case; a revision or withdrawal is the bureau's act.
    ("casebook.typicalcase", "edit"),
    ("casebook.typicalcase", "anonymise"),
    ("casebook.typicalcase", "revise"),
    ("casebook.typicalcase", "withdraw"),
    # The lawyer's own act, or the provider's record of it.
    ("training.course", "enrol"),
    ("training.course", "check-in"),
    ("training.course", "record-attendance"),
    ("training.enrolment", "issue-certificate"),
    ("training.sampleitem", "confirm"),
}

TOLD = sorted(EXPECTED)


def _accounts(cast: Any) -> dict[str, Any]:
    """Every role that could be told, made before the action (the cast makes them lazily)."""
    everyone = {role: user for role, user in cast.everyone().items() if user is not None}
    everyone[OFFICE_COLLEAGUE] = user_with(
        Role.UNIT_ADMIN, cast.tree.unit_a, username=OFFICE_COLLEAGUE
    )
    return everyone


def test_every_notice_is_expected_here() -> None:
    """A verb that tells someone is listed above with whom; one that tells nobody says so."""
    declared = {(verbs.label_of(v.model), v.name) for v in verbs.registered() if v.model}
    with_tell = {(verbs.label_of(v.model), v.name) for v in verbs.registered() if v.tells()}
    assert with_tell - set(EXPECTED) == set(), "add the recipients of these verbs' notices"
    assert set(EXPECTED) - with_tell == set(), "these verbs no longer tell anyone"
    # Every verb says whom it tells, or that it tells nobody.
    assert declared - set(EXPECTED) - SILENT == set(), "list these verbs in EXPECTED or SILENT"
    assert (set(EXPECTED) | SILENT) - declared == set(), "these verbs are no longer declared"


@pytest.mark.parametrize(("model", "name"), TOLD)
def test_the_next_actor_is_told_and_the_actor_is_not(cast, model, name) -> None:
    scenario = SCENARIOS[(model, name)]
    expected = EXPECTED[(model, name)]
    verb = verbs.find(model, name)
    assert verb is not None
    accounts = _accounts(cast)
    obj = scenario.arrange(cast)
    actor = expected.actor or sorted(scenario.allowed)[0]
    assert actor in scenario.allowed
    before = set(Notification.objects.values_list("pk", flat=True))
    response = cast.api(actor).post(_api_path(obj, verb), scenario.data(cast, obj), format="json")
    assert response.status_code == 200, response.json()
    new = Notification.objects.exclude(pk__in=before).select_related("recipient")
    told_roles = {role for role, user in accounts.items() if any(n.recipient == user for n in new)}
    assert told_roles == expected.told
    assert {n.kind for n in new} == {t.kind for t in verb.tells()}
    for notification in new:
        assert notification.title
        assert "%(" not in notification.title + notification.body
        assert notification.url.startswith("/")


def test_a_dispatch_request_tells_the_superior_administrators(cast) -> None:
    from govcounsel.matters import services
    from govcounsel.matters.notices import DISPATCH_REQUESTED

    superior = cast.superior
    today = timezone.localdate()
    request = services.request_dispatch(
        unit=cast.tree.unit_a2,
        by=cast.sibling_unit,
        category="litigation",
        starts_on=today,
        ends_on=today + timedelta(days=30),
        reason="应诉",
    )
    (notice,) = Notification.objects.all()
    assert notice.recipient == superior
    assert notice.kind == DISPATCH_REQUESTED.kind
    assert notice.url == request.get_absolute_url()
    assert cast.tree.unit_a2.name in notice.title


def test_the_page_tells_as_the_api_does_and_says_what_was_done(cast) -> None:
    scenario = SCENARIOS[("matters.matter", "assign")]
    verb = verbs.find("matters.matter", "assign")
    assert verb is not None
    lawyer = cast.lawyer
    matter = scenario.arrange(cast)
    page = cast.page("own_unit")
    response = page.post(verb_url(verb, matter), scenario.data(cast, matter), follow=True)
    assert response.status_code == 200
    assert f"已将事项“{matter.title}”指派给{lawyer.person.name}。" in response.content.decode()
    (notice,) = Notification.objects.filter(recipient=lawyer)
    assert notice.title == f"新的指派：“{matter.title}”"
    assert not Notification.objects.filter(recipient=cast.own_unit).exists()


def test_every_verb_says_what_it_did_and_asks_before_what_cannot_be_undone() -> None:
    for verb in verbs.registered():
        if verb.document or verb.model is None:
            continue
        if (verbs.label_of(verb.model), verb.name) in set(EXPECTED) | SILENT:
            assert verb.done, f"{verb.name}: declare its result message (done=)"
    must_confirm = {
        ("matters.matter", "submit-opinion"),
        ("matters.matter", "close"),
        ("certificates.certificateapplication", "approve"),
        ("certificates.certificateapplication", "reject"),
        ("certificates.certificate", "cancel"),
        ("certificates.certificate", "suspend"),
        ("certificates.cancellationcase", "recover"),
        ("matters.dispatchrequest", "dispatch"),
    }
    for model, name in must_confirm:
        asking = verbs.find(model, name)
        assert asking is not None
        assert asking.confirm, f"{model}:{name} asks first"


def test_an_e_mail_opt_out_keeps_the_inbox_row(cast, django_capture_on_commit_callbacks):
    scenario = SCENARIOS[("matters.matter", "assign")]
    verb = verbs.find("matters.matter", "assign")
    assert verb is not None
    lawyer = cast.lawyer
    lawyer.email = "lawyer@example.cn"
    lawyer.save(update_fields=["email"])
    first = scenario.arrange(cast)
    with django_capture_on_commit_callbacks(execute=True):
        verb.perform(first, cast.own_unit, lawyer=lawyer.person)
    assert [m.to for m in mail.outbox] == [["lawyer@example.cn"]]
    assert first.title in mail.outbox[0].subject

    NotificationPreference.objects.create(user=lawyer, kind=verb.kind(), email=False)
    mail.outbox.clear()
    second = scenario.arrange(cast)
    with django_capture_on_commit_callbacks(execute=True):
        verb.perform(second, cast.own_unit, lawyer=lawyer.person)
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=lawyer).count() == 2


def test_a_refused_action_tells_nobody(cast) -> None:
    scenario = SCENARIOS[("matters.matter", "close")]
    verb = verbs.find("matters.matter", "close")
    assert verb is not None
    matter = scenario.arrange(cast)
    cast.lawyer  # noqa: B018 - the account that would be told
    response = cast.api("own_unit").post(_api_path(matter, verb), {"score": 0}, format="json")
    assert response.status_code == 400
    assert not Notification.objects.exists()


def test_the_kinds_are_declared_with_labels() -> None:
    declared = dict(kinds.choices())
    assert "matters.supervision" in declared
    assert "accounts.admin_reset" in declared
    assert "matters.dispatchrequest.requested" in declared
    assert str(declared["matters.matter.assign"]) == "法律事务：指派"
    for verb in verbs.registered():
        for tell in verb.tells():
            assert tell.kind in declared


# --- the inbox and the settings page ------------------------------------------------------


def _notice(user: Any, title: str = "请处理", url: str = "/matters/", **kwargs: Any) -> Any:
    return Notification.objects.create(
        recipient=user, kind="matters.supervision", title=title, url=url, **kwargs
    )


def test_the_inbox_highlights_the_unread_and_opening_one_marks_it_read(cast) -> None:
    lawyer = cast.lawyer
    unread = _notice(lawyer, "未读的通知", url="/matters/")
    _notice(lawyer, "已读的通知", read_at=timezone.now())
    _notice(cast.own_unit, "别人的通知")
    page = cast.page("lawyer")
    html = page.get(reverse("notifications")).content.decode()
    assert "未读的通知" in html
    assert "已读的通知" in html
    assert "别人的通知" not in html
    assert html.count('data-unread="1"') == 1
    assert reverse("notification-settings") in html
    only_unread = page.get(reverse("notifications"), {"unread": "1"}).content.decode()
    assert "已读的通知" not in only_unread
    opened = page.get(reverse("notification-open", args=[unread.pk]))
    assert opened.status_code == 302
    assert opened["Location"] == "/matters/"
    unread.refresh_from_db()
    assert unread.read_at is not None


def test_one_cannot_open_anothers_notification(cast) -> None:
    theirs = _notice(cast.own_unit)
    response = cast.page("lawyer").get(reverse("notification-open", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read_marks_only_ones_own(cast) -> None:
    mine = [_notice(cast.lawyer) for _ in range(3)]
    theirs = _notice(cast.own_unit)
    response = cast.page("lawyer").post(reverse("notifications-read-all"), follow=True)
    assert "已将3条通知标为已读" in response.content.decode()
    assert all(Notification.objects.get(pk=n.pk).read_at for n in mine)
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_the_inbox_pages_by_keyset(cast) -> None:
    lawyer = cast.lawyer
    for i in range(35):
        _notice(lawyer, f"通知{i:02d}")
    page = cast.page("lawyer")
    first = page.get(reverse("notifications"))
    assert first.context["next_keyset"]
    second = page.get(reverse("notifications"), {"cursor": first.context["next_keyset"]})
    titles = [n.title for n in first.context["notifications"]] + [
        n.title for n in second.context["notifications"]
    ]
    assert sorted(titles) == [f"通知{i:02d}" for i in range(35)]
    stale = page.get(reverse("notifications"), {"cursor": "garbage"})
    assert stale.status_code == 200


def test_the_settings_page_turns_e_mail_off_per_kind_and_is_audited(cast) -> None:
    page = cast.page("lawyer")
    shown = page.get(reverse("notification-settings")).content.decode()
    assert "法律事务：指派" in shown
    assert "督办提醒" in shown
    emailed = [k for k in kinds if k != "matters.matter.assign"]
    saved = page.post(reverse("notification-settings"), {"emailed": emailed}, follow=True)
    assert saved.status_code == 200
    assert list(
        NotificationPreference.objects.filter(user=cast.lawyer).values_list("kind", "email")
    ) == [("matters.matter.assign", False)]
    (event,) = events("core.notification_settings.changed")
    assert event.data["email_off"] == ["matters.matter.assign"]
    # Saving the same choice again changes nothing and records nothing.
    page.post(reverse("notification-settings"), {"emailed": emailed})
    assert len(events("core.notification_settings.changed")) == 1
    page.post(reverse("notification-settings"), {"emailed": list(kinds)})
    assert not NotificationPreference.objects.filter(user=cast.lawyer).exists()


def test_an_unknown_kind_is_refused_with_a_message(cast) -> None:
    response = cast.page("lawyer").post(reverse("notification-settings"), {"emailed": ["nope"]})
    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


# --- the API ------------------------------------------------------------------------------


def test_the_api_lists_only_ones_own_newest_first_and_filters_unread(cast) -> None:
    old = _notice(cast.lawyer, "旧", read_at=timezone.now())
    new = _notice(cast.lawyer, "新")
    _notice(cast.own_unit, "别人的")
    api = cast.api("lawyer")
    listed = api.get(reverse("notification-list")).json()
    assert [n["id"] for n in listed["results"]] == [new.pk, old.pk]
    assert listed["results"][0]["kind_label"] == "督办提醒"
    assert listed["results"][0]["read"] is False
    unread = api.get(reverse("notification-list"), {"unread": "true"}).json()
    assert [n["id"] for n in unread["results"]] == [new.pk]
    read = api.get(reverse("notification-list"), {"unread": "false"}).json()
    assert [n["id"] for n in read["results"]] == [old.pk]
    bad = api.get(reverse("notification-list"), {"unread": "maybe"})
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid"


def test_the_api_marks_one_read_and_refuses_anothers_id(cast) -> None:
    mine = _notice(cast.lawyer)
    theirs = _notice(cast.own_unit)
    api = cast.api("lawyer")
    answered = api.post(reverse("notification-read", args=[mine.pk]))
    assert answered.status_code == 200
    assert answered.json()["read"] is True
    refused = api.post(reverse("notification-read", args=[theirs.pk]))
    assert refused.status_code == 404
    assert refused.json()["code"] == "not_found"
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert cast.api("anonymous").post(reverse("notification-read", args=[mine.pk])).status_code in {
        401,
        403,
    }


def test_the_api_marks_all_read(cast) -> None:
    for _ in range(2):
        _notice(cast.lawyer)
    theirs = _notice(cast.own_unit)
    answered = cast.api("lawyer").post(reverse("notification-read-all"))
    assert answered.json() == {"marked": 2}
    assert not Notification.objects.filter(recipient=cast.lawyer).unread().exists()
    assert Notification.objects.get(pk=theirs.pk).read_at is None
