"""Suite-wide set-up: the suite runs on PostgreSQL or not at all."""

from __future__ import annotations

import pytest


def pytest_sessionstart(session: pytest.Session) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.exit(
            f"The suite runs on PostgreSQL only; DATABASE_URL points at {connection.vendor}.",
            returncode=3,
        )


def pytest_report_header(config: pytest.Config) -> str:
    from django.db import connection

    return f"database backend: {connection.vendor} ({connection.settings_dict.get('HOST')})"
