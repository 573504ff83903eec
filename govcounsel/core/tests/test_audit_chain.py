"""The audit trail cannot be bent (ADR 0010): every audit row is chained to the one before,
`verify_audit` finds the first row changed or removed behind the application's back, the
trail refuses UPDATE, DELETE and TRUNCATE, the application's role may only read and append,
and login records are kept in the trail when they are cleared."""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessLog
from axes.utils import reset
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.utils import timezone

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core import audit_chain
from govcounsel.core.audit import record_event, verify_chains
from govcounsel.core.audit_actions import actions
from govcounsel.core.models import AuditEvent, ChangeSeal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _test_actions():
    """The chain is tested with names of its own, declared for these tests only."""
    with actions.declared("test.event", "test.race.0", "test.race.1"):
        yield


def _sql(statement: str, params: list[object] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params or [])


def _tamper(statement: str, params: list[object]) -> None:
    """Change the trail as a database superuser could, triggers off, behind the
    application's back."""
    _sql("SET LOCAL session_replication_role = replica")
    _sql(statement, params)
    _sql("SET LOCAL session_replication_role = origin")


def _verify_audit() -> str:
    with pytest.raises(CommandError) as failure:
        call_command("verify_audit")
    return str(failure.value)


def _three_events() -> list[AuditEvent]:
    return [record_event("test.event", data={"n": n, "ratio": 1.0}) for n in range(3)]


def test_each_audit_event_carries_the_digest_of_the_one_before():
    first, second, third = _three_events()
    assert first.previous_digest == ""
    assert second.previous_digest == first.digest
    assert third.previous_digest == second.digest
    assert len({first.digest, second.digest, third.digest}) == 3
    call_command("verify_audit")  # no break: no error


def test_verifier_finds_an_audit_event_changed_through_sql():
    _first, second, _third = _three_events()
    _tamper(
        "UPDATE core_auditevent SET actor_name = 'someone-else' WHERE id = %s",
        [second.pk],
    )
    message = _verify_audit()
    assert f"编号 {second.pk}" in message
    assert timezone.localtime(second.at).strftime("%Y-%m-%d %H:%M:%S") in message
    assert "被改动" in message


def test_verifier_finds_an_audit_event_deleted_through_sql():
    _first, second, third = _three_events()
    _tamper(
        "DELETE FROM core_auditevent WHERE id = %s",
        [second.pk],
    )
    # The row after the gap no longer follows its predecessor.
    assert f"编号 {third.pk}" in _verify_audit()


def test_verifier_finds_a_field_change_entry_changed_through_sql():
    user_with(Role.AUDIT_ADMIN)  # django-auditlog records the new account and its grant
    entries = list(LogEntry.objects.order_by("pk"))
    assert entries
    assert ChangeSeal.objects.count() == len(entries)
    call_command("verify_audit")
    _tamper(
        "UPDATE auditlog_logentry SET changes_text = 'nothing happened' WHERE id = %s",
        [entries[0].pk],
    )
    assert f"编号 {entries[0].pk}" in _verify_audit()


def test_a_field_change_entry_written_around_the_application_is_found():
    user_with(Role.AUDIT_ADMIN)
    entry = LogEntry.objects.order_by("pk").first()
    assert entry is not None
    entry.pk = None
    entry.changes_text = "slipped in"
    LogEntry.objects.bulk_create([entry])  # no signal: no seal
    assert f"编号 {entry.pk}" in _verify_audit()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE auditlog_logentry SET changes_text = 'x'",
        "DELETE FROM auditlog_logentry",
        "UPDATE core_changeseal SET digest = 'x'",
        "DELETE FROM core_changeseal",
        "UPDATE core_auditevent SET actor_name = 'x'",
        "DELETE FROM core_auditevent",
    ],
)
def test_the_trail_refuses_update_and_delete_whoever_connects(statement):
    user_with(Role.AUDIT_ADMIN)
    record_event("test.event")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        _sql(statement)


@pytest.mark.parametrize("table", audit_chain.AUDIT_TABLES)
def test_truncate_of_the_trail_through_the_application_connection_fails(table):
    # The test settings allow the flush between transactional tests; the application never does.
    _sql(f"SET LOCAL {audit_chain.TRUNCATE_SETTING} = 'off'")
    with pytest.raises(DatabaseError, match="cannot be truncated"), transaction.atomic():
        _sql(f"TRUNCATE {table} CASCADE")


