"""统一申报 and 批量批准 (certificates/batch.py): several applications through the declared
verb at once, each on its own, with a summary of what was done and what was refused."""

import pytest
from django.urls import reverse

from govcounsel.certificates import batch, services
from govcounsel.certificates.choices import ApplicationStatus
from govcounsel.certificates.models import Certificate, CertificateApplication
from govcounsel.core.errors import DomainError
from govcounsel.core.models import AuditEvent
from govcounsel.people import services as people_services
from govcounsel.people.tests.factories import PersonFactory, QualificationFactory

S = ApplicationStatus
NAMES = ("赵一", "钱二", "孙三", "李四")


def _person(unit, name):
    person = PersonFactory(name=name, unit=unit, full_time_legal=True)
    QualificationFactory(person=person)
    return person


def _application(cast, name, step, unit=None, office=None):
    """An application of a new eligible person of unit_a (or `unit`), taken to `step`."""
    office = office or cast.own_unit
    application = services.apply(person=_person(unit or cast.tree.unit_a, name), by=office)
    if step in ("reviewed", "submitted"):
        services.review(application=application, by=office, passed=True)
    if step == "submitted":
        services.submit(application=application, by=office)
    return application


def _status(application):
    return CertificateApplication.objects.get(pk=application.pk).status


def _events(action):
    return AuditEvent.objects.filter(action=action)


# --- the batch itself -------------------------------------------------------------------


def test_the_office_submits_its_reviewed_applications_together_each_as_a_single_submit(cast):
    reviewed = [_application(cast, name, "reviewed") for name in NAMES[:3]]
    waiting = _application(cast, NAMES[3], "applied")
    outcome = batch.run(
        cast.own_unit,
        batch.BATCHES["submit"],
        [a.pk for a in reviewed] + [waiting.pk],
        {"note": "统一申报"},
    )
    assert [a.pk for a, _result in outcome.done] == [a.pk for a in reviewed]
    assert all(_status(a) == S.SUBMITTED for a in reviewed)
    # The same step and audit event as the single verb, with the note given once for all.
    assert _events("certificates.application.submitted").count() == 3
    for application in reviewed:
        step = application.steps.get(action="submitted")
        assert step.note == "统一申报"
        assert step.actor == cast.own_unit
    [refusal] = outcome.refused
    assert refusal.id == waiting.pk
    assert refusal.code == "invalid_transition"
    assert "待单位审核" in refusal.message
    assert _status(waiting) == S.APPLIED
    assert outcome.summary() == (f"已申报3件。1件未能申报：{NAMES[3]}（当前状态为“待单位审核”）")


def test_one_refused_approval_does_not_hold_back_the_others(cast):
    submitted = [_application(cast, name, "submitted") for name in NAMES[:3]]
    retired = submitted[1].person
    people_services.update_person(
        person=retired,
        by=cast.own_unit,
        employment_status="retired",
        employment_status_date="2026-01-31",
    )
    outcome = batch.run(cast.bureau, batch.BATCHES["approve"], [a.pk for a in submitted], {})
    assert [a.pk for a, _c in outcome.done] == [submitted[0].pk, submitted[2].pk]
    assert all(isinstance(c, Certificate) for _a, c in outcome.done)
    assert Certificate.objects.filter(person__in=[a.person for a in submitted]).count() == 2
    assert _status(submitted[1]) == S.SUBMITTED
    [refusal] = outcome.refused
    assert refusal.code == "ineligible"
    assert "不在职" in refusal.message
    summary = outcome.summary()
    assert summary.startswith(
        "已批准2件，已颁发证书。1件未能批准：钱二（不符合申请公职律师证书的条件"
    )
    # Each certificate has its own serial, as when approved one by one.
    serials = {c.serial for _a, c in outcome.done}
    assert len(serials) == 2


def test_an_id_out_of_scope_is_refused_as_not_found_changes_nothing_and_is_recorded(cast):
    mine = _application(cast, NAMES[0], "reviewed")
    theirs = _application(
        cast, NAMES[1], "reviewed", unit=cast.tree.unit_a2, office=cast.sibling_unit
    )
    outcome = batch.run(cast.own_unit, batch.BATCHES["submit"], [theirs.pk, mine.pk, 999_999], {})
    assert [a.pk for a, _r in outcome.done] == [mine.pk]
    assert [(r.id, r.code, r.application) for r in outcome.refused] == [
        (theirs.pk, "not_found", None),
        (999_999, "not_found", None),
    ]
    assert _status(theirs) == S.REVIEWED
    denied = _events("access.denied").get()
    assert denied.data["ids"] == str(theirs.pk)
    assert denied.actor == cast.own_unit
    # The refusal names no one the user may not see.
    assert "钱二" not in outcome.summary()


