from io import StringIO

from django.core.management import call_command


def test_openapi_schema_generates_without_warnings(tmp_path):
    errors = StringIO()
    call_command(
        "spectacular", "--file", str(tmp_path / "schema.yml"), "--fail-on-warn", stderr=errors
    )
    assert (tmp_path / "schema.yml").stat().st_size > 10_000
