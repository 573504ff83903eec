"""The API against its own OpenAPI schema: generated requests by a signed-in
justice bureau never get a 5xx nor an answer the schema does not describe. Bounded: a
few examples per operation (reads and writes), one worker, no shrinking."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with

pytestmark = [pytest.mark.schemathesis]


@pytest.fixture
def connection_kept_open():
    """The WSGI app closes the database connection after each request, as in production;
    the test's transaction lives on it, so keep it open as Django's test client does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize(
    ("methods", "examples"), [(("GET",), 8), (("POST", "PUT", "PATCH", "DELETE"), 3)]
)
def test_operations_answer_as_the_schema_says(tree, connection_kept_open, methods, examples):
    import schemathesis
    from schemathesis.checks import (
        content_type_conformance,
        not_a_server_error,
        response_schema_conformance,
        status_code_conformance,
    )

    from config.wsgi import application
    from govcounsel.accounts.token_services import issue_token

    bureau = user_with(Role.JUSTICE_BUREAU, tree.beijing, username="schema_bureau")
    _token, key = issue_token(user=bureau)
    headers = {"Authorization": f"Token {key}"}
    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", application, headers=headers
    )
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    failures: list[str] = []
    operations = [r.ok() for r in schema.include(method=list(methods)).get_all_operations()]
    assert len(operations) >= 20  # the filter names real methods: the run covers the API
    for operation in operations:
        check_operation(operation, headers, checks, failures, examples)
    assert failures == []


def check_operation(
    operation: Any, headers: dict[str, str], checks: list[Any], failures: list[str], examples: int
) -> None:
    """A few generated requests against one operation; every failure is listed, not just
    the first."""

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        try:
            case.call_and_validate(headers=headers, checks=checks)
        except Exception as error:  # a schemathesis failure group: keep going, list all
            failures.append(f"{operation.label}: {str(error)[:400]}")
            raise AssertionError from None

    with contextlib.suppress(AssertionError):
        run()