def test_a_role_that_sees_but_may_not_act_changes_nothing(cast):
    submitted = _application(cast, NAMES[0], "submitted")
    for role in ("own_unit", "parent_region"):
        outcome = batch.run(cast.user(role), batch.BATCHES["approve"], [submitted.pk], {})
        assert not outcome.done
        assert [r.code for r in outcome.refused] == ["permission_denied"], role
    assert _status(submitted) == S.SUBMITTED
    assert not Certificate.objects.exists()


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ([], "no_selection"),
        (["abc"], "invalid_ids"),
        (["0"], "invalid_ids"),
        (["²"], "invalid_ids"),
        ([str(2**63)], "invalid_ids"),
        (["9" * 5000], "invalid_ids"),
        ([str(i) for i in range(1, batch.MAX_BATCH + 2)], "too_many"),
    ],
)
def test_a_selection_that_is_not_one_is_refused_in_words(values, code):
    with pytest.raises(DomainError) as refused:
        batch.parse_ids(values)
    assert refused.value.code == code


def test_ids_are_taken_once_in_the_order_selected():
    assert batch.parse_ids(["3", " 1", "3", 2]) == [3, 1, 2]


# --- pages ------------------------------------------------------------------------------


def test_the_review_queue_offers_a_checkbox_on_reviewed_rows_and_the_batch_button(cast):
    reviewed = _application(cast, NAMES[0], "reviewed")
    waiting = _application(cast, NAMES[1], "applied")
    page = cast.page("own_unit").get("/certificates/applications/?queue=review").content.decode()
    assert 'data-testid="batch-submit"' in page
    assert f'data-testid="select-{reviewed.pk}"' in page
    assert f'data-testid="select-{waiting.pk}"' not in page
    assert NAMES[1] in page
    # Not in the plain list, and not to a role that may not submit.
    assert 'data-testid="batch-' not in (
        cast.page("own_unit").get("/certificates/applications/").content.decode()
    )
    assert 'data-testid="batch-' not in (
        cast.page("bureau").get("/certificates/applications/?queue=review").content.decode()
    )


def test_unified_submission_from_the_page_confirms_then_reports_what_was_done(cast):
    reviewed = [_application(cast, name, "reviewed") for name in NAMES[:2]]
    waiting = _application(cast, NAMES[2], "applied")
    client = cast.page("own_unit")
    url = reverse("certificates:batch", args=["submit"])
    ids = [a.pk for a in reviewed] + [waiting.pk]
    confirm = client.post(url, {"ids": ids})
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "将统一申报以下2件申请" in page
    assert "确认统一申报2件" in page
    assert f"{NAMES[2]}：当前状态为“待单位审核”" in page
    # Nothing is done before the confirmation.
    assert all(_status(a) == S.REVIEWED for a in reviewed)

    response = client.post(url, {"ids": ids, "confirmed": "1", "note": "请审批"}, follow=True)
    assert response.redirect_chain[-1][0] == "/certificates/applications/?queue=review"
    page = response.content.decode()
    assert "已申报2件。1件未能申报：孙三（当前状态为“待单位审核”）" in page
    assert all(_status(a) == S.SUBMITTED for a in reviewed)
    assert reviewed[0].steps.get(action="submitted").note == "请审批"


def test_batch_approval_names_the_consequence_and_count_before_issuing(cast):
    submitted = [_application(cast, name, "submitted") for name in NAMES[:3]]
    client = cast.page("bureau")
    queue = client.get("/certificates/applications/?queue=approval").content.decode()
    assert 'data-testid="batch-approve"' in queue
    assert all(f'data-testid="select-{a.pk}"' in queue for a in submitted)
    url = reverse("certificates:batch", args=["approve"])
    ids = [a.pk for a in submitted]
    page = client.post(url, {"ids": ids}).content.decode()
    assert "将批量批准以下3件申请" in page
    assert "颁发公职律师证书并生成执业证号，不能撤销" in page
    assert not Certificate.objects.exists()
    response = client.post(url, {"ids": ids, "confirmed": "1"}, follow=True)
    assert "已批准3件，已颁发证书。" in response.content.decode()
    assert Certificate.objects.count() == 3
    assert _events("certificates.certificate.issued").count() == 3


