"""Takes the README's tour screenshots from a running demo (./scripts/demo) in Debian Chromium.

Usage: .venv/bin/python scripts/screenshots.py [base-url]
(DATABASE_URL names the demo's database when it is not var/govcounsel.sqlite3: accounts
with two-factor login get their code from their device's key there.)

       .venv/bin/python scripts/screenshots.py --walk
takes the shots from 19 on instead: each role's day, walked in the browser test
govcounsel/tests/test_role_days.py on its own small world (DATABASE_URL names a
PostgreSQL server, as for scripts/test), which saves its key moments into the same folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ARGS = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
BASE = ARGS[0] if ARGS else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PASSWORD = "Gov-Demo-2026!"  # noqa: S105 -- the published demo password
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def second_factor(username: str) -> str:
    """The demo account's current TOTP code, from its device in the demo database."""
    import os

    import django

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{root / 'var' / 'govcounsel.sqlite3'}")
    # Playwright's sync API runs an event loop; this script reads one row between its calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    django.setup()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from govcounsel.accounts.two_factor import secret_of
    from govcounsel.tests.browser import totp_now, unused_step

    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    return totp_now(secret_of(device), ahead=unused_step(device.last_t))


def login(page: Page, username: str, *, shot_second_factor: str = "") -> None:
    page.context.clear_cookies()
    page.goto(f"{BASE}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/two-factor/verify/" in page.url:
        if shot_second_factor:
            shot(page, shot_second_factor)
        page.fill("#id_code", second_factor(username))
        page.click("[data-testid=two-factor-submit]")
    page.wait_for_url(f"{BASE}/")


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)


def survey_file() -> Path:
    """A small survey with two mistakes, to show how errors are reported."""
    from openpyxl import Workbook

    headers = [
        "姓名",
        "身份证号码",
        "性别",
        "联系电话",
        "单位统一社会信用代码",
        "是否公务员",
        "是否专门从事法律事务",
        "资格类别",
        "资格证书编号",
        "资格取得日期",
    ]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    sheet.append(
        [
            "孙丽",
            "11010519491231002X",
            "女",
            "13700137000",
            "11110105XXXXXXXXXX",
            "是",
            "是",
            "法律职业资格A类",
            "A20191101050001",
            "2019-03-01",
        ]
    )
    sheet.append(["周强", "110105198001010039", "男", "", "", "是", "否", "律师资格", "", "去年"])
    path = Path(tempfile.mkdtemp()) / "摸排表示例.xlsx"
    workbook.save(path)
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 760}, locale="zh-CN")
        page.goto(f"{BASE}/login/")
        shot(page, "01-login")
        login(page, "supervisor_cy")
        shot(page, "02-home-supervisor")
        page.goto(f"{BASE}/organisations/tree/?code=110105")
        shot(page, "03-tree-chaoyang")
        login(page, "unit_cy")
        page.goto(f"{BASE}/people/")
        shot(page, "04-unit-admin-people")
        login(page, "justice_cy", shot_second_factor="14-two-factor")
        page.goto(f"{BASE}/people/?q=wang&qualified=true")
        shot(page, "05-search-pinyin")
        page.click("[data-testid=register] tbody tr:first-child a")
        page.click("[data-testid=reveal]")
        page.locator("[data-testid=identity-revealed]").wait_for()
        shot(page, "06-person-reveal")
        login(page, "auditadmin")
        page.goto(f"{BASE}/audit/")
        shot(page, "07-audit")
        login(page, "justice_cy")
        shot(page, "08-bureau-todo")
        page.goto(f"{BASE}/certificates/applications/?queue=approval")
        page.click("[data-testid=register] tbody tr:first-child a")
        shot(page, "09-application")
        login(page, "lawyer_cy")
        page.goto(f"{BASE}/certificates/")
        page.click("[data-testid=register] tbody tr:first-child a")
        shot(page, "10-certificate")
        login(page, "unit_cy")
        page.goto(f"{BASE}/people/survey/")
        page.set_input_files("#id_file", str(survey_file()))
        page.click("#upload-button")
        page.locator("[data-testid=errors]").wait_for()
        shot(page, "11-survey-errors")
        login(page, "supervisor_cy")
        page.goto(f"{BASE}/coverage/")
        page.wait_for_selector("body[data-charts-ready=true]")
        shot(page, "12-coverage")
        login(page, "lawyer_cy")
        page.goto(f"{BASE}/matters/mine/")
        page.click("text=与某技术公司智慧监管平台建设合同审查")
        shot(page, "13-matter")
        login(page, "sysadmin")
        page.goto(f"{BASE}/calendar/2027/")
        shot(page, "15-calendar-2027")
        page.goto(f"{BASE}/security/")
        shot(page, "16-security")
        page.goto(f"{BASE}/privacy/")
        shot(page, "17-privacy-notice")
        browser.close()


def walk() -> int:
    """The role-day walk (a browser test) with its screenshots switched on."""
    import os
    import subprocess

    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "GC_SCREENSHOTS": str(OUT),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    test = ["govcounsel/tests/test_role_days.py", "-q", "-n", "0", "-p", "no:cacheprovider"]
    return subprocess.call([sys.executable, "-m", "pytest", *test], cwd=root, env=env)  # noqa: S603


if __name__ == "__main__":
    if "--walk" in sys.argv[1:]:
        sys.exit(walk())
    main()
