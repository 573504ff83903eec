"""The system administrator's pages for the statutory calendar: the years, a year's days,
adding, changing and removing a day, the notice's particulars, and importing a file."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import calendar_selectors as selectors
from .. import calendar_services as services
from ..calendar_forms import DayForm, ImportForm, NoticeForm
from ..calendar_import import template_workbook
from ..choices import NoticeSource
from ..dates import parse_day
from ..errors import DomainError
from ..forms import form_page
from .base import bootstrap_form


def _may_manage(request: HttpRequest) -> None:
    if not request.user.has_perm("core.manage_calendar"):
        raise PermissionDenied(_("只有系统管理员可以维护法定节假日安排。"))


def _year(year: int) -> int:
    if not services.FIRST_YEAR <= year <= services.LAST_YEAR:
        raise Http404
    return year


def _day(text: str) -> date:
    day = parse_day(text)
    if day is None:
        raise Http404
    return day


def _year_url(year: int) -> str:
    return reverse("calendar:year", args=[year])


@login_required
def years(request: HttpRequest) -> HttpResponse:
    _may_manage(request)
    if request.GET.get("year"):
        try:
            return redirect(_year_url(_year(int(request.GET["year"]))))
        except (ValueError, Http404):
            messages.error(
                request,
                _("年度应在%(first)s年至%(last)s年之间。")
                % {"first": services.FIRST_YEAR, "last": services.LAST_YEAR},
            )
    return render(
        request,
        "core/calendar_years.html",
        {"rows": selectors.years_overview(timezone.localdate())},
    )


@login_required
def year(request: HttpRequest, year: int) -> HttpResponse:
    _may_manage(request)
    _year(year)
    return render(
        request,
        "core/calendar_year.html",
        {"row": selectors.year_row(year), "days": selectors.year_days(year)},
    )


@login_required
def day_add(request: HttpRequest, year: int) -> HttpResponse:
    _may_manage(request)
    _year(year)
    form = DayForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.add_day(by=request.user, year=year, **_day_fields(form)),
        success=_("已添加。"),
        next_url=lambda added: _year_url(year),
        context={"title": _("添加日期"), "subject": _("%(year)s年放假安排") % {"year": year}},
    )


@login_required
def day_edit(request: HttpRequest, year: int, day: str) -> HttpResponse:
    _may_manage(request)
    _year(year)
    original = _day(day)
    current = next((d for d in selectors.year_days(year) if d.date == original), None)
    if current is None:
        raise Http404
    form = DayForm(
        request.POST or None,
        initial={"day": current.date, "kind": current.kind, "name": current.name},
    )
    return form_page(
        request,
        form,
        lambda: services.change_day(
            by=request.user, year=year, original=original, **_day_fields(form)
        ),
        success=_("已保存。"),
        next_url=lambda changed: _year_url(year),
        context={"title": _("修改日期"), "subject": _("%(year)s年放假安排") % {"year": year}},
    )


@login_required
@require_POST
def day_delete(request: HttpRequest, year: int, day: str) -> HttpResponse:
    _may_manage(request)
    _year(year)
    try:
        services.remove_day(by=request.user, year=year, day=_day(day))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已删除%(date)s。") % {"date": day})
    return redirect(_year_url(year))


@login_required
def notice_edit(request: HttpRequest, year: int) -> HttpResponse:
    _may_manage(request)
    _year(year)
    row = selectors.year_row(year)
    notice = row.notice
    initial = (
        {
            "source": notice.source,
            "document_number": notice.document_number,
            "title": notice.title,
            "published_on": notice.published_on,
        }
        if notice is not None
        else {"source": NoticeSource.COMPUTED}
    )
    form = NoticeForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.update_notice(by=request.user, year=year, **form.cleaned_data),
        success=_("已保存。"),
        next_url=lambda saved: _year_url(year),
        context={"title": _("放假通知信息"), "subject": _("%(year)s年") % {"year": year}},
    )


@login_required
def import_file(request: HttpRequest) -> HttpResponse:
    _may_manage(request)
    initial = {"year": request.GET["year"]} if request.GET.get("year", "").isdigit() else None
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            result = services.import_notice(
                by=request.user,
                year=data["year"],
                content=upload.read(),
                filename=upload.name or "",
                document_number=data["document_number"],
                title=data["title"],
                published_on=data["published_on"],
            )
        except services.CalendarImportError as error:
            errors = error.errors
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            messages.success(
                request,
                _("已导入%(year)s年放假安排：放假%(holidays)s天，调休上班%(workdays)s天。")
                % {
                    "year": data["year"],
                    "holidays": result.holidays,
                    "workdays": result.workdays,
                },
            )
            return redirect(_year_url(data["year"]))
    status = 400 if errors or (request.method == "POST" and form.errors) else 200
    return render(
        request,
        "core/calendar_import.html",
        {"form": bootstrap_form(form), "errors": errors},
        status=status,
    )


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    _may_manage(request)
    response = HttpResponse(
        template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        "attachment; filename*=UTF-8''%E6%94%BE%E5%81%87%E5%AE%89%E6%8E%92.xlsx"
    )
    return response


def _day_fields(form: Any) -> dict[str, Any]:
    data = form.cleaned_data
    return {"day": data["day"], "kind": data["kind"], "name": data["name"]}