def test_a_forged_id_of_another_region_is_refused_on_the_page_and_changes_nothing(cast):
    submitted = _application(cast, NAMES[0], "submitted")
    client = cast.page("other_region")
    url = reverse("certificates:batch", args=["approve"])
    page = client.post(url, {"ids": [submitted.pk]}).content.decode()
    assert "不存在，或不在您的办理范围内" in page
    assert "确认批量批准" not in page
    assert NAMES[0] not in page
    response = client.post(url, {"ids": [submitted.pk], "confirmed": "1"}, follow=True)
    assert "0件" not in response.content.decode()
    assert "1件未能批准" in response.content.decode()
    assert _status(submitted) == S.SUBMITTED
    assert not Certificate.objects.exists()


def test_the_batch_page_refuses_an_empty_selection_an_unknown_action_and_a_get(cast):
    client = cast.page("own_unit")
    response = client.post(reverse("certificates:batch", args=["submit"]), {}, follow=True)
    assert "请先勾选要办理的申请。" in response.content.decode()
    assert (
        client.post(reverse("certificates:batch", args=["reject"]), {"ids": [1]}).status_code == 404
    )
    assert client.get(reverse("certificates:batch", args=["submit"])).status_code == 405
    anonymous = cast.page("anonymous").post(reverse("certificates:batch", args=["submit"]))
    assert anonymous.status_code == 302


# --- API --------------------------------------------------------------------------------


def test_the_api_submits_together_and_answers_each_outcome(cast):
    reviewed = _application(cast, NAMES[0], "reviewed")
    theirs = _application(
        cast, NAMES[1], "reviewed", unit=cast.tree.unit_a2, office=cast.sibling_unit
    )
    response = cast.api("own_unit").post(
        "/api/v1/certificate-applications/batch-submit/",
        {"ids": [reviewed.pk, theirs.pk], "note": "统一申报"},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["done"] == [
        {
            "id": reviewed.pk,
            "person_name": NAMES[0],
            "status": "submitted",
            "certificate_number": None,
        }
    ]
    assert body["refused"] == [
        {
            "id": theirs.pk,
            "person_name": None,
            "code": "not_found",
            "message": "不存在，或不在您的办理范围内",
        }
    ]
    assert body["summary"].startswith("已申报1件。1件未能申报")
    assert _status(theirs) == S.REVIEWED


def test_the_api_approves_together_and_answers_the_certificate_numbers(cast):
    submitted = [_application(cast, name, "submitted") for name in NAMES[:2]]
    response = cast.api("bureau").post(
        "/api/v1/certificate-applications/batch-approve/",
        {"ids": [a.pk for a in submitted]},
        format="json",
    )
    assert response.status_code == 200
    done = response.json()["done"]
    numbers = {c.number for c in Certificate.objects.all()}
    assert {row["certificate_number"] for row in done} == numbers
    assert {row["status"] for row in done} == {"approved"}
    assert response.json()["refused"] == []


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"ids": []},
        {"ids": "1,2"},
        {"ids": ["a"]},
        {"ids": [0]},
        {"ids": [2**63]},
        {"ids": list(range(1, batch.MAX_BATCH + 2))},
    ],
)
def test_the_api_answers_400_to_a_malformed_selection(cast, body):
    response = cast.api("bureau").post(
        "/api/v1/certificate-applications/batch-approve/", body, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_the_api_batch_needs_an_account_and_refuses_roles_that_may_not_act(cast):
    submitted = _application(cast, NAMES[0], "submitted")
    url = "/api/v1/certificate-applications/batch-approve/"
    assert cast.api("anonymous").post(url, {"ids": [submitted.pk]}, format="json").status_code in (
        401,
        403,
    )
    for role in ("own_unit", "parent_region", "other_region", "association"):
        response = cast.api(role).post(url, {"ids": [submitted.pk]}, format="json")
        assert response.status_code == 200, role
        assert response.json()["done"] == [], role
        assert response.json()["refused"][0]["code"] in ("permission_denied", "not_found"), role
    assert _status(submitted) == S.SUBMITTED
    assert not Certificate.objects.exists()
