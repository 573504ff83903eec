"""Pages of the survey import: template download, upload and dry run, confirmation."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.exporters import XLSX_TYPE
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.organisations.models import Unit

from .. import survey
from ..models import SurveyUpload

MAX_BYTES = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=_("摸排表（.xlsx）"))


def _ensure_importer(request: HttpRequest) -> None:
    if not Unit.objects.manageable_by(request.user).exists():
        raise PermissionDenied


@login_required
def template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(survey.template_workbook(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        "attachment; filename*=UTF-8''%E6%91%B8%E6%8E%92%E8%A1%A8%E6%A8%A1%E6%9D%BF.xlsx"
    )
    return response


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    _ensure_importer(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        if file.size > MAX_BYTES:
            form.add_error("file", _("文件超过20MB，请分批导入。"))
            return render(request, "people/survey.html", context)
        content = file.read()
        try:
            background = survey.runs_in_background(content)
            plan = None if background else survey.plan_survey(content, by=request.user)
        except survey.SurveyFileError as error:
            form.add_error("file", str(error))
            return render(request, "people/survey.html", context)
        file.seek(0)
        if plan is None:  # a large file is checked by a worker; the page polls
            with transaction.atomic():
                record = SurveyUpload.objects.create(
                    file=file,
                    filename=file.name,
                    uploaded_by=request.user,  # type: ignore[misc]
                )
                survey.queue_job(record, survey.PREVIEW)
            return redirect("people:survey-job", record.pk)
        record = SurveyUpload.objects.create(
            file=file,
            filename=file.name,
            uploaded_by=request.user,
            summary=plan.summary(),  # type: ignore[misc]
        )
        context.update(plan=plan, upload=record, errors=plan.errors[:500])
    return render(request, "people/survey.html", context)


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    _ensure_importer(request)
    record = get_visible_or_404(
        SurveyUpload.objects.filter(imported_at__isnull=True), request.user, request=request, pk=pk
    )
    if record.summary.get("state") in survey.ACTIVE:
        return redirect("people:survey-job", record.pk)
    with record.file.open("rb") as handle:
        content = handle.read()
    try:
        if survey.runs_in_background(content):
            survey.queue_job(record, survey.IMPORT)
            return redirect("people:survey-job", record.pk)
        plan = survey.import_survey(content, by=request.user, filename=record.filename)
    except survey.SurveyFileError as error:
        messages.error(request, str(error))
        return redirect("people:survey")
    if plan.errors:
        messages.error(request, _("数据已变化，文件未通过校验，未导入任何数据。请重新上传。"))
        return render(
            request,
            "people/survey.html",
            {"form": UploadForm(), "plan": plan, "errors": plan.errors[:500]},
        )
    record.imported_at = timezone.now()
    record.summary = plan.summary()
    record.save(update_fields=["imported_at", "summary"])
    messages.success(request, _imported(plan.summary()))
    return redirect("certificates:qualified")


def _imported(summary: dict[str, int]) -> str:
    return _(
        "导入完成：新增人员%(new)d名，更新%(changed)d名，新增资格%(quals)d条，未变化%(same)d名。"
    ) % {
        "new": summary["new_people"],
        "changed": summary["changed_people"],
        "quals": summary["new_qualifications"],
        "same": summary["unchanged"],
    }


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of a large file's preview or import, polled by htmx; once done, the same
    preview (or result) as a small file gets at once. Only the uploader sees it."""
    _ensure_importer(request)
    record = get_visible_or_404(SurveyUpload, request.user, request=request, pk=pk)
    state = record.summary.get("state")
    if state is None:
        raise Http404  # a small file's upload: it never had a job
    context: dict[str, object] = {"form": UploadForm(), "job": record}
    if state == "done":
        plan = survey.StoredPlan.from_summary(record.summary)
        context.update(plan=plan, errors=plan.errors)
        if record.summary.get("action") == survey.IMPORT:
            if not plan.errors:
                context["imported"] = _imported(plan.summary())
        elif not plan.errors and record.imported_at is None:
            context["upload"] = record
    template = "people/_survey_job.html" if request.htmx else "people/survey.html"  # type: ignore[attr-defined]
    return render(request, template, context)
