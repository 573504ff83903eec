"""Headless Debian Chromium driven by Playwright for browser tests; never downloads a browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Chromium's own network chatter is refused on closed machines; these flags keep it quiet.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """One headless Debian Chromium; a test that needs several contexts opens them on it."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Debian chromium is missing at {CHROMIUM}; scripts/test installs it.")
    from playwright.sync_api import sync_playwright

    # The ORM is called from the test while Playwright's loop runs in the same thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    return browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900}, **options)


@contextmanager
def chromium_page() -> Iterator[Page]:
    with chromium() as browser:
        context = new_context(browser)
        try:
            yield context.new_page()
        finally:
            context.close()


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def totp_now(secret: str, ahead: int = 0) -> str:
    """The current code of a TOTP secret (base32), or the one `ahead` steps later."""
    import base64

    from django_otp.oath import totp

    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, t0=-30 * ahead):06d}"


def unused_step(last_t: int) -> int:
    """How many steps ahead the next code is that the device has not accepted yet (a TOTP
    code is good once); waits for the next step when that is beyond the tolerance of one."""
    import time

    while (ahead := max(0, last_t + 1 - int(time.time() // 30))) > 1:
        time.sleep(30 - time.time() % 30 + 0.2)
    return ahead


def login(
    page: Page,
    base_url: str,
    username: str,
    password: str = "Correct-Horse-42!",  # noqa: S107 (the factories' test password)
) -> None:
    """Log in through the pages, passing the second factor where the account uses one: an
    account without a device is sent to set one up, and the code is computed from the secret
    the page shows; an account with a device (its key read from the database) gets its code."""
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/security/two-factor/setup/" in page.url:
        secret = page.inner_text("[data-testid=totp-secret]")
        page.fill("#id_code", totp_now(secret))
        page.click("[data-testid=two-factor-submit]")
        page.click("[data-testid=continue]")
    elif "/security/two-factor/verify/" in page.url:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from govcounsel.accounts.two_factor import secret_of

        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        page.fill("#id_code", totp_now(secret_of(device), ahead=unused_step(device.last_t)))
        page.click("[data-testid=two-factor-submit]")
    page.wait_for_url(f"{base_url}/")
