from govcounsel.certificates import services
from govcounsel.certificates.models import CancellationCase
from govcounsel.tests.helpers import client_for


def _submitted(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    services.review(application=application, by=cast.own_unit, passed=True)
    services.submit(application=application, by=cast.own_unit)
    return application


def test_approve_answers_the_certificate_with_its_decoded_number(cast, eligible):
    application = _submitted(cast, eligible)
    body = (
        client_for(cast.bureau)
        .post(f"/api/v1/certificate-applications/{application.pk}/approve/", {}, format="json")
        .json()
    )
    assert body["status"] == "active"
    assert body["decoded"]["category_label"] == "公职律师"
    assert body["decoded"]["area_code"] == "05"
    assert [s["action"] for s in body["steps"]] == ["issued"]


def test_refusal_carries_code_and_every_unmet_condition(cast, tree):
    response = client_for(cast.sibling_unit).post(
        "/api/v1/certificate-applications/", {"person": tree.person_a2.pk}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "ineligible"
    assert "未取得法律职业资格或律师资格" in body["message"]
    assert "未专门从事法律事务工作" in body["message"]


def test_wrong_order_answers_invalid_transition(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    response = client_for(cast.own_unit).post(
        f"/api/v1/certificate-applications/{application.pk}/submit/"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_transition"


def test_reinstate_after_suspend(cast, issue):
    certificate = issue()
    client = client_for(cast.bureau)
    client.post(f"/api/v1/certificates/{certificate.pk}/suspend/", {"note": "调查"}, format="json")
    response = client.post(f"/api/v1/certificates/{certificate.pk}/reinstate/", {}, format="json")
    assert response.json()["status"] == "active"


def test_decode_endpoint(cast):
    client = client_for(cast.parent_region)
    body = client.get("/api/v1/certificates/decode/", {"number": "11102200810000003"}).json()
    assert body == {
        "number": "11102200810000003",
        "province_code": "11",
        "area_code": "02",
        "first_approved_year": 2008,
        "category": "1",
        "category_label": "专职律师",
        "sex": "M",
        "serial": 3,
    }
    bad = client.get("/api/v1/certificates/decode/", {"number": "123"})
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid_number"


def test_certificate_register_is_scoped(cast, issue, tree):
    issue()
    assert len(client_for(cast.parent_region).get("/api/v1/certificates/").json()["results"]) == 1
    assert client_for(cast.other_region).get("/api/v1/certificates/").json()["results"] == []
    assert client_for(cast.sibling_unit).get("/api/v1/certificates/").json()["results"] == []
    assert len(client_for(cast.applicant).get("/api/v1/certificates/").json()["results"]) == 1


def test_cancellation_case_flow_through_the_api(cast, issue, eligible):
    from govcounsel.people import services as people_services

    issue()
    people_services.update_person(
        person=eligible,
        by=cast.own_unit,
        employment_status="retired",
        employment_status_date="2026-11-01",
    )
    case = CancellationCase.objects.get()
    listed = client_for(cast.own_unit).get("/api/v1/cancellation-cases/").json()["results"]
    assert [c["reason"] for c in listed] == ["retired"]
    assert (
        client_for(cast.other_region).get(f"/api/v1/cancellation-cases/{case.pk}/").status_code
        == 404
    )
    recovered = client_for(cast.own_unit).post(
        f"/api/v1/cancellation-cases/{case.pk}/recover/", {}, format="json"
    )
    assert recovered.json()["status"] == "recovered"
    assert (
        client_for(cast.own_unit)
        .post(f"/api/v1/cancellation-cases/{case.pk}/complete/")
        .status_code
        == 403
    )
    done = client_for(cast.bureau).post(
        f"/api/v1/cancellation-cases/{case.pk}/complete/", {}, format="json"
    )
    assert done.json()["status"] == "completed"


def test_list_query_budget(cast, issue, tree, django_assert_max_num_queries):
    from govcounsel.people.tests.factories import PersonFactory, QualificationFactory

    for _ in range(6):
        person = PersonFactory(unit=tree.unit_a, full_time_legal=True)
        QualificationFactory(person=person)
        issue(person)
    for url in [
        "/api/v1/certificates/",
        "/api/v1/certificate-applications/",
        "/api/v1/cancellation-cases/",
    ]:
        client = client_for(type(cast.bureau).objects.get(pk=cast.bureau.pk))
        with django_assert_max_num_queries(7):
            assert client.get(url + "?page_size=100").status_code == 200


def test_retirement_before_certificate_issue_is_refused_by_the_api(cast, issue, eligible):
    from datetime import date

    from govcounsel.people.models import Person

    certificate = issue(issued_on=date(2024, 1, 15))
    response = client_for(cast.own_unit).patch(
        f"/api/v1/people/{eligible.pk}/",
        {"employment_status": "retired", "employment_status_date": "2023-12-31"},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "date_before_issue"
    assert "2024-01-15" in body["errors"]["employment_status_date"][0]
    assert Person.objects.get(pk=eligible.pk).employment_status == "in_post"
    certificate.refresh_from_db()
    assert certificate.ended_on is None
    assert not CancellationCase.objects.exists()


def _reviewed(cast, eligible):
    application = services.apply(person=eligible, by=cast.own_unit)
    services.review(application=application, by=cast.own_unit, passed=True)
    return application


def test_a_text_file_renamed_as_a_scan_is_refused_by_the_api(cast, eligible, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from govcounsel.certificates.choices import ApplicationStatus

    settings.MEDIA_ROOT = str(tmp_path)
    application = _reviewed(cast, eligible)
    response = client_for(cast.own_unit).post(
        f"/api/v1/certificate-applications/{application.pk}/submit/",
        {
            "note": "申报",
            "scan": SimpleUploadedFile("申报表.pdf", "纯文本".encode(), "application/pdf"),
        },
        format="multipart",
    )
    assert response.status_code == 400
    assert "仅限 PDF、JPEG、PNG" in response.json()["errors"]["scan"][0]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REVIEWED
    assert not application.steps.filter(action="submitted").exists()
    assert not any(tmp_path.rglob("*"))


def test_a_pdf_scan_is_accepted_by_the_api(cast, eligible, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = str(tmp_path)
    application = _reviewed(cast, eligible)
    pdf = b"%PDF-1.4\n%%EOF\n"
    response = client_for(cast.own_unit).post(
        f"/api/v1/certificate-applications/{application.pk}/submit/",
        {"note": "申报", "scan": SimpleUploadedFile("申报表", pdf, "application/octet-stream")},
        format="multipart",
    )
    assert response.status_code == 200
    step = application.steps.get(action="submitted")
    assert step.scan.read() == pdf
