"""The work archive page and the commission letter download."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.certificates.models import Certificate
from govcounsel.core.audit import record_event
from govcounsel.core.exporters import Column, Report, xlsx_response
from govcounsel.people.models import Person

from .archive import WorkArchive, work_archive
from .documents import LITIGATION_SUBTYPES, commission_letter
from .models import Matter


class ArchiveReport(Report):
    title = _("工作档案")
    columns = [Column(_("项目"), lambda row: row[0], 30), Column(_("数值"), lambda row: row[1], 20)]


def _archive_rows(a: WorkArchive) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = [(f"承办事项：{name}", n) for name, n in a.by_category.items()]
    rate = "—" if a.on_time_rate is None else f"{a.on_time_rate * 100:.1f}%"
    rows += [
        ("承办事项合计", a.handled),
        ("已办结", a.closed),
        ("按期办结", a.on_time),
        ("按期办结率", rate),
        ("平均评价得分", a.average_score if a.average_score is not None else "—"),
        ("拒绝承办（理由正当）", a.declines_justified),
        ("拒绝承办（无正当理由）", a.declines_unjustified),
        ("拒绝承办（待认定）", a.declines_unjudged),
        ("加班时长（小时）", a.overtime_hours),
        ("补休（小时）", a.leave_hours),
        ("跨单位调派次数", a.dispatches),
    ]
    return rows


@login_required
def archive(request: HttpRequest) -> HttpResponse:
    lawyers = (
        Person.objects.visible_to(request.user)
        .filter(pk__in=Certificate.objects.values("person_id"))
        .select_related("unit")
    )
    chosen = str(request.GET.get("person") or getattr(request.user, "person_id", None) or "")
    year_text = request.GET.get("year") or ""
    year = int(year_text) if year_text.isdigit() else timezone.localdate().year
    person = lawyers.filter(pk=int(chosen)).first() if chosen.isdigit() else lawyers.first()
    context: dict[str, object] = {"lawyers": lawyers[:500], "year": year, "person": person}
    if person is not None:
        record = work_archive(person, year)
        rows = _archive_rows(record)
        if request.GET.get("export") == "xlsx":
            record_event(
                "export.xlsx",
                by=request.user,
                data={"list": "work_archive", "person": person.pk, "year": year},
            )
            return xlsx_response(ArchiveReport(), rows, f"工作档案-{person.name}-{year}")
        context.update(archive=record, rows=rows)
    return render(request, "matters/archive.html", context)


@login_required
@require_POST
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    matter = get_object_or_404(
        Matter.objects.visible_to(request.user).select_related("unit"), pk=pk
    )
    if not request.user.has_perm("matters.run", matter):
        raise PermissionDenied
    if matter.subtype not in LITIGATION_SUBTYPES:
        raise Http404
    lawyers = [
        a.person for a in matter.assignments.select_related("person") if a.status != "declined"
    ]
    content = commission_letter(
        matter,
        court=request.POST.get("court", "").strip() or "（受理机关）",
        counterparty=request.POST.get("counterparty", "").strip() or "（对方当事人）",
        authority=request.POST.get("authority", "").strip() or "一般授权",
        lawyers=lawyers,
    )
    record_event("matters.commission_letter.issued", matter, by=request.user)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = (
        "attachment; filename*=UTF-8''%E5%A7%94%E6%89%98%E5%85%AC%E5%87%BD.docx"
    )
    return response
