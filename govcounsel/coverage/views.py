"""The coverage dashboard of a region: figures against targets, by sub-region, over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from govcounsel.core.audit import record_event
from govcounsel.core.dates import parse_day
from govcounsel.core.exporters import xlsx_response
from govcounsel.core.forms import form_page
from govcounsel.organisations import selectors as org_selectors
from govcounsel.organisations.choices import UnitLevel
from govcounsel.organisations.models import Region

from . import selectors, services
from .choices import Metric
from .forms import TargetForm
from .groups import UnitGroup
from .models import Target
from .reports import RegionFiguresReport, TargetReport, UnitStatusReport
from .rules import reads_reports
from .status import read_target

TREND_QUARTERS = 12
LIST_LIMIT = 200


def _region_for(request: HttpRequest) -> Region:
    code = request.GET.get("region")
    if code:
        region = Region.objects.visible_to(request.user).filter(code=code).first()
    else:
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
    figures = selectors.figures_by_region(user, region, group, on)
    children = list(org_selectors.child_regions(user, region))
    rows = [(c.name, c.code, figures.get(c.path, selectors.Figures())) for c in children]
    if children:
        own = selectors.own_figures(user, region, group, on)
        if own.units:
            rows.append((f"{region.name}本级", region.code, own))
    else:
        # A county has no sub-regions: break it down by the level of its units instead.
        for level, label in UnitLevel.choices:
            if group.level and group.level != level:
                continue
            by_level = UnitGroup(level=level, kind=group.kind, enforcement=group.enforcement)
            level_figures = selectors.own_figures(user, region, by_level, on)
            if level_figures.units:
                rows.append((str(label), region.code, level_figures))
    shortfall = selectors.shortfall_units(user, region, group, on).select_related("region")
    empty = selectors.empty_units(user, region, group, on).select_related("region")
    export = request.GET.get("export")
    if export:
        record_event(
            "export.xlsx", by=user, data={"list": f"coverage.{export}", "region": region.code}
        )
        if export == "regions":
            return xlsx_response(RegionFiguresReport(), rows, f"覆盖情况-{region.name}")
        if export == "targets":
            readings = [
                read_target(t) for t in Target.objects.visible_to(user).filter(region=region)
            ]
            return xlsx_response(TargetReport(), readings, f"覆盖目标-{region.name}")
        if export in {"shortfall", "empty"}:
            units = shortfall if export == "shortfall" else empty
            return xlsx_response(UnitStatusReport(), units, f"{region.name}-{export}")
        raise Http404
    ends = selectors.quarter_ends(on, TREND_QUARTERS)
    trend = [
        (
            day,
            selectors.figures_by_region(user, region, group, day).get(
                region.path, selectors.Figures()
            ),
        )
        for day in ends
    ]
    targets = [
        read_target(t)
        for t in Target.objects.visible_to(user).filter(region=region).select_related("region")
    ]
    chart = {
        "bars": {
            "names": [name for name, _code, _f in rows],
            "coverage": [_pct(f.coverage_rate) for _n, _c, f in rows],
            "work": [_pct(f.work_rate) for _n, _c, f in rows],
        },
        "trend": {
            "quarters": [f"{d.year}Q{(d.month - 1) // 3 + 1}" for d in ends],
            "coverage": [_pct(f.coverage_rate) for _d, f in trend],
            "work": [_pct(f.work_rate) for _d, f in trend],
            # One dashed line per distinct target value, on the line of the metric the target
            # names (coverage or work carried out); the table above names each target.
            "targets": {
                metric: [
                    {"name": f"{gettext_lazy('目标')} {value:.0f}%", "value": value}
                    for value in sorted(
                        {float(r.target.percentage) for r in targets if r.target.metric == metric}
                    )
                ]
                for metric in Metric.values
            },
        },
    }
    return render(
        request,
        "coverage/dashboard.html",
        {
            "region": region,
            "group": group,
            "on": on,
            "figures": figures.get(region.path, selectors.Figures()),
            "rows": rows,
            "children_codes": {c.code for c in children},
            "targets": targets,
            "shortfall": shortfall[:LIST_LIMIT],
            "empty": empty[:LIST_LIMIT],
            "chart": chart,
            "breadcrumbs": _breadcrumbs(user, region),
            "query": request.GET.urlencode(),
            "may_set_targets": user.has_perm("coverage.manage_target", region),
        },
    )


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def _breadcrumbs(user: Any, region: Region) -> list[Region]:
    ancestors = Region.objects.get_ancestors(region)
    visible = set(
        Region.objects.visible_to(user)
        .filter(pk__in=[a.pk for a in ancestors])
        .values_list("pk", flat=True)
    )
    return [a for a in ancestors if a.pk in visible]


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
    target = get_object_or_404(
        Target.objects.visible_to(request.user).select_related("region"), pk=pk
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
