"""The pages of training: registers of plans, courses, enrolments, claims, requirements,
exemptions and samples; the plan, course, claim and sample pages with their verbs; the
lawyer's own standing; a region's compliance with the lawyers behind."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from govcounsel.core.audit import record_event
from govcounsel.core.dates import parse_year
from govcounsel.core.export_jobs import EXPORT_FORMATS, filters_of, record_export
from govcounsel.core.exporters import csv_response, xlsx_response
from govcounsel.core.forms import form_page, run_service
from govcounsel.core.printing import PRINT_PARAM, print_rows
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.uploads import stored_file_response
from govcounsel.core.views import ScopedDetailView, ScopedListView
from govcounsel.core.views.base import bootstrap_form
from govcounsel.people.models import Person

from . import attendance_sheet, services
from .compliance import figures, standings
from .filters import (
    ClaimFilter,
    ComplianceFilter,
    CourseFilter,
    EnrolmentFilter,
    ExemptionFilter,
    PlanFilter,
    RequirementFilter,
    SampleFilter,
)
from .forms import (
    ClaimForm,
    CourseForm,
    ExemptionForm,
    ImportForm,
    PlanForm,
    RequirementForm,
    SampleForm,
    SessionForm,
)
from .models import (
    Course,
    Enrolment,
    ExternalClaim,
    TrainingExemption,
    TrainingPlan,
    TrainingRequirement,
    VerificationSample,
)
from .reports import (
    ClaimReport,
    ComplianceReport,
    CourseReport,
    EnrolmentReport,
    ExemptionReport,
    PlanReport,
    RequirementReport,
    SampleReport,
)
from .selectors import compliance_people, reads_compliance, standings_for

# --- registers ------------------------------------------------------------------------------


class PlanListView(ScopedListView):
    model = TrainingPlan
    filterset_class = PlanFilter
    report_class = PlanReport
    export_name = "培训计划"
    page_title = _("培训计划")
    select_related = ("region", "unit")
    detail_url_name = "training:plan"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = "training:plan-new"
        return context


class CourseListView(ScopedListView):
    model = Course
    filterset_class = CourseFilter
    report_class = CourseReport
    export_name = "培训课程"
    page_title = _("培训课程")
    select_related = ("plan",)
    detail_url_name = "training:course"


class EnrolmentListView(ScopedListView):
    """The register of enrolments and attendance; filtered to one plan, it is the plan's
    Excel register (培训登记册)."""

    model = Enrolment
    filterset_class = EnrolmentFilter
    report_class = EnrolmentReport
    export_name = "培训登记册"
    page_title = _("培训登记册")
    select_related = ("person__unit", "course")

    def base_queryset(self) -> Any:
        return super().base_queryset().filter(cancelled_at__isnull=True)


class ClaimListView(ScopedListView):
    model = ExternalClaim
    filterset_class = ClaimFilter
    report_class = ClaimReport
    export_name = "自报培训"
    page_title = _("自报培训")
    select_related = ("person__unit",)
    detail_url_name = "training:claim"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if getattr(self.request.user, "person_id", None):
            context["create_url"] = "training:claim-new"
        return context


class RequirementListView(ScopedListView):
    model = TrainingRequirement
    filterset_class = RequirementFilter
    report_class = RequirementReport
    export_name = "培训要求"
    page_title = _("培训要求")
    select_related = ("region",)
    prefetch_related = ("minimums",)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = "training:requirement-new"
        return context


class ExemptionListView(ScopedListView):
    model = TrainingExemption
    filterset_class = ExemptionFilter
    report_class = ExemptionReport
    export_name = "培训免除"
    page_title = _("培训免除")
    select_related = ("person__unit",)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = "training:exemption-new"
        return context


class SampleListView(ScopedListView):
    model = VerificationSample
    filterset_class = SampleFilter
    report_class = SampleReport
    export_name = "抽查核验"
    page_title = _("抽查核验")
    select_related = ("region",)
    detail_url_name = "training:sample"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["create_url"] = "training:sample-new"
        return context


# --- detail pages ---------------------------------------------------------------------------


class PlanDetailView(ScopedDetailView):
    model = TrainingPlan
    template_name = "training/plan_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        plan = self.object
        context.update(
            courses=plan.courses.prefetch_related("enrolments"),
            runs=self.request.user.has_perm("training.run_plan", plan),
        )
        return context


class CourseDetailView(ScopedDetailView):
    model = Course
    template_name = "training/course_detail.html"

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related("plan__region", "plan__unit")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        course = self.object
        runs = self.request.user.has_perm("training.run_plan", course)
        enrolments = Enrolment.objects.visible_to(self.request.user).filter(
            course=course, cancelled_at__isnull=True
        )
        context.update(
            runs=runs,
            sessions=course.sessions.all(),
            enrolments=enrolments.select_related("person__unit"),
            places=course.enrolments.filter(cancelled_at__isnull=True).count(),
        )
        return context


class ClaimDetailView(ScopedDetailView):
    model = ExternalClaim
    template_name = "training/claim_detail.html"


class SampleDetailView(ScopedDetailView):
    model = VerificationSample
    template_name = "training/sample_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["items"] = self.object.items.select_related("claim__person__unit")
        return context


# --- standings --------------------------------------------------------------------------------


def _year(request: HttpRequest) -> int:
    return parse_year(request.GET.get("year")) or timezone.localdate().year


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """我的培训: the lawyer's standing for the year, courses, claims."""
    person_id = getattr(request.user, "person_id", None)
    if not person_id:
        raise PermissionDenied
    return _standing_page(request, Person.objects.get(pk=person_id))


