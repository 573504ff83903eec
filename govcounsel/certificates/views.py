from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.audit import record_event
from govcounsel.core.errors import DomainError
from govcounsel.core.forms import form_page
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views import ScopedDetailView, ScopedListView
from govcounsel.people.filters import PersonFilter
from govcounsel.people.models import Person

from . import batch, numbering, selectors, services
from .eligibility import readiness
from .filters import ApplicationFilter, CaseFilter, CertificateFilter, MembershipFilter
from .forms import ApplyForm, EndMembershipForm, MembershipForm
from .models import (
    ApplicationStep,
    AssociationMembership,
    CancellationCase,
    Certificate,
    CertificateApplication,
    CertificateStep,
)
from .reports import (
    ApplicationReport,
    CaseReport,
    CertificateReport,
    MembershipReport,
    QualifiedStaffReport,
)


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

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # 统一申报 in the review queue, 批量批准 in the approval queue: a checkbox on each
        # row the verb applies to, offered when the user may take it on them.
        action = next(
            (a for a in batch.BATCHES.values() if a.queue == self.request.GET.get("queue")),
            None,
        )
        if action is not None:
            verb = action.declared
            selectable = {obj.pk for obj in context["object_list"] if verb.applies(obj)}
            first = next((obj for obj in context["object_list"] if obj.pk in selectable), None)
            if first is not None and verb.permitted(self.request.user, first):
                context.update(batch=action, selectable=selectable)
        return context


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
    overdue_flag = "is_overdue"


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
            super()
            .get_queryset()
            .select_related("person__unit", "unit")
            .prefetch_related("steps__actor")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # What the bureau weighs before approving: the applicant's conditions as the record
        # shows them today, and whether the applicant is an association member (001 三(五)).
        person = self.object.person
        context["readiness"] = readiness(person)
        context["membership"] = (
            AssociationMembership.objects.current().filter(person=person).first()
        )
        return context


class MembershipListView(ScopedListView):
    """001 三(五): the lawyers association's register of its public-lawyer members."""

    model = AssociationMembership
    filterset_class = MembershipFilter
    report_class = MembershipReport
    export_name = "律师协会会员"
    page_title = _("律师协会会员")
    detail_url_name = "certificates:member"

    def base_queryset(self) -> Any:
        return selectors.members(self.request.user)


class MembershipDetailView(ScopedDetailView):
    model = AssociationMembership
    template_name = "certificates/membership_detail.html"

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related("person__unit")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["may_end"] = self.object.is_current and self.request.user.has_perm(
            "certificates.record_membership", self.object.person
        )
        return context


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
def end_membership(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_visible_or_404(
        AssociationMembership.objects.select_related("person__unit"),
        request.user,
        request=request,
        pk=pk,
    )
    if not request.user.has_perm("certificates.record_membership", membership.person):
        raise PermissionDenied
    form = EndMembershipForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.end_membership(
            membership=membership, by=request.user, **form.cleaned_data
        ),
        success=_("已办理退会。"),
        next_url=lambda ended: ended.get_absolute_url(),
        context={"title": _("办理退会"), "subject": membership},
    )


@login_required
@require_POST
def batch_run(request: HttpRequest, action: str) -> HttpResponse:
    """统一申报 or 批量批准 of the applications ticked in the list. The first POST (from the
    list) shows what will be done and what cannot, with the consequence and the count; the
    second (`confirmed`) does it and says what was done and what was refused, and why."""
    found = batch.BATCHES.get(action)
    if found is None:
        raise Http404
    back = f"{reverse('certificates:applications')}?queue={found.queue}"
    try:
        ids = batch.parse_ids(request.POST.getlist("ids"))
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(back)
    if not request.POST.get("confirmed"):
        ready, refused = batch.plan(request.user, found, ids)
        return render(
            request,
            "certificates/batch_confirm.html",
            {"action": found, "ids": ids, "ready": ready, "refused": refused, "back": back},
        )
    outcome = batch.run(request.user, found, ids, {"note": request.POST.get("note", "")})
    if outcome.refused:
        messages.warning(request, outcome.summary())
    else:
        messages.success(request, outcome.summary())
    return redirect(back)


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
