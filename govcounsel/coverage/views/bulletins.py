"""Bulletin pages: the list of past bulletins, a request form, progress, and downloads."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.accounts.choices import Role
from govcounsel.core.errors import DomainError
from govcounsel.core.fields import ScopedForm, ScopedModelChoiceField
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404, holds, scope_of
from govcounsel.core.views import ScopedListView
from govcounsel.core.views.base import bootstrap_form
from govcounsel.core.views.verbs import document_response
from govcounsel.organisations.models import Region

from .. import services
from ..filters import BulletinFilter
from ..models import Bulletin
from ..reports import BulletinReport
from ..rules import reads_reports


class BulletinForm(ScopedForm):
    region = ScopedModelChoiceField(Region, label=_("区域"))
    year = forms.IntegerField(label=_("年度"), min_value=2020, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("季度"),
        coerce=int,
        choices=[(q, _("第%(q)d季度") % {"q": q}) for q in (1, 2, 3, 4)],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        # 000 #12: the rule-of-law committee office issues bulletins for its own regions.
        paths = scope_of(user, Role.SUPERVISOR).region_paths
        region = self.scoped_field("region")
        region.narrow(Region.objects.supervised_by(user))
        regions = region.queryset
        year, quarter = services.previous_quarter(timezone.localdate())
        self.initial.setdefault("year", year)
        self.initial.setdefault("quarter", quarter)
        if paths and "region" not in self.initial:
            self.initial["region"] = regions.filter(path__in=paths).first()


class BulletinListView(UserPassesTestMixin, ScopedListView):
    """The bulletins of the regions in scope; a supervisor also asks for one here."""

    model = Bulletin
    filterset_class = BulletinFilter
    report_class = BulletinReport
    export_name = "季度通报"
    page_title = _("公职律师工作季度通报")
    template_name = "coverage/bulletins.html"
    select_related = ("region", "requested_by")

    def test_func(self) -> bool:
        return reads_reports(self.request.user)  # 三员分立: bulletins are business reports

    def issue_form(self) -> BulletinForm | None:
        if not holds(self.request.user, Role.SUPERVISOR):
            return None
        return BulletinForm(self.request.POST or None, user=self.request.user)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.issue_form()
        if form is None:
            raise PermissionDenied
        self.form = form
        self.object_list = self.get_queryset()
        return form_page(
            request,
            form,
            lambda: services.request_bulletin(by=request.user, **form.cleaned_data),
            success=_("通报已开始生成。"),
            next_url=lambda bulletin: bulletin.get_absolute_url(),
            template=self.template_name,
            context=self.get_context_data(),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = getattr(self, "form", None) or self.issue_form()
        context["form"] = bootstrap_form(form) if form is not None else None
        return context


def _visible(request: HttpRequest, pk: int) -> Bulletin:
    if not reads_reports(request.user):
        raise PermissionDenied  # 三员分立: bulletins are business reports
    return get_visible_or_404(
        Bulletin.objects.select_related("region"), request.user, request=request, pk=pk
    )


@login_required
def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = _visible(request, pk)
    template = "coverage/_bulletin_status.html" if request.htmx else "coverage/bulletin.html"  # type: ignore[attr-defined]
    return render(request, template, {"bulletin": bulletin})


@login_required
def bulletin_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    bulletin = _visible(request, pk)
    try:
        document = services.bulletin_document(bulletin=bulletin, fmt=fmt, by=request.user)
    except DomainError:
        raise Http404 from None
    return document_response(document)
