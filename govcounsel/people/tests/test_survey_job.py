"""Issue 9: a large survey file is checked and imported by a worker, not in the request; the
page polls its progress and then shows the same preview or result as a small file gets."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people import survey, tasks
from govcounsel.people.models import Person, SurveyUpload

from .test_survey import good_rows, xlsx


@pytest.fixture
def office(tree):
    return user_with(Role.UNIT_ADMIN, tree.unit_a, username="office")


@pytest.fixture
def small_threshold(settings):
    settings.SURVEY_SYNC_ROWS = 2  # good_rows() has 3 rows: a "large" file


def _upload(client, content):
    return client.post("/people/survey/", {"file": SimpleUploadedFile("摸排.xlsx", content)})


def _with_error(tree):
    rows = good_rows(tree)
    rows[1][1] = "110105198001010039"  # wrong check digit
    return rows


def test_a_file_above_the_threshold_is_queued_not_checked_in_the_request(
    tree, office, client, small_threshold, monkeypatch, django_capture_on_commit_callbacks
):
    client.force_login(office)
    checked = []
    monkeypatch.setattr(survey, "plan_survey", lambda *a, **k: checked.append(1))
    with django_capture_on_commit_callbacks() as queued:
        response = _upload(client, xlsx(good_rows(tree)))
    upload = SurveyUpload.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/people/survey/{upload.pk}/"
    assert len(queued) == 1
    assert checked == []
    assert upload.summary == {"state": "queued", "progress": 0, "action": "preview"}
    page = client.get(response["Location"]).content.decode()
    assert 'data-state="queued"' in page
    assert "data-progress" in page
    assert "hx-get" in page
    assert 'data-testid="confirm"' not in page


def test_a_small_file_stays_synchronous(tree, office, client, django_capture_on_commit_callbacks):
    client.force_login(office)
    with django_capture_on_commit_callbacks() as queued:
        response = _upload(client, xlsx(good_rows(tree)))
    assert response.status_code == 200
    assert queued == []
    assert response.context["plan"].summary()["new_people"] == 3


@pytest.mark.parametrize("rows", [good_rows, _with_error])
def test_the_background_preview_is_the_synchronous_preview(
    tree, office, client, settings, rows, django_capture_on_commit_callbacks
):
    client.force_login(office)
    content = xlsx(rows(tree))
    synchronous = _upload(client, content).context["plan"]
    settings.SURVEY_SYNC_ROWS = 2
    with django_capture_on_commit_callbacks(execute=True):  # the task runs (Q sync in tests)
        location = _upload(client, content)["Location"]
    page = client.get(location)
    assert page.context["plan"].summary() == synchronous.summary()
    assert [str(e) for e in page.context["errors"]] == [str(e) for e in synchronous.errors]
    html = page.content.decode()
    assert 'data-state="done"' in html
    assert "hx-get" not in html
    assert ('data-testid="confirm"' in html) == (not synchronous.errors)
    assert ('data-testid="errors"' in html) == bool(synchronous.errors)


def test_a_large_file_is_imported_in_the_background(
    tree, office, client, small_threshold, django_capture_on_commit_callbacks
):
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        location = _upload(client, xlsx(good_rows(tree)))["Location"]
    upload = SurveyUpload.objects.get()
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(f"/people/survey/{upload.pk}/import/")
        again = client.post(f"/people/survey/{upload.pk}/import/")  # a second click
    assert response["Location"] == again["Location"] == location
    assert len(queued) == 1
    assert not Person.objects.filter(name="孙丽").exists()  # not imported in the request
    assert 'data-state="queued"' in client.get(location).content.decode()
    for callback in queued:
        callback()
    upload.refresh_from_db()
    assert upload.imported_at is not None
    assert Person.objects.filter(unit=tree.unit_a, name__in=["孙丽", "周强", "吴敏"]).count() == 3
    page = client.get(location, HTTP_HX_REQUEST="true")  # the polled fragment
    html = page.content.decode()
    assert "<html" not in html
    assert 'data-testid="imported"' in html
    assert "导入完成：新增人员3名，更新0名，新增资格2条，未变化0名。" in html
    assert client.post(f"/people/survey/{upload.pk}/import/").status_code == 404  # once only


def test_a_failure_in_the_task_is_shown_not_hidden(
    tree, office, client, small_threshold, monkeypatch, django_capture_on_commit_callbacks
):
    client.force_login(office)
    with django_capture_on_commit_callbacks() as queued:
        location = _upload(client, xlsx(good_rows(tree)))["Location"]

    def broken(*args, **kwargs):
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(survey, "plan_survey", broken)
    queued[0]()
    upload = SurveyUpload.objects.get()
    assert upload.summary["state"] == "failed"
    html = client.get(location).content.decode()
    assert 'data-testid="job-failed"' in html
    assert "磁盘已满" in html
    assert "hx-get" not in html  # polling stops
    assert not Person.objects.filter(name="孙丽").exists()


def test_a_file_wrong_inside_is_reported_by_the_job(
    tree, office, client, small_threshold, django_capture_on_commit_callbacks
):
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        location = _upload(client, xlsx(good_rows(tree), headers=["姓名", "工号"]))["Location"]
    html = client.get(location).content.decode()
    assert 'data-testid="job-failed"' in html
    assert "无法识别的列：工号" in html


def test_only_the_uploader_sees_the_job(
    tree, office, client, small_threshold, django_capture_on_commit_callbacks
):
    client.force_login(office)
    with django_capture_on_commit_callbacks():
        location = _upload(client, xlsx(good_rows(tree)))["Location"]
    upload = SurveyUpload.objects.get()
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a, username="colleague"))
    assert client.get(location).status_code == 404
    assert client.post(f"/people/survey/{upload.pk}/import/").status_code == 404
    tasks.run_survey_job(upload.pk)
    assert client.get(location).status_code == 404
