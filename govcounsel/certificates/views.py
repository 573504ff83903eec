from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from govcounsel.core.audit import record_event
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views import ScopedDetailView, ScopedListView
from govcounsel.people.filters import PersonFilter
from govcounsel.people.models import Person

from . import numbering, selectors, services
from .filters import ApplicationFilter, CaseFilter, CertificateFilter
from .forms import ApplyForm, MembershipForm
from .models import (
    ApplicationStep,
    CancellationCase,
    Certificate,
    CertificateApplication,
    CertificateStep,
)
from .reports import ApplicationReport, CaseReport, CertificateReport, QualifiedStaffReport


class ApplicationListView(ScopedListView):
    model = CertificateApplication
    filterset_class = ApplicationFilter
    report_class = ApplicationReport
    export_name = "证书申请"
    page_title = _("证书申请")
    select_related = ("person", "unit")
    detail_url_name = "certificates:application"
    template_name = "certificates/application_list.html"

    def base_queryset(self) -> Any:
        queue = self.request.GET.get("queue")
        if queue == "review":
            return selectors.review_queue(self.request.user).select_related(*self.select_related)
        if queue == "approval":
            return selectors.approval_queue(self.request.user).select_related(*self.select_related)
        return super().base_queryset()


class CertificateListView(ScopedListView):
    model = Certificate
    filterset_class = CertificateFilter
    report_class = CertificateReport
    export_name = "公职律师证书"
    page_title = _("公职律师证书登记簿")
    select_related = ("person", "unit")
    detail_url_name = "certificates:certificate"


class CaseListView(ScopedListView):
    model = CancellationCase
    filterset_class = CaseFilter
    report_class = CaseReport
    export_name = "注销案件"
    page_title = _("注销案件")
    select_related = ("certificate__person", "certificate__unit")
    detail_url_name = "certificates:case"


class QualifiedListView(ScopedListView):
    """After a survey import: each unit's qualified staff who have not applied."""

    model = Person
    filterset_class = PersonFilter
    report_class = QualifiedStaffReport
    export_name = "具有资格但未申请人员"
    page_title = _("具有资格但未申请公职律师证书的人员")
    detail_url_name = "people:person"

    def base_queryset(self) -> Any:
        return selectors.qualified_not_applied(self.request.user)


class NonMemberListView(ScopedListView):
    model = Person
    filterset_class = PersonFilter
    report_class = QualifiedStaffReport
    export_name = "未入会公职律师"
    page_title = _("未加入律师协会的公职律师")
    detail_url_name = "people:person"

    def base_queryset(self) -> Any:
        return selectors.holders_without_membership(self.request.user).prefetch_related(
            "qualifications"
        )


class ApplicationDetailView(ScopedDetailView):
    model = CertificateApplication
    template_name = "certificates/application_detail.html"

    def get_queryset(self) -> Any:
        return (
            super().get_queryset().select_related("person", "unit").prefetch_related("steps__actor")
        )


class CertificateDetailView(ScopedDetailView):
    model = Certificate
    template_name = "certificates/certificate_detail.html"

    def get_queryset(self) -> Any:
        return (
            super()
            .get_queryset()
            .select_related("person", "unit__region")
            .prefetch_related("steps__actor")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["decoded"] = numbering.decode(self.object.number)
        context["cases"] = self.object.cancellation_cases.all()
        return context


class CaseDetailView(ScopedDetailView):
    model = CancellationCase
    template_name = "certificates/case_detail.html"

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related("certificate__person", "certificate__unit")


@login_required
def apply_for(request: HttpRequest, person_pk: int) -> HttpResponse:
    person = get_visible_or_404(
        Person.objects.select_related("unit"), request.user, request=request, pk=person_pk
    )
    if not request.user.has_perm("certificates.apply", person):
        raise PermissionDenied
    posted = request.method == "POST"
    form = ApplyForm(request.POST if posted else None, request.FILES if posted else None)
    return form_page(
        request,
        form,
        lambda: services.apply(person=person, by=request.user, **form.cleaned_data),
        success=_("申请已提交，等待单位法治工作机构审核。"),
        next_url=lambda application: application.get_absolute_url(),
        context={"title": _("申请公职律师证书"), "subject": person, "multipart": True},
    )


@login_required
def record_membership(request: HttpRequest, person_pk: int) -> HttpResponse:
    person = get_visible_or_404(Person, request.user, request=request, pk=person_pk)
    if not request.user.has_perm("certificates.record_membership", person):
        raise PermissionDenied
    form = MembershipForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.record_membership(person=person, by=request.user, **form.cleaned_data),
        success=_("已登记会员。"),
        next_url=lambda membership: "certificates:non-members",
        context={"title": _("登记律师协会会员"), "subject": person},
    )


@login_required
def scan(request: HttpRequest, kind: str, pk: int) -> FileResponse:
    """A step's scanned attachment, for those who may see the application or certificate."""
    if kind == "application":
        step: Any = get_visible_or_404(
            ApplicationStep,
            request.user,
            request=request,
            scope=lambda user: ApplicationStep.objects.filter(
                application__in=CertificateApplication.objects.visible_to(user)
            ),
            pk=pk,
        )
    elif kind == "certificate":
        step = get_visible_or_404(
            CertificateStep,
            request.user,
            request=request,
            scope=lambda user: CertificateStep.objects.filter(
                certificate__in=Certificate.objects.visible_to(user)
            ),
            pk=pk,
        )
    else:
        raise Http404
    if not step.scan:
        raise Http404
    record_event("certificates.scan.downloaded", step, by=request.user, data={"kind": kind})
    return FileResponse(
        step.scan.open("rb"), as_attachment=True, filename=step.scan.name.rsplit("/", 1)[-1]
    )
