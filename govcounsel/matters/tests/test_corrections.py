"""Correcting a matter: edit or withdraw it before it is assigned, reassign it or change its
deadline while it is handled. Each correction is the office's, has its reason, and leaves a
step on the timeline and an audit event."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from govcounsel.core.errors import DomainError, NotPermitted
from govcounsel.matters import services
from govcounsel.matters.archive import work_archive
from govcounsel.matters.choices import AssignmentStatus, MatterStatus
from govcounsel.matters.models import Assignment, Matter
from govcounsel.tests.helpers import events

PDF = b"%PDF-1.4\n%%EOF\n"


def _verb(matter, name):
    return reverse(f"matter-{name}", args=[matter.pk])


def _assigned(matter, cast):
    return services.assign(matter=matter, by=cast.own_unit, lawyer=cast.lawyer.person)


def _steps(matter):
    return [s.action for s in Matter.objects.get(pk=matter.pk).steps.all()]


# --- edit -----------------------------------------------------------------------------------


def test_office_corrects_a_registered_matter_on_the_timeline(cast, matter):
    later = timezone.localdate() + timedelta(days=20)
    services.edit_matter(
        matter=matter,
        by=cast.own_unit,
        title="关于某区域规划调整的合法性审核（更正）",
        deadline=later,
    )
    fresh = Matter.objects.get(pk=matter.pk)
    assert (fresh.title, fresh.deadline) == ("关于某区域规划调整的合法性审核（更正）", later)
    step = fresh.steps.last()
    assert step.action == "edited"
    assert "事项名称" in step.note
    assert "办理期限" in step.note
    (event,) = events("matters.matter.edited")
    assert event.data["fields"] == ["deadline", "title"]


def test_an_edit_that_changes_nothing_leaves_no_trace(cast, matter):
    services.edit_matter(matter=matter, by=cast.own_unit, title=matter.title)
    assert _steps(matter) == ["registered"]
    assert events("matters.matter.edited") == []


def test_only_the_office_edits_and_only_before_assignment(cast, matter):
    with pytest.raises(NotPermitted):
        services.edit_matter(matter=matter, by=cast.lawyer, title="改")
    _assigned(matter, cast)
    response = cast.api("own_unit").post(_verb(matter, "edit"), {"title": "改"}, format="json")
    assert response.status_code == 400
    with pytest.raises(DomainError) as refused:
        services.edit_matter(matter=matter, by=cast.own_unit, title="改")
    assert refused.value.code == "not_registered"
    assert Matter.objects.get(pk=matter.pk).title != "改"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"deadline": "2001-01-01"}, "deadline"),
        ({"subtype": "contract"}, "subtype"),  # a contract is not a normative-document task
        ({"title": ""}, "title"),
    ],
)
def test_bad_corrections_are_refused_with_the_field(cast, matter, payload, field):
    response = cast.api("own_unit").post(_verb(matter, "edit"), payload, format="json")
    assert response.status_code == 400, response.json()
    assert field in str(response.json())
    assert _steps(matter) == ["registered"]


def test_an_overdue_deadline_left_as_it_was_does_not_block_other_corrections(cast, matter):
    Matter.objects.filter(pk=matter.pk).update(deadline=timezone.localdate() - timedelta(days=3))
    services.edit_matter(matter=matter, by=cast.own_unit, description="补充说明")
    assert Matter.objects.get(pk=matter.pk).description == "补充说明"


def test_the_page_sends_the_whole_form_and_a_new_attachment_replaces_the_old(cast, matter):
    page = cast.page("own_unit")
    form = page.get(reverse("verb", args=["matters.matter", matter.pk, "edit"]))
    assert form.status_code == 200
    assert matter.title in form.content.decode()
    response = page.post(
        reverse("verb", args=["matters.matter", matter.pk, "edit"]),
        {
            "title": matter.title,
            "category": "normative",
            "subtype": "legality_review",
            "description": "",
            "priority": "urgent",
            "confidential": "false",
            "deadline": str(matter.deadline),
            "attachment": SimpleUploadedFile("依据.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    fresh = Matter.objects.get(pk=matter.pk)
    assert fresh.priority == "urgent"
    assert fresh.attachment.name.endswith(".pdf")
    assert events("matters.matter.edited")[0].data["fields"] == ["attachment", "priority"]


def test_an_attachment_that_is_not_a_document_is_refused_on_edit(cast, matter):
    response = cast.api("own_unit").post(
        _verb(matter, "edit"),
        {"attachment": SimpleUploadedFile("依据.pdf", "纯文本".encode(), "application/pdf")},
        format="multipart",
    )
    assert response.status_code == 400
    assert "PDF" in str(response.json())
    assert not Matter.objects.get(pk=matter.pk).attachment


# --- withdraw -------------------------------------------------------------------------------


def test_a_withdrawn_matter_stays_in_the_register_and_leaves_the_work(cast, matter):
    services.withdraw_matter(matter=matter, by=cast.own_unit, reason="重复登记")
    fresh = Matter.objects.get(pk=matter.pk)
    assert fresh.status == MatterStatus.WITHDRAWN
    assert fresh.is_withdrawn
    assert fresh.steps.last().note == "重复登记"
    assert len(events("matters.matter.withdrawn")) == 1
    Matter.objects.filter(pk=matter.pk).update(deadline=timezone.localdate() - timedelta(days=9))
    assert not Matter.objects.get(pk=matter.pk).is_overdue
    assert not Matter.objects.overdue().filter(pk=matter.pk).exists()
    assert not Matter.objects.open().filter(pk=matter.pk).exists()
    board = cast.page("own_unit").get(reverse("matters:board")).content.decode()
    assert matter.title in board
    page = cast.page("own_unit").get(matter.get_absolute_url()).content.decode()
    assert 'data-testid="withdrawn-note"' in page
    assert 'data-testid="verb-' not in page  # nothing left to do


def test_withdrawing_needs_a_reason_and_a_registered_matter(cast, matter):
    api = cast.api("own_unit")
    assert api.post(_verb(matter, "withdraw"), {"reason": " "}, format="json").status_code == 400
    _assigned(matter, cast)
    response = api.post(_verb(matter, "withdraw"), {"reason": "不再需要"}, format="json")
    assert response.status_code == 400
    assert Matter.objects.get(pk=matter.pk).status == MatterStatus.ASSIGNED
    with pytest.raises(NotPermitted):
        services.withdraw_matter(matter=matter, by=cast.lawyer, reason="不想办")


def test_a_withdrawn_matter_leaves_the_lawyers_queue_and_archive(cast, matter):
    _assigned(matter, cast)
    services.decline(matter=matter, by=cast.lawyer, reason="出差")
    services.withdraw_matter(matter=matter, by=cast.own_unit, reason="改由外聘顾问办理")
    queue = cast.page("lawyer").get(reverse("matters:mine")).content.decode()
    assert matter.title not in queue
    archive = work_archive(cast.lawyer.person, timezone.localdate().year)
    assert archive.handled == 0
    # 001 三(三): the decline itself is the lawyer's act and still awaits judgement.
    assert archive.declines_unjudged == 1


# --- reassign -------------------------------------------------------------------------------


def test_reassigning_marks_the_old_lawyer_and_the_new_one_answers_again(cast, matter):
    _assigned(matter, cast)
    services.accept(matter=matter, by=cast.lawyer)
    services.reassign(
        matter=matter, by=cast.own_unit, lawyer=cast.colleague.person, reason="原承办律师出差"
    )
    fresh = Matter.objects.get(pk=matter.pk)
    assert fresh.status == MatterStatus.ASSIGNED
    old, new = fresh.assignments.order_by("pk")
    assert (old.person, old.status) == (cast.lawyer.person, AssignmentStatus.REPLACED)
    assert old.replaced_at is not None
    assert (new.person, new.status, new.is_lead) == (
        cast.colleague.person,
        AssignmentStatus.PENDING,
        True,
    )
    step = fresh.steps.last()
    assert step.action == "reassigned"
    assert step.note == f"{cast.lawyer.person.name} → {cast.colleague.person.name}：原承办律师出差"
    assert len(events("matters.matter.reassigned")) == 1
    # The old lawyer can no longer act on it; the new one can.
    with pytest.raises(NotPermitted):
        services.accept(matter=fresh, by=cast.lawyer)
    services.accept(matter=fresh, by=cast.colleague)
    year = timezone.localdate().year
    assert work_archive(cast.lawyer.person, year).handled == 0
    assert work_archive(cast.colleague.person, year).handled == 1


def test_the_new_lawyer_must_be_eligible_as_for_a_first_assignment(cast, matter):
    _assigned(matter, cast)
    response = cast.api("own_unit").post(
        _verb(matter, "reassign"),
        {"lawyer": cast.outsider.person.pk, "reason": "换人"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "not_a_public_lawyer"
    assert list(Assignment.objects.filter(matter=matter).values_list("status", flat=True)) == [
        AssignmentStatus.PENDING
    ]
    assert _steps(matter) == ["registered", "assigned"]


def test_reassigning_to_the_same_lawyers_or_without_reason_is_refused(cast, matter):
    _assigned(matter, cast)
    with pytest.raises(DomainError) as same:
        services.reassign(matter=matter, by=cast.own_unit, lawyer=cast.lawyer.person, reason="x")
    assert same.value.code == "same_lawyers"
    with pytest.raises(DomainError) as no_reason:
        services.reassign(matter=matter, by=cast.own_unit, lawyer=cast.colleague.person, reason="")
    assert no_reason.value.code == "reason_required"
    with pytest.raises(NotPermitted):
        services.reassign(matter=matter, by=cast.lawyer, lawyer=cast.colleague.person, reason="x")


def test_reassigning_a_registered_or_submitted_matter_is_refused(cast, matter):
    payload = {"lawyer": cast.colleague.person.pk, "reason": "换人"}
    api = cast.api("own_unit")
    assert api.post(_verb(matter, "reassign"), payload, format="json").status_code == 400
    _assigned(matter, cast)
    services.accept(matter=matter, by=cast.lawyer)
    services.submit_opinion(matter=matter, by=cast.lawyer, text="意见")
    assert api.post(_verb(matter, "reassign"), payload, format="json").status_code == 400


# --- change the deadline --------------------------------------------------------------------


def test_a_new_deadline_is_on_the_timeline_with_old_and_new(cast, matter):
    _assigned(matter, cast)
    old = Matter.objects.get(pk=matter.pk).deadline
    new = timezone.localdate() + timedelta(days=40)
    response = cast.api("own_unit").post(
        _verb(matter, "change-deadline"),
        {"deadline": str(new), "reason": "需补充材料"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["deadline"] == str(new)
    step = Matter.objects.get(pk=matter.pk).steps.last()
    assert (step.action, step.note) == ("deadline_changed", f"{old} → {new}：需补充材料")
    (event,) = events("matters.matter.deadline_changed")
    assert event.data == {
        "fields": ["deadline"],
        "from": str(old),
        "to": str(new),
        "reason": "需补充材料",
    }


@pytest.mark.parametrize(
    ("days", "reason", "code"),
    [
        (-1, "来不及", "deadline_past"),
        (None, "同一天", "deadline_unchanged"),
        (30, "", "reason_required"),
    ],
)
def test_bad_deadline_changes_are_refused(cast, matter, days, reason, code):
    _assigned(matter, cast)
    current = Matter.objects.get(pk=matter.pk).deadline
    deadline = current if days is None else timezone.localdate() + timedelta(days=days)
    response = cast.api("own_unit").post(
        _verb(matter, "change-deadline"),
        {"deadline": str(deadline), "reason": reason},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert Matter.objects.get(pk=matter.pk).deadline == current
    assert events("matters.matter.deadline_changed") == []


def test_only_the_office_changes_a_deadline_and_not_of_a_registered_matter(cast, matter):
    later = timezone.localdate() + timedelta(days=30)
    response = cast.api("own_unit").post(
        _verb(matter, "change-deadline"), {"deadline": str(later), "reason": "x"}, format="json"
    )
    assert response.status_code == 400
    _assigned(matter, cast)
    with pytest.raises(NotPermitted):
        services.change_deadline(matter=matter, by=cast.lawyer, deadline=later, reason="x")
    response = cast.api("lawyer").post(
        _verb(matter, "change-deadline"), {"deadline": str(later), "reason": "x"}, format="json"
    )
    assert response.status_code == 403
