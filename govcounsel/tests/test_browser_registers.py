"""Registers in the browser: the key column stays in view at 1280 px, the print has page
numbers on each sheet, and the header stays on one line in English at 1366 px."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pytest

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.tests import browser
from govcounsel.tests.browser import chromium_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_name_column_stays_in_view_when_a_wide_register_scrolls_at_1280(live_server, tree):
    from govcounsel.organisations.models import Unit

    # A long unit name, as real ones are: the register is wider than the screen.
    Unit.objects.filter(pk=tree.unit_a.pk).update(name="北京市朝阳区市场监督管理局" * 4)
    PersonFactory(name="周丽", unit=tree.unit_a)
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="office")
    with chromium_page() as page:
        page.set_viewport_size({"width": 1280, "height": 800})
        browser.login(page, live_server.url, "office")
        page.goto(f"{live_server.url}/people/")
        scroller = page.locator(".table-responsive").first
        assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")  # it is wide
        scroller.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
        first = page.locator("[data-testid=register] tbody tr td:first-child").first
        box = first.bounding_box()
        frame = scroller.bounding_box()
        assert box is not None
        assert frame is not None
        assert box["x"] >= frame["x"] - 1  # still inside the visible part, at its left edge
        assert box["x"] < frame["x"] + 20
        screenshot(page, "register-scrolled-1280")


def _pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        if not shutil.which("pdftotext"):
            pytest.fail("neither pypdf nor pdftotext is installed")
        done = subprocess.run(
            ["pdftotext", "-", "-"],  # noqa: S607
            input=data,
            capture_output=True,
            check=True,
        )
        return done.stdout.decode()
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_printed_register_numbers_its_pages_and_repeats_the_header(live_server, tree):
    for n in range(80):
        PersonFactory(name=f"测试{n:02d}", unit=tree.unit_a)
    user_with(Role.UNIT_ADMIN, tree.unit_a, username="office")
    with chromium_page() as page:
        browser.login(page, live_server.url, "office")
        page.goto(f"{live_server.url}/people/?print=1")
        assert "人员查询" in page.inner_text("[data-testid=print-title]")
        page.emulate_media(media="print")
        pdf = page.pdf(prefer_css_page_size=True)
    # Fonts map some characters to CJK radicals (⻚ for 页, ⾝ for 身): compare their forms.
    text = unicodedata.normalize("NFKC", _pdf_text(pdf)).replace("⻚", "页")
    pages = re.findall(r"第 (\d+) 页 / 共 (\d+) 页", text)
    assert len(pages) >= 2, text[:300]
    assert [int(n) for n, _total in pages] == list(range(1, len(pages) + 1))
    assert {int(total) for _n, total in pages} == {len(pages)}
    assert text.count("身份证号码") >= 2  # the header row on each sheet


def test_the_header_stays_on_one_line_in_english_at_1366(live_server, tree):
    user = user_with(Role.SUPERIOR_ADMIN, tree.city_unit, username="superior", last_name="城市")
    from govcounsel.accounts.models import RoleGrant

    RoleGrant.objects.create(user=user, role=Role.UNIT_ADMIN, unit=tree.unit_a)
    with chromium_page() as page:
        browser.login(page, live_server.url, "superior")
        # Choosing the language submits its form: wait for that page, not the current one.
        with page.expect_navigation():
            page.select_option("select[name=language]", "en")
        assert page.locator("html").get_attribute("lang") == "en"
        navbar = page.locator("nav.navbar").first.bounding_box()
        brand = page.locator(".navbar-brand").first.bounding_box()
        assert navbar is not None
        assert brand is not None
        # One line: the bar is no taller than its brand line and its padding.
        assert navbar["height"] < brand["height"] + 30, navbar
        # Nothing pushed off the right edge: the account menu is on screen.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        for testid in ("help", "inbox", "current-user"):
            box = page.locator(f"[data-testid={testid}]").bounding_box()
            assert box is not None
            assert box["y"] < brand["y"] + brand["height"], testid
            assert box["x"] + box["width"] <= 1366, testid
        screenshot(page, "header-english-1366")
