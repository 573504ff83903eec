from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.certificates import services
from govcounsel.certificates.models import CertificateApplication
from govcounsel.core.exporters import HEADER_ROW
from govcounsel.people import services as people_services


def test_apply_from_the_person_page_then_work_it_through(cast, eligible, client):
    client.force_login(cast.own_unit)
    page = client.get(f"/people/{eligible.pk}/").content.decode()
    assert 'data-testid="apply"' in page
    response = client.post(f"/certificates/apply/{eligible.pk}/", {"statement": "申请"})
    application = CertificateApplication.objects.get()
    assert response["Location"] == f"/certificates/applications/{application.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="action-review"' in page
    assert 'data-testid="action-approve"' not in page

    client.post(
        f"/do/certificates.certificateapplication/{application.pk}/review/",
        {"note": "同意", "passed": "true"},
    )
    client.post(f"/do/certificates.certificateapplication/{application.pk}/submit/", {})
    client.force_login(cast.bureau)
    queue = client.get("/certificates/applications/?queue=approval").content.decode()
    assert eligible.name in queue
    response = client.post(
        f"/do/certificates.certificateapplication/{application.pk}/approve/", {"note": "准予"}
    )
    application.refresh_from_db()
    certificate = application.certificate
    assert response["Location"] == f"/certificates/{certificate.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert certificate.number in page
    assert "公职律师" in page
    assert "颁发证书" in page


def test_ineligible_applicant_sees_every_reason_on_the_form(cast, tree, client):
    client.force_login(cast.sibling_unit)
    page = client.post(f"/certificates/apply/{tree.person_a2.pk}/", {}).content.decode()
    assert "不符合申请公职律师证书的条件" in page
    assert "未取得法律职业资格或律师资格" in page
    assert "未专门从事法律事务工作" in page
    assert not CertificateApplication.objects.exists()


def test_a_refused_step_is_explained_and_changes_nothing(cast, eligible, client):
    application = services.apply(person=eligible, by=cast.own_unit)
    client.force_login(cast.own_unit)
    response = client.post(
        f"/do/certificates.certificateapplication/{application.pk}/return/",
        {"note": ""},
        follow=True,
    )
    assert "退回申请须说明理由" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "applied"


def test_actions_of_other_roles_are_refused(cast, eligible, client):
    application = services.apply(person=eligible, by=cast.own_unit)
    client.force_login(cast.parent_region)
    assert (
        client.post(
            f"/do/certificates.certificateapplication/{application.pk}/review/", {}
        ).status_code
        == 403
    )
    client.force_login(cast.other_region)
    assert (
        client.post(
            f"/do/certificates.certificateapplication/{application.pk}/review/", {}
        ).status_code
        == 404
    )


def test_cancellation_cases_page_marks_overdue(cast, issue, eligible, client):
    from datetime import timedelta

    from govcounsel.certificates.models import CancellationCase

    issue()
    people_services.update_person(
        person=eligible,
        by=cast.own_unit,
        employment_status="retired",
        employment_status_date=date(2026, 10, 1),
    )
    CancellationCase.objects.update(due_on=timezone.localdate() - timedelta(days=1))
    client.force_login(cast.bureau)
    home = client.get("/")
    todo = {str(card.label): card.value for card in home.context["todo"]}
    assert todo["超期注销案件"] == 1
    page = client.get("/certificates/cases/?overdue=true").content.decode()
    assert eligible.name in page


def test_certificate_register_exports(cast, issue, client):
    import io

    from openpyxl import load_workbook

    certificate = issue()
    client.force_login(cast.parent_region)
    response = client.get("/certificates/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert rows[1][0] == certificate.number


def test_association_sees_holders_without_membership(cast, issue, eligible, tree, client):
    issue()
    association = user_with(Role.ASSOCIATION, tree.chaoyang)
    client.force_login(association)
    assert eligible.name in client.get("/certificates/non-members/").content.decode()
    response = client.post(
        f"/certificates/non-members/{eligible.pk}/join/",
        {"member_number": "CY2026001", "joined_on": "2026-11-01"},
    )
    assert response.status_code == 302
    assert eligible.name not in client.get("/certificates/non-members/").content.decode()


def test_qualified_but_not_applied(cast, eligible, client):
    client.force_login(cast.own_unit)
    assert eligible.name in client.get("/certificates/qualified/").content.decode()
    services.apply(person=eligible, by=cast.own_unit)
    assert eligible.name not in client.get("/certificates/qualified/").content.decode()


def test_scans_are_stored_with_the_step_and_downloaded_within_scope(cast, eligible, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from govcounsel.tests.helpers import events

    client.force_login(cast.own_unit)
    client.post(
        f"/certificates/apply/{eligible.pk}/",
        {
            "statement": "申请",
            "scan": SimpleUploadedFile(
                "申请表.pdf", b"%PDF-1.4 scan", content_type="application/pdf"
            ),
        },
    )
    application = CertificateApplication.objects.get()
    step = application.steps.get()
    page = client.get(f"/certificates/applications/{application.pk}/").content.decode()
    assert f"/certificates/scans/application/{step.pk}/" in page
    response = client.get(f"/certificates/scans/application/{step.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 scan"
    assert len(events("certificates.scan.downloaded")) == 1
    client.force_login(cast.other_region)
    assert client.get(f"/certificates/scans/application/{step.pk}/").status_code == 404


def test_retirement_before_certificate_issue_is_refused_on_the_person_form(
    cast, issue, eligible, client
):
    from govcounsel.people.models import Person

    certificate = issue(issued_on=date(2024, 1, 15))
    client.force_login(cast.own_unit)
    response = client.post(
        f"/people/{eligible.pk}/edit/",
        {
            "name": eligible.name,
            "unit": eligible.unit_id,
            "is_civil_servant": "on",
            "full_time_legal": "on",
            "employment_status": "retired",
            "employment_status_date": "2023-12-31",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="error-employment_status_date"' in page
    assert "早于公职律师证书" in page
    assert Person.objects.get(pk=eligible.pk).employment_status == "in_post"
    certificate.refresh_from_db()
    assert certificate.ended_on is None


def test_a_text_file_renamed_as_a_scan_is_refused_on_the_page(
    cast, eligible, client, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(cast.own_unit)
    response = client.post(
        f"/certificates/apply/{eligible.pk}/",
        {"statement": "申请", "scan": SimpleUploadedFile("材料.pdf", "文本".encode())},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="error-scan"' in page
    assert "仅限 PDF、JPEG、PNG，不超过 10 MB" in page
    assert not CertificateApplication.objects.exists()
    assert not any(tmp_path.rglob("*"))


def test_the_action_dialog_says_what_scans_are_allowed(cast, eligible, client):
    application = services.apply(person=eligible, by=cast.own_unit)
    client.force_login(cast.own_unit)
    page = client.get(f"/certificates/applications/{application.pk}/").content.decode()
    assert "仅限 PDF、JPEG、PNG，不超过 10 MB" in page
    response = client.post(
        f"/do/certificates.certificateapplication/{application.pk}/review/",
        {"note": "同意", "scan": SimpleUploadedFile("审核.pdf", "文本".encode())},
        follow=True,
    )
    assert "不是 PDF、JPEG 或 PNG" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "applied"
