"""The system administrator's statutory calendar pages."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.models import AuditEvent, CalendarDay, HolidayNotice

pytestmark = pytest.mark.django_db

WARNING = "调休上班日尚不可知"


@pytest.fixture
def sysadmin():
    return user_with(Role.SYSTEM_ADMIN, username="sys", is_staff=True)


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/calendar/"),
        ("get", "/calendar/2026/"),
        ("get", "/calendar/2026/days/add/"),
        ("post", "/calendar/2026/days/add/"),
        ("get", "/calendar/2026/days/2026-01-01/"),
        ("post", "/calendar/2026/days/2026-01-01/delete/"),
        ("get", "/calendar/2026/notice/"),
        ("get", "/calendar/import/"),
        ("post", "/calendar/import/"),
        ("get", "/calendar/import/template/"),
    ],
)
def test_only_the_system_administrator_reaches_the_calendar_pages(tree, client, method, url):
    others = [
        user_with(Role.UNIT_ADMIN, tree.unit_a),
        user_with(Role.SUPERVISOR, tree.chaoyang),
        user_with(Role.SECURITY_ADMIN, is_staff=True),
        user_with(Role.AUDIT_ADMIN, is_staff=True),
    ]
    for user in others:
        client.force_login(user)
        assert getattr(client, method)(url).status_code == 403, user
    client.logout()
    assert getattr(client, method)(url).status_code == 302  # to the login page
    assert CalendarDay.objects.filter(date=date(2026, 1, 1)).exists()


def test_the_year_list_says_which_years_are_published_and_which_computed(sysadmin, client):
    client.force_login(sysadmin)
    page = client.get("/calendar/").content.decode()
    assert 'data-year="2026"' in page
    assert 'data-year="2004"' in page
    assert "国务院办公厅通知" in page
    assert "按放假办法推算" in page
    assert WARNING in page
    assert "法定节假日" in page  # the menu entry


def test_a_computed_year_shows_its_holidays_and_the_warning(sysadmin, client):
    client.force_login(sysadmin)
    page = client.get("/calendar/2027/").content.decode()
    assert 'data-testid="computed-warning"' in page
    assert WARNING in page
    assert 'data-date="2027-02-05"' in page
    assert 'data-date="2027-10-01"' in page
    published = client.get("/calendar/2025/").content.decode()
    assert 'data-testid="computed-warning"' not in published
    assert 'data-date="2025-01-26"' in published  # a swapped working Sunday


def test_years_out_of_range_and_bad_dates_are_not_found(sysadmin, client):
    client.force_login(sysadmin)
    assert client.get("/calendar/1990/").status_code == 404
    assert client.get("/calendar/2026/days/2026-02-30/").status_code == 404
    assert client.get("/calendar/2026/days/2026-03-03/").status_code == 404  # not in the list


def test_adding_a_day_on_the_page(sysadmin, client):
    client.force_login(sysadmin)
    response = client.post(
        "/calendar/2026/days/add/", {"day": "2026-03-03", "kind": "holiday", "name": "特别假日"}
    )
    assert response.status_code == 302
    assert CalendarDay.objects.get(date=date(2026, 3, 3)).name == "特别假日"
    assert AuditEvent.objects.filter(action="core.calendar_day.added").exists()


def test_a_refused_day_shows_the_reason_beside_the_field(sysadmin, client):
    client.force_login(sysadmin)
    response = client.post(
        "/calendar/2026/days/add/", {"day": "2026-03-04", "kind": "workday", "name": "春节"}
    )
    assert response.status_code == 200
    assert "调休上班日应为星期六或星期日" in response.content.decode()
    assert not CalendarDay.objects.filter(date=date(2026, 3, 4)).exists()


def test_editing_a_computed_day_saves_the_year(sysadmin, client):
    client.force_login(sysadmin)
    assert client.get("/calendar/2027/days/2027-09-15/").status_code == 200
    response = client.post(
        "/calendar/2027/days/2027-09-15/", {"day": "2027-09-15", "kind": "holiday", "name": "中秋"}
    )
    assert response.status_code == 302
    assert CalendarDay.objects.get(date=date(2027, 9, 15)).name == "中秋"
    assert CalendarDay.objects.filter(notice__year=2027).count() > 10


def test_deleting_a_day_on_the_page(sysadmin, client):
    client.force_login(sysadmin)
    assert client.get("/calendar/2026/days/2026-01-04/delete/").status_code == 405
    assert client.post("/calendar/2026/days/2026-01-04/delete/").status_code == 302
    assert not CalendarDay.objects.filter(date=date(2026, 1, 4)).exists()


def test_importing_on_the_page(sysadmin, client):
    client.force_login(sysadmin)
    upload = SimpleUploadedFile("2027.csv", "日期,类别,名称\n2027-01-01,放假,元旦\n".encode())
    response = client.post(
        "/calendar/import/",
        {"year": "2027", "file": upload, "document_number": "国办发明电〔2026〕9号"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/calendar/2027/"
    assert HolidayNotice.objects.get(year=2027).document_number == "国办发明电〔2026〕9号"


def test_a_bad_import_on_the_page_lists_row_and_column_and_writes_nothing(sysadmin, client):
    client.force_login(sysadmin)
    upload = SimpleUploadedFile(
        "2027.csv", "日期,类别,名称\n2027-01-01,放假,元旦\nabc,放假,春节\n".encode()
    )
    response = client.post("/calendar/import/", {"year": "2027", "file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-testid="errors"' in page
    assert "<td>3</td><td>日期</td>" in page
    assert "无法识别的日期“abc”" in page
    assert not HolidayNotice.objects.filter(year=2027).exists()


def test_the_import_template_downloads(sysadmin, client):
    client.force_login(sysadmin)
    response = client.get("/calendar/import/template/")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


def test_the_back_office_shows_the_calendar_and_cannot_change_it(sysadmin, client):
    client.force_login(sysadmin)
    day = CalendarDay.objects.get(date=date(2026, 1, 1))
    assert client.get("/admin/core/calendarday/").status_code == 200
    assert client.get("/admin/core/holidaynotice/").status_code == 200
    assert client.get("/admin/core/calendarday/add/").status_code == 403
    client.post(
        f"/admin/core/calendarday/{day.pk}/change/",
        {"date": "2026-01-02", "kind": "holiday", "name": "x", "notice": day.notice_id},
    )
    client.post(f"/admin/core/calendarday/{day.pk}/delete/", {"post": "yes"})
    day.refresh_from_db()
    assert (day.date, day.name) == (date(2026, 1, 1), "元旦")
