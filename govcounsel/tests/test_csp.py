"""A Content-Security-Policy without inline scripts: every page carries it, and
no template holds a script, an event handler or a style the policy would block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with

TEMPLATES = Path(settings.BASE_DIR) / "govcounsel" / "templates"
# Rendered to PDF by WeasyPrint, never served to a browser.
NOT_SERVED = {"coverage/bulletin_pdf.html"}
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def _templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if name not in NOT_SERVED:
            yield name, path.read_text(encoding="utf-8")


def _directives(header: str) -> dict[str, list[str]]:
    parts = (p.strip().split() for p in header.split(";") if p.strip())
    return {p[0]: p[1:] for p in parts}


def test_no_template_holds_an_inline_script():
    found = [
        name
        for name, text in _templates()
        for m in SCRIPT.finditer(text)
        if m.group("body").strip()
        and "src=" not in m.group("attrs")
        and "application/json" not in m.group("attrs")
    ]
    assert found == []


def test_no_template_holds_an_inline_event_handler_or_style_attribute():
    found = [
        (name, m.group(0)[:80])
        for name, text in _templates()
        for pattern in (HANDLER, STYLE_ATTRIBUTE)
        for m in pattern.finditer(text)
    ]
    assert found == []


@pytest.mark.parametrize(
    "path", ["login", "/", "/coverage/?region=110000", "/people/survey/", "/people/"]
)
def test_every_page_carries_a_policy_without_inline_script(client, tree, path):
    bureau = user_with(Role.JUSTICE_BUREAU, tree.beijing, username="bureau")
    if path == "login":
        path = reverse("login")
    else:
        client.force_login(bureau)
    response = client.get(path)
    assert response.status_code in {200, 403}, response.status_code
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]


def test_the_api_answers_carry_the_policy_too(tree):
    from govcounsel.tests.helpers import client_for

    response = client_for(user_with(Role.JUSTICE_BUREAU, tree.beijing)).get("/api/v1/people/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_run_under_the_policy_without_a_violation(live_server, tree):
    from govcounsel.tests import browser

    user_with(Role.SUPERVISOR, tree.beijing, username="supervisor")
    with browser.chromium_page() as page:
        violations: list[str] = []
        page.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )
        browser.login(page, live_server.url, "supervisor")
        page.goto(f"{live_server.url}/coverage/?region=110100")
        page.wait_for_selector("body[data-charts-ready=true]")
        page.goto(f"{live_server.url}/people/survey/")
        assert violations == []
