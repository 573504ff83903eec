"""The figures page of disputes resolved inside the administration (002 §12): not a
register, its rows are figures, but it keeps a register's pieces — a FilterSet with `q`, a
Report, `?export=` and `?print=1` (as the work archive does)."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views import View

from govcounsel.core.export_jobs import EXPORT_FORMATS, filters_of, record_export
from govcounsel.core.exporters import Column, Report, SheetHeading, csv_response, xlsx_response
from govcounsel.core.printing import PRINT_PARAM, filter_in_words, print_rows, units_of
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views.base import bootstrap_form
from govcounsel.organisations import selectors as org_selectors
from govcounsel.organisations.choices import Sector
from govcounsel.organisations.models import Region, Unit

from .figures import (
    ORGAN_ROWS,
    PERIOD_CHOICES,
    FiguresPage,
    Granularity,
    Row,
    figures_page,
    reads_dispute_figures,
    visible_disputes,
)
from .models import Dispute


class YearFilter(filters.NumberFilter):
    field_class = forms.IntegerField


class DisputeFigureFilter(filters.FilterSet):
    """What the figures count: the organs (searched by name), a business system, a region of
    the reader's tree (by code), and the year or one of its parts."""

    q = filters.CharFilter(label=_("单位名称"), method="search")
    region = filters.CharFilter(label=_("区划代码"), method="same")
    sector = filters.ChoiceFilter(
        label=_("业务系统"), choices=Sector.choices, field_name="unit__sector"
    )
    year = YearFilter(label=_("年度"), method="same", min_value=1900, max_value=9998)
    period = filters.ChoiceFilter(
        label=_("期间"), choices=PERIOD_CHOICES, method="same", empty_label=_("全年")
    )
    granularity = filters.ChoiceFilter(
        label=_("分期"), choices=Granularity.choices, method="same", empty_label=_("按季度")
    )

    class Meta:
        model = Dispute
        fields = ["q", "region", "sector", "year", "period", "granularity"]

    def search(self, queryset: QuerySet[Dispute], name: str, value: str) -> QuerySet[Dispute]:
        return queryset.filter(unit__name__icontains=value)

    def same(self, queryset: QuerySet[Dispute], name: str, value: Any) -> QuerySet[Dispute]:
        # The region, year and period are the figures' window, read by the selector.
        return queryset

    def choice(self, name: str) -> Any:
        """A cleaned value, None where absent or invalid (the page then uses its default)."""
        if not self.is_bound:
            return None
        self.form.is_valid()
        return getattr(self.form, "cleaned_data", {}).get(name) or None


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _figure(name: str) -> Any:
    return lambda row: getattr(row.figures, name)


class DisputeFiguresReport(Report):
    """Rows are figures.Row: each table of the page, one after the other."""

    title = _("行政争议化解情况")
    columns = [
        Column(_("分组"), lambda row: row.group, 10),
        Column(_("名称"), lambda row: row.name, 26),
        Column(_("代码或所在区域"), lambda row: row.code, 12),
        Column(_("登记"), _figure("registered"), 7),
        Column(_("认定为行政争议"), _figure("qualified"), 9),
        Column(_("不构成行政争议"), _figure("unqualified"), 9),
        Column(_("办结"), _figure("closed"), 7),
        Column(_("诉前化解"), _figure("resolved"), 8),
        Column(_("其中和解"), _figure("settled"), 7),
        Column(_("调解"), _figure("mediated"), 7),
        Column(_("撤回"), _figure("withdrawn"), 7),
        Column(_("转入行政复议"), _figure("to_reconsideration"), 9),
        Column(_("转入行政诉讼"), _figure("to_litigation"), 9),
        Column(_("未化解"), _figure("not_resolved"), 7),
        Column(_("化解率"), lambda row: _percent(row.figures.resolution_rate), 8),
        Column(_("满意"), _figure("satisfied"), 6),
        Column(_("基本满意"), _figure("fairly"), 7),
        Column(_("不满意"), _figure("dissatisfied"), 7),
        Column(_("未评价"), _figure("not_given"), 7),
    ]


def read_figures(
    user: Any, params: Any, request: HttpRequest | None = None
) -> tuple[DisputeFigureFilter, FiguresPage | None]:
    """The filter and the figures it asks for; None when the reader sees no region (the
    page answers 404, the API says so)."""
    filterset = DisputeFigureFilter(
        params or None, queryset=visible_disputes(user), request=request
    )
    code = filterset.choice("region")
    if code:
        region = get_visible_or_404(Region, user, request=request, code=code)
    else:
        region = org_selectors.top_regions(user).first()
        if region is None:
            return filterset, None
    disputes = filterset.qs if filterset.is_bound else filterset.queryset
    page = figures_page(
        user,
        disputes,
        region=region,
        year=filterset.choice("year") or timezone.localdate().year,
        period=filterset.choice("period") or "",
        granularity=filterset.choice("granularity") or Granularity.QUARTER,
    )
    return filterset, page


class DisputeFiguresView(LoginRequiredMixin, View):
    """Figures by region, business system, organ and period (002 §12)."""

    filterset_class = DisputeFigureFilter
    report_class = DisputeFiguresReport

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not reads_dispute_figures(request.user):
            raise PermissionDenied
        filterset, page = read_figures(request.user, request.GET, request)
        if page is None:
            raise Http404
        bootstrap_form(filterset.form)
        rows = list(page.rows())
        title = self.title(page)
        fmt = request.GET.get("export")
        if fmt in EXPORT_FORMATS:
            return self.export(filterset, rows, title, fmt)
        if request.GET.get(PRINT_PARAM):
            return print_rows(
                request,
                report=self.report_class(),
                objects=rows,
                size=len(rows),
                title=title,
                filterset=filterset,
                model=Unit,
                export_name=title,
            )
        query = filters_of(request.GET)
        query.pop("page", None)
        return render(
            request,
            "disputes/figures.html",
            {
                "page": page,
                "filter": filterset,
                "query_without_page": query.urlencode(),
                "region_query": _without(query, "region"),
                "chart": page.chart(),
                "children_codes": {c.code for c in page.children},
                "organ_rows": ORGAN_ROWS,
            },
        )

    def title(self, page: FiguresPage) -> str:
        return _t("行政争议化解情况-%(region)s-%(period)s") % {
            "region": page.region.name,
            "period": page.period_label,
        }

    def export(
        self, filterset: DisputeFigureFilter, rows: list[Row], title: str, fmt: str
    ) -> HttpResponseBase:
        report = self.report_class()
        if fmt == "csv":
            response: HttpResponseBase = csv_response(report, rows, title)
        else:
            heading = SheetHeading(
                issuer=units_of(self.request.user),
                filters=filter_in_words(filterset),
                title=title,
            )
            response = xlsx_response(report, rows, title, heading=heading)
        # Counts per organ, region and system: no counterparty is read, so the record names
        # the organs, not the disputes (which hold personal data).
        record_export(
            by=self.request.user,
            model=Unit,
            title=title,
            fmt=fmt,
            count=len(rows),
            filters=filters_of(self.request.GET),
        )
        return response


def _without(query: Any, key: str) -> str:
    kept = query.copy()
    kept.pop(key, None)
    return str(kept.urlencode())
