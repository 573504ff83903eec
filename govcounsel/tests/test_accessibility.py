"""Accessibility: axe-core checks every main page of each main role against WCAG 2.1 A and
AA, and the test fails on any serious or critical violation.

The pages of a role are its home page (its own cards and menu bar), every item its menu
offers (core/menu.py, so a page added to a menu is checked without touching this file), a
detail page of each kind it works with, the forms and verb forms it opens, and a refusal;
besides, the pages every account has (notifications, help, its security), a printed list and
the 404 page signed in, the login page and the 404 page signed out. A menu page several
roles share is one template: it is checked once, as the first role below that has it, which
keeps the whole run near a minute. axe-core is vendored under tests/vendor/axe-core (README
there) and injected by the test; users are never served it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from govcounsel.certificates.tests import test_visibility as certificates
from govcounsel.core import menu
from govcounsel.core.views.verbs import verb_url
from govcounsel.coverage.tests import test_visibility as coverage
from govcounsel.matters.tests import test_visibility as matters
from govcounsel.people.tests import test_visibility as people
from govcounsel.tests import browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    resultTypes: ["violations"],
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
}"""

# The main roles (cast names, core/testing/cast.py): unit admin, public lawyer, justice
# bureau, the committee office that supervises, a superior of a vertical system, the lawyers'
# association and the three separated duties.
ROLES = (
    "own_unit",
    "lawyer",
    "bureau",
    "parent_region",
    "superior",
    "association",
    "system_admin",
    "security_admin",
    "audit_admin",
)

Objects = Mapping[str, Any]
# Beyond the menus: a detail page of each kind, the forms and verb forms a role opens, and a
# refusal (403), each as the role that works with it sees it.
EXTRA_PAGES: dict[str, tuple[Callable[[Objects], str], ...]] = {
    "own_unit": (
        lambda o: reverse("people:person", args=[o["person"].pk]),
        lambda o: reverse("organisations:unit", args=[o["unit"].pk]),
        lambda o: reverse("matters:matter", args=[o["matter"].pk]),
        lambda o: reverse("certificates:application", args=[o["application"].pk]),
        lambda o: reverse("certificates:case", args=[o["case"].pk]),
        lambda o: reverse("people:create"),
        lambda o: reverse("matters:create"),
        lambda o: verb_url("review", o["application"]),
    ),
    "lawyer": (
        lambda o: reverse("matters:matter", args=[o["matter"].pk]),
        lambda o: verb_url("decline", o["matter"]),
    ),
    "bureau": (
        lambda o: reverse("people:person", args=[o["person"].pk]),
        lambda o: reverse("certificates:certificate", args=[o["case"].certificate_id]),
    ),
    "parent_region": (
        lambda o: reverse("coverage:bulletin", args=[o["bulletin"].pk]),
        lambda o: reverse("coverage:target-update", args=[o["target"].pk]),
        lambda o: reverse("people:survey"),  # refused: the 403 page
    ),
    "superior": (lambda o: reverse("matters:dispatch", args=[o["dispatch"].pk]),),
    "association": (
        lambda o: reverse("certificates:membership", args=[o["case"].certificate.person_id]),
    ),
    "system_admin": (lambda o: reverse("calendar:year", args=[2024]),),
}
REFUSED = {("parent_region", "/people/survey/")}
# Pages every signed-in account has, one template each: checked once, as the first role.
SHARED_PAGES = (
    "notifications",
    "notification-settings",
    "account-security",
    "accounts:password-change",
    "help",
)
# A list printed (core/printing.py): the same rows on a page of its own.
PRINTED_LIST = "/people/?print=1"


def build_objects(cast: Any) -> dict[str, Any]:
    """One object of each kind around unit_a, in the states their pages show most on."""
    return {
        "person": people.staff_member(cast),
        "unit": cast.tree.unit_a,
        "matter": matters.assigned(cast),
        "application": certificates.applied(cast),
        "case": certificates.case_opened(cast),
        "dispatch": matters.dispatch_request(cast),
        "target": coverage.TestTargetAPI.make(cast),
        "bulletin": coverage.TestBulletinAPI.make(cast),
    }


