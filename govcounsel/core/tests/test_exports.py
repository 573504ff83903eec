"""Exports that scale (ADR 0018): every list writes xlsx or csv with the same escaping; above
a row threshold the export runs as a background job the owner follows and downloads, and
nobody else can; the files expire."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone
from django_q.models import Schedule
from openpyxl import load_workbook

from govcounsel.accounts.choices import Role
from govcounsel.accounts.models import RoleGrant
from govcounsel.accounts.scopes import forget_grants
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core import export_jobs
from govcounsel.core.choices import ExportStatus
from govcounsel.core.exporters import BOM, HEADER_ROW, Column, Report, attr, csv_cell, iter_csv
from govcounsel.core.models import AuditEvent, ExportJob
from govcounsel.organisations.models import Unit
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.tests.helpers import events


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM.encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def streamed(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)


def names_in(rows: list[list[str]]) -> set[str]:
    return {row[0] for row in rows[1:]}


@pytest.fixture
def supervisor(tree, client):
    user = user_with(Role.SUPERVISOR, tree.chaoyang, username="zhang", last_name="张")
    client.force_login(user)
    return user


# --- the writers ---------------------------------------------------------------------------


def test_csv_cells_are_escaped_like_xlsx_cells():
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("-2") == "'-2"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("王建国") == "王建国"
    assert csv_cell(None) == ""
    assert csv_cell(3) == "3"


def test_csv_report_streams_header_and_rows_with_a_byte_order_mark():
    class Rows(Report):
        columns = [Column("姓名", attr("name")), Column("备注", attr("note"))]

    class Obj:
        def __init__(self, name: str, note: str) -> None:
            self.name, self.note = name, note

    report = Rows()
    chunks = list(iter_csv(report, (Obj(f"人{i}", "=1+1") for i in range(5)), batch=2))
    assert len(chunks) == 4  # header, then rows two at a time: nothing waits for the end
    rows = csv_rows(b"".join(chunks))
    assert rows[0] == ["姓名", "备注"]
    assert rows[1] == ["人0", "'=1+1"]
    assert len(rows) == 6
    assert report.rows_written == 5


# --- a small export, written at once --------------------------------------------------------


def test_a_list_exports_csv_with_the_xlsx_header_and_escaped_cells(tree, client, supervisor):
    Unit.objects.filter(pk=tree.unit_a.pk).update(name="=1+1")
    response = client.get("/people/?export=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(streamed(response))
    xlsx = client.get("/people/?export=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert rows[0] == [c.value for c in sheet[HEADER_ROW]]
    assert names_in(rows) == {"王建国", "李秀英"}
    (wang,) = [row for row in rows if row[0] == "王建国"]
    assert wang[5] == "'=1+1"
    assert tree.person_a.id_number not in str(rows)
    (event,) = events("export.csv")
    assert (event.data["count"], event.data["personal_data"], event.actor_id) == (
        2,
        True,
        supervisor.pk,
    )


def test_the_export_keeps_the_list_filters(tree, client, supervisor):
    rows = csv_rows(streamed(client.get("/people/?q=王建国&export=csv")))
    assert names_in(rows) == {"王建国"}
    (event,) = events("export.csv")
    assert event.data["filters"] == {"q": "王建国"}


def test_the_export_keeps_the_scope(tree, client):
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    rows = csv_rows(streamed(client.get("/people/?export=csv")))
    assert names_in(rows) == {"王建国"}  # 李秀英 of the sibling unit is never in the file


def test_the_list_offers_both_formats(tree, client, supervisor):
    page = client.get("/people/?q=王").content.decode()
    assert 'data-testid="export-csv"' in page
    assert 'href="?q=%E7%8E%8B&export=csv"' in page
    assert 'data-testid="export-xlsx"' in page


# --- a large export, run as a background job ------------------------------------------------


def test_above_the_threshold_the_export_becomes_a_job(
    tree, client, supervisor, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/people/?export=csv")
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exports/{job.pk}/"
    assert (job.owner, job.status, job.done, job.total) == (supervisor, ExportStatus.DONE, 2, 2)
    assert job.expires_at
    assert job.finished_at
    assert job.expires_at - job.finished_at == timedelta(days=settings.EXPORT_KEEP_DAYS)
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="download"' in page
    download = client.get(f"/exports/{job.pk}/download/")
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert names_in(csv_rows(b"".join(download.streaming_content))) == {"王建国", "李秀英"}
    # The read is recorded when the worker writes the file, with its count.
    (event,) = events("export.csv")
    assert (event.data["count"], event.data["job"], event.actor_id) == (2, job.pk, supervisor.pk)
    assert len(events("export.requested")) == 1
    assert len(events("export.downloaded")) == 1


def test_the_job_replays_scope_and_filters_for_its_owner(
    tree, client, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    PersonFactory(name="张三", unit=tree.unit_a)
    client.force_login(user_with(Role.UNIT_ADMIN, tree.unit_a))
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/people/?export=csv")
        client.get("/people/?q=王建国&export=csv")
    everyone, filtered = ExportJob.objects.order_by("pk")
    # 李秀英 of the sibling unit is never in the file; the filter narrows it further.
    assert names_in(csv_rows(everyone.file.open().read())) == {"王建国", "张三"}
    assert names_in(csv_rows(filtered.file.open().read())) == {"王建国"}
    assert filtered.query == "q=%E7%8E%8B%E5%BB%BA%E5%9B%BD"


def test_an_xlsx_job_names_its_exporter(
    tree, client, supervisor, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/people/?export=xlsx")
    job = ExportJob.objects.get()
    workbook = load_workbook(io.BytesIO(job.file.open().read()))
    rows = workbook.active.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    assert {row[0] for row in rows} == {
        "王建国",
        "李秀英",
    }
    about = dict(workbook["导出信息"].iter_rows(values_only=True))
    assert (about["导出人"], about["记录数"]) == ("张（zhang）", 2)
    download = client.get(f"/exports/{job.pk}/download/")
    assert download["Content-Type"].startswith("application/vnd.openxml")


def test_job_progress_is_saved_as_rows_are_written_and_shown_until_done(
    tree, client, supervisor, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    settings.EXPORT_PROGRESS_ROWS = 1
    with django_capture_on_commit_callbacks(execute=False):
        client.get("/people/?export=csv")
    job = ExportJob.objects.get()
    page = client.get(f"/exports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert 'data-progress="0"' in page
    assert 'data-testid="download"' not in page
    assert client.get(f"/exports/{job.pk}/download/").status_code == 404  # not written yet

    seen: list[tuple[str, int, int]] = []
    save = export_jobs.save_progress

    def spy(job: ExportJob, done: int) -> None:
        save(job, done)
        job = ExportJob.objects.get(pk=job.pk)
        seen.append((job.status, job.done, job.total))

    monkeypatch.setattr(export_jobs, "save_progress", spy)
    export_jobs.run_export(job.pk)
    assert seen == [(ExportStatus.RUNNING, 1, 2), (ExportStatus.RUNNING, 2, 2)]
    page = client.get(f"/exports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in page  # done: the page stops polling
    assert 'data-testid="download"' in page
    export_jobs.run_export(job.pk)  # the broker delivers the task again: nothing happens twice
    assert len(events("export.csv")) == 1


def test_a_second_click_joins_the_pending_job(
    tree, client, supervisor, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    with django_capture_on_commit_callbacks(execute=False):
        first = client.get("/people/?export=csv")
        second = client.get("/people/?export=csv&page=2")
        client.get("/people/?export=xlsx")
    assert first["Location"] == second["Location"]
    assert ExportJob.objects.count() == 2  # one per format


def test_an_id_number_searched_for_is_not_kept_in_clear(
    tree, client, supervisor, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    number = tree.person_a.id_number
    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"/people/?q={number}&export=csv")
    job = ExportJob.objects.get()
    assert names_in(csv_rows(job.file.open().read())) == {"王建国"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT query FROM core_exportjob")
        (stored,) = cursor.fetchone()
    assert number not in stored
    assert number not in str([e.data for e in AuditEvent.objects.all()])


def test_a_job_whose_owner_lost_the_grant_writes_nothing(
    tree, client, supervisor, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    with django_capture_on_commit_callbacks(execute=False):
        client.get("/people/?export=csv")
    RoleGrant.objects.filter(user=supervisor).delete()
    forget_grants(supervisor)
    job = ExportJob.objects.get()
    export_jobs.run_export(job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE
    assert csv_rows(job.file.open().read())[1:] == []  # the scope of today: nothing
    assert events("export.csv")[0].data["count"] == 0


def test_a_job_of_a_list_the_owner_may_no_longer_read_fails(
    tree, client, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    auditor = user_with(Role.AUDIT_ADMIN)
    client.force_login(auditor)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.get("/audit/?export=csv")
    job = ExportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    RoleGrant.objects.filter(user=auditor).delete()
    forget_grants(auditor)
    export_jobs.run_export(job.pk)
    job.refresh_from_db()
    assert (job.status, bool(job.file)) == (ExportStatus.FAILED, False)
    assert job.error
    assert events("export.csv") == []
    page = client.get(f"/exports/{job.pk}/").content.decode()
    assert 'data-testid="export-failed"' in page


# --- only the owner, and only for a while ---------------------------------------------------


def test_someone_elses_export_answers_404_and_is_recorded(
    tree, client, supervisor, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/people/?export=csv")
    job = ExportJob.objects.get()
    colleague = user_with(Role.SUPERVISOR, tree.chaoyang)
    client.force_login(colleague)
    assert client.get(f"/exports/{job.pk}/").status_code == 404
    assert client.get(f"/exports/{job.pk}/download/").status_code == 404
    assert f"/exports/{job.pk}/" not in client.get("/exports/").content.decode()
    assert len(events("access.denied")) == 2
    assert events("export.downloaded") == []
    client.logout()
    assert client.get(f"/exports/{job.pk}/download/").status_code == 302  # to the login page


def test_my_exports_lists_only_my_own(
    tree, client, supervisor, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/people/?export=csv")
    mine = ExportJob.objects.get()
    other = ExportJob.objects.create(
        owner=user_with(Role.SUPERVISOR, tree.chaoyang),
        title="别人的导出",
        view="x",
        path="/",
        format="csv",
    )
    page = client.get("/exports/").content.decode()
    assert f'data-testid="download-{mine.pk}"' in page
    assert "别人的导出" not in page
    assert f"/exports/{other.pk}/" not in page


def test_expired_files_are_removed_by_the_daily_cleanup(
    tree, client, supervisor, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_ROWS = 0
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/people/?export=csv")
        client.get("/people/?export=xlsx")
    old, fresh = ExportJob.objects.order_by("pk")
    ExportJob.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    name = old.file.name
    assert default_storage.exists(name)
    assert export_jobs.remove_expired_exports() == 1
    old.refresh_from_db()
    assert (old.status, old.file.name) == (ExportStatus.EXPIRED, "")
    assert not default_storage.exists(name)
    assert client.get(f"/exports/{old.pk}/download/").status_code == 404
    assert client.get(f"/exports/{fresh.pk}/download/").status_code == 200
    # A job whose worker died is marked failed, and the next click queues a new one.
    stuck = ExportJob.objects.create(
        owner=supervisor, title="人员", view="x", path="/people/", format="csv"
    )
    ExportJob.objects.filter(pk=stuck.pk).update(
        status=ExportStatus.RUNNING, created_at=timezone.now() - export_jobs.STALE_AFTER
    )
    export_jobs.remove_expired_exports()
    stuck.refresh_from_db()
    assert stuck.status == ExportStatus.FAILED
    schedule = Schedule.objects.get(name="expired-exports")
    assert schedule.func == "govcounsel.core.export_jobs.remove_expired_exports"