@login_required
def lawyer(request: HttpRequest, person_id: int) -> HttpResponse:
    """One lawyer's standing, for those who read their compliance (404 otherwise)."""
    person = get_visible_or_404(compliance_people(request.user), request.user, pk=person_id)
    return _standing_page(request, person)


def _standing_page(request: HttpRequest, person: Person) -> HttpResponse:
    year = _year(request)
    found = standings(Person.objects.filter(pk=person.pk), year)
    enrolments = Enrolment.objects.visible_to(request.user).filter(person=person)
    claims = ExternalClaim.objects.visible_to(request.user).filter(person=person)
    return render(
        request,
        "training/standing.html",
        {
            "person": person,
            "year": year,
            "standing": found[0] if found else None,
            "enrolments": enrolments.select_related("course").order_by("-course__starts_on"),
            "claims": claims.order_by("-day"),
            "own": person.pk == getattr(request.user, "person_id", None),
        },
    )


class ComplianceView(LoginRequiredMixin, View):
    """A region's compliance figures and the lawyers behind. Not a ScopedListView: its rows
    are computed standings (compliance.py, a fixed number of grouped queries), filtered
    here; they export and print with `report_class` as a register's do."""

    filterset_class = ComplianceFilter
    report_class = ComplianceReport

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not reads_compliance(request.user):
            raise PermissionDenied
        self.filterset = self.filterset_class(
            request.GET or None, queryset=Enrolment.objects.none(), request=request
        )
        bootstrap_form(self.filterset.form)
        data = self.filterset.form.cleaned_data if self.filterset.form.is_valid() else {}
        year = data.get("year") or timezone.localdate().year
        everyone = standings_for(request.user, year)
        rows = everyone
        if data.get("q"):
            q = data["q"]
            rows = [r for r in rows if q in r.name or q in r.unit_name]
        if data.get("behind") is not None:
            rows = [r for r in rows if r.behind == data["behind"]]
        if data.get("pre_service") is not None:
            rows = [r for r in rows if r.pre_service_overdue == data["pre_service"]]
        title = gettext("%(year)s年度公职律师培训达标情况") % {"year": year}
        fmt = request.GET.get("export")
        if fmt in EXPORT_FORMATS:
            response = (csv_response if fmt == "csv" else xlsx_response)(
                self.report_class(), rows, title
            )
            record_export(
                by=request.user,
                model=Person,
                title=title,
                fmt=fmt,
                count=len(rows),
                filters=filters_of(request.GET),
            )
            return response
        if request.GET.get(PRINT_PARAM):
            return print_rows(
                request,
                report=self.report_class(),
                objects=rows,
                size=len(rows),
                title=title,
                filterset=self.filterset,
                model=Person,
                export_name=title,
            )
        report = self.report_class()
        return render(
            request,
            "training/compliance.html",
            {
                "page_title": title,
                "figures": figures(everyone, year),
                "filter": self.filterset,
                "report": report,
                "table_rows": [(r, report.row(r)) for r in rows[:500]],
                "shown": min(len(rows), 500),
                "total": len(rows),
                "query_without_page": filters_of(request.GET).urlencode(),
            },
        )