def test_clearing_lockouts_keeps_each_attempt_in_the_trail():
    AccessAttempt.objects.create(
        username="zhangsan",
        ip_address="10.0.0.7",
        user_agent="pytest",
        failures_since_start=5,
        get_data="",
        post_data="password=secret",
    )
    AccessLog.objects.create(username="zhangsan", ip_address="10.0.0.7", user_agent="pytest")
    reset(username="zhangsan")
    AccessLog.objects.all().delete()
    kept = {e.action: e.data for e in AuditEvent.objects.filter(action__startswith="axes.")}
    assert kept["axes.accessattempt.cleared"]["username"] == "zhangsan"
    assert kept["axes.accessattempt.cleared"]["failures_since_start"] == 5
    assert "post_data" not in kept["axes.accessattempt.cleared"]
    assert kept["axes.accesslog.cleared"]["ip_address"] == "10.0.0.7"
    call_command("verify_audit")


def test_security_administrator_cannot_delete_login_records_but_unlocks_with_a_record():
    security = user_with(Role.SECURITY_ADMIN, is_staff=True, is_superuser=True)
    request = RequestFactory().post("/admin/")
    request.user = security
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    for model in (AccessAttempt, AccessLog):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_delete_permission(request)
        assert "delete_selected" not in model_admin.get_actions(request)
    attempt = AccessAttempt.objects.create(
        username="lisi", ip_address="10.0.0.8", failures_since_start=5, get_data="", post_data=""
    )
    attempt_admin = admin.site._registry[AccessAttempt]
    assert "unlock" in attempt_admin.get_actions(request)
    attempt_admin.unlock(request, AccessAttempt.objects.filter(pk=attempt.pk))
    assert not AccessAttempt.objects.exists()
    unlocked = AuditEvent.objects.get(action="accounts.lockout.unlocked")
    assert unlocked.actor == security
    assert unlocked.data["username"] == "lisi"
    assert AuditEvent.objects.filter(action="axes.accessattempt.cleared").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_transactions_appending_at_once_do_not_fork_the_chain():
    started = threading.Barrier(2)

    def append(name: str) -> None:
        try:
            started.wait()
            with transaction.atomic():
                record_event(name)
                time.sleep(0.3)  # the other writer arrives while this one is open
        finally:
            connection.close()

    threads = [threading.Thread(target=append, args=(f"test.race.{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first, second = AuditEvent.objects.order_by("pk")
    assert second.previous_digest == first.digest
    assert all(broken is None for _chain, _count, broken in verify_chains())


@pytest.mark.django_db(transaction=True)
def test_application_role_may_read_and_append_but_not_change_the_trail():
    """As docs/operations.md sets production up: the owner migrates, the application's role
    gets the usual privileges, and the trail's UPDATE, DELETE and TRUNCATE are taken back."""
    role = f"gc_test_app_{uuid.uuid4().hex[:8]}"
    _sql(f"CREATE ROLE {role} LOGIN")
    try:
        _sql(
            f"GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO {role}"
        )
        _sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}")
        revoked = audit_chain.revoke_audit_writes(connection)
        assert {s.split(" FROM ")[1] for s in revoked} == {role}
        record_event("test.event")
        settings = connection.settings_dict
        with psycopg.connect(
            host=settings["HOST"],
            port=settings["PORT"] or 5432,
            dbname=settings["NAME"],
            user=role,
            autocommit=True,
        ) as app:
            app.execute(
                "INSERT INTO core_auditevent (action, actor_name, at, object_id, object_repr,"
                " data, previous_digest, digest) VALUES ('test.app', '', now(), '', '', '{}',"
                " '', '')"
            )
            assert app.execute("SELECT count(*) FROM core_auditevent").fetchone()[0] == 2  # type: ignore[index]
            for statement in (
                "UPDATE core_auditevent SET actor_name = 'x'",
                "DELETE FROM core_auditevent",
                "TRUNCATE core_auditevent",
                "DELETE FROM auditlog_logentry",
                "TRUNCATE core_changeseal",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    app.execute(statement)
    finally:
        _sql(f"DROP OWNED BY {role}")
        _sql(f"DROP ROLE {role}")


def test_the_daily_check_tells_the_audit_administrators_of_a_broken_link():
    from django_q.models import Schedule

    from govcounsel.accounts.notices import AUDIT_TRAIL_BROKEN
    from govcounsel.accounts.tasks import verify_audit_trail
    from govcounsel.core.models import Notification

    auditor = user_with(Role.AUDIT_ADMIN)
    assert Schedule.objects.get(name="audit-trail-check").func == (
        "govcounsel.accounts.tasks.verify_audit_trail"
    )
    _first, second, _third = _three_events()
    assert verify_audit_trail() == []
    assert not Notification.objects.filter(kind=AUDIT_TRAIL_BROKEN).exists()
    _tamper("UPDATE core_auditevent SET actor_name = 'x' WHERE id = %s", [second.pk])
    [problem] = verify_audit_trail()
    assert f"编号 {second.pk}" in problem
    [notice] = Notification.objects.filter(kind=AUDIT_TRAIL_BROKEN)
    assert notice.recipient == auditor
    assert problem in notice.body