def pages_of(role: str, user: Any, objects: Objects, seen: set[str]) -> list[str]:
    """The role's home page, the menu pages no role before it had, and its own extra pages."""
    menu_pages = [item.url for item in menu.visible_items(user) if item.url not in seen]
    seen.update(menu_pages)
    return ["/", *menu_pages, *(page(objects) for page in EXTRA_PAGES.get(role, ()))]


def with_axe(context: Any) -> Any:
    """Every page of the context gets axe-core before its own scripts: an init script runs
    outside the page's Content-Security-Policy, so the pages are checked under their own."""
    context.add_init_script(path=str(AXE))
    return context


def check(page: Any, base_url: str, who: str, path: str, status: int = 200) -> list[str]:
    """Open the page, run axe on it and describe each serious or critical violation."""
    response = page.goto(base_url + path)
    assert response is not None, (who, path)
    assert response.status == status, (who, path, response.status)
    found = page.evaluate(RUN_AXE)
    return [
        f"{who} {path}: [{v['impact']}] {v['id']} ({v['help']}) at {', '.join(v['targets'][:5])}"
        for v in found
    ]


# What the check must catch: a field without a label, faint text and an icon-only button.
FAULTY_PAGE = """<!doctype html><html lang="zh-Hans"><head><title>x</title></head><body><main>
<input name="q"><p class="faint">说明文字</p><button type="button"><i class="bi"></i></button>
</main></body></html>"""


@pytest.mark.browser
def test_the_check_reports_an_unlabelled_field_faint_text_and_a_nameless_button():
    with browser.chromium() as chromium:
        context = with_axe(browser.new_context(chromium))
        page = context.new_page()
        page.set_content(FAULTY_PAGE)
        page.add_style_tag(content=".faint { color: #bbb; background: #fff; }")
        found = {v["id"]: v for v in page.evaluate(RUN_AXE)}
        context.close()
    assert {"label", "color-contrast", "button-name"} <= set(found), found
    assert found["label"]["targets"] == ["input"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_axe_finds_no_serious_violation_on_the_main_pages(live_server, cast):
    users = {role: cast.user(role) for role in ROLES}  # the lawyer certified before assigning
    objects = build_objects(cast)
    # Everything that reads the database is done before the browser opens: the ORM called
    # inside Playwright's loop opens a connection of its own that the test never closes.
    seen: set[str] = set()
    plan: list[tuple[str, str | None, list[tuple[str, int]]]] = [
        ("anonymous", None, [(reverse("login"), 200), ("/no-such-page/", 404)])
    ]
    for role in ROLES:
        pages = [
            (path, 403 if (role, path) in REFUSED else 200)
            for path in pages_of(role, users[role], objects, seen)
        ]
        if role == ROLES[0]:
            pages += [(reverse(name), 200) for name in SHARED_PAGES]
            pages += [(PRINTED_LIST, 200), ("/no-such-page/", 404)]
        session = cast.page(role).cookies[settings.SESSION_COOKIE_NAME].value
        plan.append((role, session, pages))
    every_menu_page = {item.url for user in users.values() for item in menu.visible_items(user)}

    problems: list[str] = []
    checked: set[str] = set()
    with browser.chromium() as chromium:
        for who, session, pages in plan:
            context = with_axe(browser.new_context(chromium))
            if session is not None:
                cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session}
                context.add_cookies([{**cookie, "url": live_server.url}])
            page = context.new_page()
            for path, status in pages:
                problems += check(page, live_server.url, who, path, status)
                checked.add(path)
            context.close()
    # Every menu page of every role was opened, besides the fixed pages.
    assert every_menu_page <= checked, every_menu_page - checked
    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)


def test_a_fields_help_and_errors_carry_the_ids_its_control_points_at():
    """Django points a control at its help text and errors (aria-describedby); the shared
    field partial gives them those ids, so a screen reader reads them with the control."""

    class NameForm(forms.Form):
        name = forms.CharField(label="名称", help_text="与印章一致")

    html = render_to_string("core/_fields.html", {"form": NameForm(data={})})
    described = re.search(r'aria-describedby="([^"]+)"', html)
    assert described is not None, html
    assert described.group(1).split() == ["id_name_helptext", "id_name_error"]
    assert 'id="id_name_helptext"' in html
    assert 'id="id_name_error"' in html
    assert 'aria-invalid="true"' in html