# --- forms ----------------------------------------------------------------------------------


def _page(request: HttpRequest, form: Any, action: Any, title: Any, success: Any, **kw: Any) -> Any:
    return form_page(
        request,
        form,
        action,
        success=success,
        next_url=lambda result: result.get_absolute_url(),
        context={"title": title, **kw},
    )


@login_required
def requirement_new(request: HttpRequest) -> HttpResponse:
    form = RequirementForm(request.POST or None, user=request.user)
    return _page(
        request,
        form,
        lambda: services.set_requirement(by=request.user, **form.service_data()),
        _("设定培训要求"),
        _("已设定培训要求。"),
    )


@login_required
def exemption_new(request: HttpRequest) -> HttpResponse:
    form = ExemptionForm(request.POST or None, user=request.user)
    return _page(
        request,
        form,
        lambda: services.grant_exemption(by=request.user, **form.cleaned_data),
        _("登记培训免除"),
        _("已登记培训免除。"),
    )


@login_required
def plan_new(request: HttpRequest) -> HttpResponse:
    form = PlanForm(request.POST or None, user=request.user)
    return _page(
        request,
        form,
        lambda: services.create_plan(by=request.user, **form.cleaned_data),
        _("制定培训计划"),
        _("已制定培训计划。"),
    )


@login_required
def course_new(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible_or_404(TrainingPlan, request.user, request=request, pk=pk)
    if not request.user.has_perm("training.run_plan", plan):
        raise PermissionDenied
    form = CourseForm(request.POST or None)
    return _page(
        request,
        form,
        lambda: services.add_course(by=request.user, plan=plan, **form.cleaned_data),
        _("添加培训课程"),
        _("已添加培训课程。"),
    )


@login_required
def session_new(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_visible_or_404(Course, request.user, request=request, pk=pk)
    if not request.user.has_perm("training.run_plan", course):
        raise PermissionDenied
    form = SessionForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.add_session(by=request.user, course=course, **form.cleaned_data),
        success=_("已添加培训场次。"),
        next_url=lambda session: course.get_absolute_url(),
        context={"title": _("添加培训场次")},
    )


@login_required
def claim_new(request: HttpRequest) -> HttpResponse:
    if not getattr(request.user, "person_id", None):
        raise PermissionDenied
    posted = request.method == "POST"
    form = ClaimForm(request.POST if posted else None, request.FILES if posted else None)
    return _page(
        request,
        form,
        lambda: services.submit_claim(by=request.user, **form.cleaned_data),
        _("自报外部培训"),
        _("已提交，待律师协会或司法局核验。"),
        multipart=True,
    )


@login_required
def sample_new(request: HttpRequest) -> HttpResponse:
    form = SampleForm(request.POST or None, user=request.user)
    return _page(
        request,
        form,
        lambda: services.draw_sample(by=request.user, **form.cleaned_data),
        _("抽取年度核验样本"),
        _("已抽取核验样本。"),
    )


@login_required
def attendance_import(request: HttpRequest, pk: int) -> HttpResponse:
    """The provider's attendance sheet: checked whole, applied whole or not at all."""
    course = get_visible_or_404(Course, request.user, request=request, pk=pk)
    if not request.user.has_perm("training.run_plan", course):
        raise PermissionDenied
    if request.GET.get("template"):
        response = HttpResponse(
            attendance_sheet.template(course),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="attendance.xlsx"'
        return response
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    errors: list[Any] = []
    if posted and form.is_valid():
        plan = run_service(
            form,
            lambda: services.import_attendance(
                course=course, by=request.user, content=form.cleaned_data["file"].read()
            ),
        )
        if plan is not None and not plan.errors:
            messages.success(request, gettext("已导入%(n)s人的参训记录。") % {"n": len(plan.rows)})
            return redirect(course.get_absolute_url())
        errors = plan.errors if plan is not None else []
    return render(
        request,
        "training/import.html",
        {"form": bootstrap_form(form), "course": course, "errors": errors},
    )


@login_required
def claim_proof(request: HttpRequest, pk: int) -> FileResponse:
    claim = get_visible_or_404(ExternalClaim, request.user, request=request, pk=pk)
    if not claim.proof:
        raise Http404
    response = stored_file_response(claim.proof, inline=False)
    record_event("training.claim.proof_downloaded", claim, by=request.user)
    return response
