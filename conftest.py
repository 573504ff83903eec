"""Suite-wide set-up: the suite runs on PostgreSQL or not at all, and, when asked, at a
given hour of the Beijing day (`--beijing-time 07:30`): the clock starts at that time
today and ticks on, so that every date computation meets the hours when the Beijing
date and the UTC date differ."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

BEIJING = ZoneInfo("Asia/Shanghai")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--beijing-time",
        metavar="HH:MM",
        help="run the suite with the clock set to this Beijing time of today",
    )


def beijing_start(value: str, now: datetime | None = None) -> datetime:
    """Today's date in Beijing at the given time of day."""
    today = (now or datetime.now(tz=BEIJING)).astimezone(BEIJING).date()
    return datetime.combine(today, time.fromisoformat(value), tzinfo=BEIJING)


def pytest_configure(config: pytest.Config) -> None:
    value = config.getoption("--beijing-time")
    if value:
        import time_machine

        traveller = time_machine.travel(beijing_start(value), tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)


def pytest_sessionstart(session: pytest.Session) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.exit(
            f"The suite runs on PostgreSQL only; DATABASE_URL points at {connection.vendor}.",
            returncode=3,
        )


def pytest_report_header(config: pytest.Config) -> list[str]:
    from django.db import connection
    from django.utils import timezone

    return [
        f"database backend: {connection.vendor} ({connection.settings_dict.get('HOST')})",
        f"clock: {timezone.localtime():%Y-%m-%d %H:%M} Beijing time",
    ]


@pytest.fixture(autouse=True)
def _statutory_calendar_read_afresh() -> None:
    """Each test reads the statutory calendar from its own database: what an earlier test
    imported and rolled back must not linger in the process's working-day cache."""
    from govcounsel.core import workdays

    workdays.forget()


@pytest.fixture(autouse=True)
def _force_login_passes_both_factors(monkeypatch: pytest.MonkeyPatch) -> None:
    """`client.force_login(user)` stands for a finished login, the second factor included
    (ADR 0012); the two-factor tests log in through the real pages instead."""
    from django.test.client import ClientMixin

    from govcounsel.accounts.two_factor import VERIFIED_SESSION_KEY

    original = ClientMixin.force_login

    def force_login(self: Any, user: Any, backend: Any = None) -> None:
        original(self, user, backend)
        session = self.session
        session[VERIFIED_SESSION_KEY] = user.pk
        session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login)


def _flushes_the_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and bool(
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    fixtures = set(getattr(item, "fixturenames", ()))
    return transactional or bool(fixtures & {"transactional_db", "live_server"})


def _restore_statutory_calendar() -> None:
    from importlib import import_module

    from django.apps import apps

    from govcounsel.core import workdays

    import_module("govcounsel.core.migrations.0005_preload_statutory_calendar").preload(apps, None)
    workdays.forget()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """A database kept by --reuse-db may have been flushed by a transactional test of an
    earlier run; the preloaded holiday notices (core 0005) are put back (idempotent)."""
    with django_db_blocker.unblock():
        _restore_statutory_calendar()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    """A transactional test ends by flushing every table, the rows of data migrations too;
    put the preloaded holiday notices (core 0005) back for the tests after it."""
    yield
    # After the last test the session's teardown has already dropped the test database.
    if nextitem is not None and _flushes_the_database(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            _restore_statutory_calendar()
