"""The coverage dashboard of a region: figures against targets, by sub-region, over time."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from govcounsel.core.audit import record_event
from govcounsel.core.dates import parse_day
from govcounsel.core.exporters import xlsx_response
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.organisations import selectors as org_selectors
from govcounsel.organisations.models import Region

from .. import dashboard as coverage_dashboard
from .. import services
from ..forms import TargetForm
from ..groups import UnitGroup
from ..models import Target
from ..rules import reads_reports


def _region_for(request: HttpRequest) -> Region:
    code = request.GET.get("region")
    if code:
        return get_visible_or_404(Region, request.user, request=request, code=code)
    region = org_selectors.top_regions(request.user).first()
    if region is None:
        raise Http404
    return region


def _day(request: HttpRequest) -> date:
    return parse_day(request.GET.get("on")) or timezone.localdate()


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not reads_reports(user):
        raise PermissionDenied
    region = _region_for(request)
    group = UnitGroup.from_params(request.GET)
    on = _day(request)
    table = request.GET.get("export")
    if table:
        exported = coverage_dashboard.export(user, region, group, on, table)
        if exported is None:
            raise Http404
        record_event(
            "export.xlsx", by=user, data={"list": f"coverage.{table}", "region": region.code}
        )
        return xlsx_response(*exported)
    page = coverage_dashboard.dashboard(user, region, group, on)
    return render(
        request,
        "coverage/dashboard.html",
        {**page.context(), "query": request.GET.urlencode()},
    )


@login_required
def target_create(request: HttpRequest) -> HttpResponse:
    if not reads_reports(request.user):
        raise PermissionDenied
    region = _region_for(request)
    if not request.user.has_perm("coverage.manage_target", region):
        raise PermissionDenied
    form = TargetForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.create_target(by=request.user, region=region, **form.service_fields()),
        success=gettext_lazy("已设定目标。"),
        next_url=lambda target: f"{reverse('coverage:dashboard')}?region={region.code}",
        context={"title": gettext_lazy("设定覆盖目标"), "subject": region},
    )


@login_required
def target_update(request: HttpRequest, pk: int) -> HttpResponse:
    if not reads_reports(request.user):
        raise PermissionDenied
    target = get_visible_or_404(
        Target.objects.select_related("region"), request.user, request=request, pk=pk
    )
    if not request.user.has_perm("coverage.manage_target", target.region):
        raise PermissionDenied
    form = TargetForm(request.POST or None, instance=target)
    return form_page(
        request,
        form,
        lambda: services.update_target(target=target, by=request.user, **form.service_fields()),
        success=gettext_lazy("已保存。"),
        next_url=lambda saved: f"{reverse('coverage:dashboard')}?region={saved.region.code}",
        context={"title": gettext_lazy("修改覆盖目标"), "subject": target.region},
    )
