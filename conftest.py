"""Suite-wide set-up: the suite runs on PostgreSQL or not at all, and, when asked, at a
given hour of the Beijing day (`--beijing-time 07:30`): the clock starts at that time
today and ticks on, so that every date computation meets the hours when the Beijing
date and the UTC date differ."""

from __future__ import annotations

from datetime import datetime, time
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
