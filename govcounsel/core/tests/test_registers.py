"""Every register searches, filters, exports and prints; overdue rows say so; the lawyer's
menu is the lawyer's own work; the help page; the matter's 办理单; the project's own error
pages, in the demo too."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.views.defaults import server_error

from govcounsel.core import menu
from govcounsel.core.views import ScopedListView
from govcounsel.matters.tests.test_visibility import assigned, registered
from govcounsel.people.tests.factories import PersonFactory
from govcounsel.tests.helpers import events

# The registers people work from (the list): each must be a ScopedListView, so that
# search, filters, paging, export and print come from one place.
REGISTERS = {
    "matters:board",
    "matters:mine",
    "matters:decisions",
    "matters:dispatches",
    "people:list",
    "people:qualifications",
    "people:advisers",
    "organisations:units",
    "certificates:applications",
    "certificates:certificates",
    "certificates:cases",
    "certificates:qualified",
    "certificates:non-members",
    "audit:events",
    "audit:changes",
    "matters:pool",
    "coverage:bulletins",
    "awards:cycles",
    "awards:rules",
    "awards:awardees",
    "awards:repeated",
    "exports:list",
    "documents:list",
    "training:plans",
    "training:courses",
    "training:enrolments",
    "training:claims",
    "training:requirements",
    "training:exemptions",
    "training:samples",
    "reconciliation:pool",
    "reconciliation:rules",
    "reconciliation:missing",
    "reconciliation:awaiting",
    "reconciliation:sessions",
    "reconciliation:ledger",
    "reconciliation:mine",
}

# Registers that search and filter but are not exported or printed, with the reason.
NOT_EXPORTED = {
    # One's own background exports: no business record, only the way to files that are
    # themselves the exports, downloadable by their owner alone.
    "exports:list": "本人的后台导出任务，不是业务记录；文件本身就是导出结果",
}

# Pages whose rows are not a queryset (one lawyer's yearly figures), with the same pieces:
# a FilterSet with `q`, a Report, ?export= and ?print=1 (matters/views/archive.py).
REPORT_PAGES = {"matters:archive", "disputes:figures"}


def _list_views() -> dict[str, type[ScopedListView]]:
    found: dict[str, type[ScopedListView]] = {}

    def walk(patterns, prefix: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern.url_patterns,
                    f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix,
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                view = getattr(pattern.callback, "view_class", None)
                if isinstance(view, type) and issubclass(view, ScopedListView):
                    found[prefix + pattern.name] = view

    walk(get_resolver().url_patterns)
    return found


def test_every_register_is_a_scoped_list_with_search_filters_and_a_report():
    views = _list_views()
    assert set(views) >= REGISTERS, REGISTERS - set(views)
    for name, view in views.items():
        filters = view.filterset_class.base_filters
        assert "q" in filters, f"{name}: no search box (?q=)"
        assert len(filters) > 1, f"{name}: a search box but no filter"
        assert view.report_class.columns, f"{name}: no report to export and print"


def test_the_report_pages_have_the_registers_pieces():
    for name in REPORT_PAGES:
        view = get_resolver().resolve(reverse(name)).func.view_class
        assert "q" in view.filterset_class.base_filters, name
        assert view.report_class.columns, name


@pytest.mark.parametrize("name", sorted(NOT_EXPORTED))
def test_a_register_not_exported_offers_neither_export_nor_print(cast, name):
    client = cast.page("own_unit")
    for query in ({"export": "csv"}, {"print": "1"}):
        page = client.get(reverse(name), query)
        assert page.status_code == 200
        assert page["Content-Type"].startswith("text/html")
        html = page.content.decode()
        assert 'data-testid="export"' not in html
        assert 'data-testid="print"' not in html
        assert 'data-testid="filters"' in html
    assert not events("export.csv")
    assert not events("export.print")


# --- 我的导出 ---------------------------------------------------------------------------------


def test_my_exports_search_by_name_and_filter_by_status(cast):
    from govcounsel.core.models import ExportJob

    user = cast.user("own_unit")
    done = ExportJob.objects.create(
        owner=user, title="人员", view="x", path="/people/", format="csv", status="done"
    )
    queued = ExportJob.objects.create(
        owner=user, title="法律事务", view="x", path="/", format="csv"
    )
    client = cast.page("own_unit")
    found = client.get(reverse("exports:list"), {"q": "人员"}).content.decode()
    assert f'href="/exports/{done.pk}/"' in found
    assert f'href="/exports/{queued.pk}/"' not in found
    waiting = client.get(reverse("exports:list"), {"status": "queued"}).content.decode()
    assert f'href="/exports/{queued.pk}/"' in waiting
    assert f'href="/exports/{done.pk}/"' not in waiting


# --- printing --------------------------------------------------------------------------------


def test_print_holds_every_filtered_row_not_the_page_and_is_recorded(cast):
    for n in range(55):
        registered(cast, title=f"合同审查{n}")
    registered(cast, title="信访答复")
    page = cast.page("own_unit").get("/matters/", {"q": "合同", "print": "1"})
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("合同审查") == 55  # all rows, where the screen shows 50
    assert "信访答复" not in html
    assert "事项名称=合同" in html  # the filter in words
    assert timezone.localdate().isoformat() in html
    assert "市场监管局" in html or cast.tree.unit_a.name in html  # the reader's unit
    assert "print-landscape.css" in html  # eight columns: across the sheet
    (event,) = events("export.print")
    assert event.data["count"] == 55
    assert event.data["filters"] == {"q": "合同"}


def test_a_register_too_large_to_print_offers_the_export(cast):
    for n in range(4):
        registered(cast, title=f"事项{n}")
    with override_settings(EXPORT_SYNC_ROWS=3):
        page = cast.page("own_unit").get("/matters/", {"print": "1"})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="print-too-large"' in html
    assert "export=xlsx" in html
    assert 'data-testid="print-register"' not in html
    assert not events("export.print")


def test_a_printed_register_masks_personal_data_as_the_list_does(cast):
    person = PersonFactory(unit=cast.tree.unit_a, name="周丽")
    html = cast.page("own_unit").get("/people/", {"print": "1"}).content.decode()
    assert "周丽" in html
    assert person.id_number not in html
    assert person.id_number_masked in html
    assert "print-landscape.css" in html


def test_every_register_offers_print_beside_export(cast):
    html = cast.page("own_unit").get("/matters/dispatch/", {"q": "x"}).content.decode()
    assert 'data-testid="export"' in html
    assert 'href="?q=x&print=1"' in html


def test_a_bad_filter_is_left_out_of_the_print_as_out_of_the_list(cast):
    registered(cast, title="合同审查")
    registered(cast, title="信访答复")
    page = cast.page("own_unit").get("/matters/", {"q": "合同", "status": "nonsense", "print": "1"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "合同审查" in html
    assert "信访答复" not in html
    assert "事项名称=合同" in html
    assert "状态=" not in html


# --- overdue rows ----------------------------------------------------------------------------


def test_an_overdue_row_is_red_and_says_so_in_words(cast):
    cast.user("lawyer")  # person_a certified, so that the matter can be assigned
    late = assigned(cast)
    late.deadline = timezone.localdate() - timedelta(days=1)
    late.save(update_fields=["deadline"])
    on_time = registered(cast, title="按期事项")
    html = cast.page("own_unit").get("/matters/").content.decode()
    late_row = html[html.index(f'href="/matters/{late.pk}/"') - 300 :]
    assert 'class="table-danger" data-overdue' in late_row[:300]
    assert '<span class="visually-hidden">已超期</span>' in late_row[:300]
    assert html.count("data-overdue") == 1
    assert on_time.title in html


def test_the_register_declares_its_sticky_key_column(cast):
    html = cast.page("own_unit").get("/people/").content.decode()
    assert 'data-sticky-columns="1"' in html
    css = (Path(__file__).resolve().parents[2] / "static" / "govcounsel.css").read_text()
    assert "position: sticky" in css


# --- the lawyer's menu -----------------------------------------------------------------------

UNIT_REGISTERS = {
    "matters:board",
    "matters:decisions",
    "matters:dispatches",
    "people:list",
    "people:qualifications",
    "people:advisers",
    "organisations:tree",
    "organisations:units",
    "certificates:certificates",
    "certificates:cases",
    "certificates:qualified",
    "coverage:dashboard",
    "coverage:bulletins",
}


@pytest.mark.parametrize("role", ["lawyer", "colleague"])
def test_a_lawyers_menu_shows_the_lawyers_own_work_only(cast, role):
    seen = {item.url_name for item in menu.visible_items(cast.user(role))}
    assert {"matters:mine", "matters:archive", "exports:list"} <= seen
    assert not (seen & UNIT_REGISTERS), seen & UNIT_REGISTERS


def test_a_lawyer_who_also_runs_the_office_keeps_the_units_registers(cast):
    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.models import RoleGrant

    lawyer = cast.user("lawyer")
    RoleGrant.objects.create(user=lawyer, role=Role.UNIT_ADMIN, unit=cast.tree.unit_a)
    lawyer.__dict__.pop("_grants", None)
    seen = {item.url_name for item in menu.visible_items(lawyer)}
    assert {"matters:mine", "matters:board", "people:list"} <= seen


# --- help --------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["own_unit", "superior", "bureau", "lawyer", "audit_admin"])
def test_the_help_page_guides_each_role_and_every_link_opens(cast, role):
    import re

    client = cast.page(role)
    home = client.get("/").content.decode()
    assert 'data-testid="help"' in home  # in the header of every page
    html = client.get(reverse("help")).content.decode()
    granted = cast.user(role).grants.get().role
    assert f'data-testid="guide-{granted}"' in html
    links = re.findall(r'<li><a href="([^"]+)">', html)
    assert links
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200, (role, link)


# --- the matter's 办理单 --------------------------------------------------------------------


def test_the_matter_prints_as_a_handling_form_with_signature_lines(cast):
    cast.user("lawyer")  # person_a certified, so that the matter can be assigned
    matter = assigned(cast)
    page = cast.page("own_unit").get(reverse("matters:matter", args=[matter.pk]))
    assert reverse("matters:print", args=[matter.pk]) in page.content.decode()
    html = cast.page("own_unit").get(reverse("matters:print", args=[matter.pk])).content.decode()
    assert "法律事务办理单" in html
    assert matter.title in html
    assert cast.tree.person_a.name in html
    assert "承办律师签字" in html
    assert "法治工作机构负责人签字" in html
    assert 'data-testid="matter-timeline"' in html
    outsider = cast.page("other_region").get(reverse("matters:print", args=[matter.pk]))
    assert outsider.status_code == 404


# --- error pages -------------------------------------------------------------------------------


def test_the_server_error_page_is_the_projects_own_and_needs_no_context():
    response = server_error(RequestFactory().get("/boom/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert 'data-testid="server-error"' in html
    assert "公职律师工作管理平台" in html


DEMO_CHECK = """
import django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
assert settings.DEBUG is False
client = Client()
missing = client.get("/no-such-page/")
assert missing.status_code == 404, missing.status_code
assert b'data-testid="not-found"' in missing.content, missing.content[:400]
css = client.get("/static/govcounsel.css")
assert css.status_code == 200, css.status_code
print("ok")
"""


def test_the_demo_answers_a_missing_page_with_the_projects_404(tmp_path):
    root = Path(__file__).resolve().parents[3]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.demo",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    }
    env.pop("DEBUG", None)
    result = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", DEMO_CHECK],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")
    assert "config.settings.demo" in (root / "scripts" / "demo").read_text()
