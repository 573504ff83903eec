"""Production as the README sets it up: static files collected with the production
storage, gunicorn with production settings, a page and its stylesheet served."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import connection

pytestmark = [pytest.mark.production, pytest.mark.django_db(transaction=True)]

HOST = "govcounsel.example.cn"


def _production_env(static_root: Path) -> dict[str, str]:
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "SECRET_KEY": "production-smoke-" + "x" * 50,
        "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "LOOKUP_HASH_KEY": "production-smoke-lookup",
        "ALLOWED_HOSTS": HOST,
        "STATIC_ROOT": str(static_root),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, bytes]:
    # Behind the proxy the request arrives as HTTPS; without the header it is redirected.
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": HOST, "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_production_collects_static_files_and_serves_pages_under_gunicorn(tmp_path):
    env = _production_env(tmp_path / "static")
    python = sys.executable
    collected = subprocess.run(  # noqa: S603
        [python, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert collected.returncode == 0, collected.stderr[-2000:]

    port = _free_port()
    gunicorn = Path(python).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [str(gunicorn), "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                status, body = _get(port, "/login/")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer")
        assert status == 200, body[-2000:]
        assert "公职律师工作管理平台".encode() in body
        stylesheet = re.search(
            rb'href="(/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]+\.css)"', body
        )
        assert stylesheet, "the page links the hashed stylesheet"
        css_status, css = _get(port, stylesheet[1].decode())
        assert css_status == 200
        assert b".btn" in css
        assert _get(port, "/no-such-page/")[0] == 404
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode(errors="replace")
    assert "Traceback" not in output, output[-3000:]
