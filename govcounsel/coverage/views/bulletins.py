"""Bulletin pages: the list of past bulletins, a request form, progress, and downloads."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
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
from govcounsel.core.views.verbs import document_response
from govcounsel.organisations.models import Region

from .. import services
from ..models import Bulletin
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


@login_required
def bulletin_list(request: HttpRequest) -> HttpResponse:
    if not reads_reports(request.user):
        raise PermissionDenied  # 三员分立: bulletins are business reports
    bulletins = Bulletin.objects.visible_to(request.user).select_related("region", "requested_by")[
        :200
    ]
    may_issue = holds(request.user, Role.SUPERVISOR)
    form = BulletinForm(request.POST or None, user=request.user) if may_issue else None
    if form is not None and request.method == "POST":
        return form_page(
            request,
            form,
            lambda: services.request_bulletin(by=request.user, **form.cleaned_data),
            success=_("通报已开始生成。"),
            next_url=lambda bulletin: bulletin.get_absolute_url(),
            template="coverage/bulletins.html",
            context={"bulletins": bulletins},
        )
    return render(request, "coverage/bulletins.html", {"form": form, "bulletins": bulletins})


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
