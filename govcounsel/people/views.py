from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from govcounsel.core.errors import DomainError
from govcounsel.core.views import ScopedDetailView, ScopedListView

from . import services
from .filters import LegalAdviserFilter, PersonFilter, QualificationFilter
from .models import LegalAdviser, Person, Qualification
from .reports import LegalAdviserReport, PersonReport, QualificationReport


class PersonListView(ScopedListView):
    model = Person
    filterset_class = PersonFilter
    report_class = PersonReport
    export_name = "人员"
    page_title = _("人员查询")
    select_related = ("unit",)
    prefetch_related = ("qualifications",)
    detail_url_name = "people:person"


class QualificationListView(ScopedListView):
    model = Qualification
    filterset_class = QualificationFilter
    report_class = QualificationReport
    export_name = "法律职业资格"
    page_title = _("法律职业资格")
    select_related = ("person", "person__unit")


class LegalAdviserListView(ScopedListView):
    model = LegalAdviser
    filterset_class = LegalAdviserFilter
    report_class = LegalAdviserReport
    export_name = "法律顾问"
    page_title = _("法律顾问")
    select_related = ("unit",)


class PersonDetailView(ScopedDetailView):
    model = Person
    template_name = "people/person_detail.html"

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related("unit", "unit__region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["qualifications"] = self.object.qualifications.all()
        context["adviser_roles"] = self.object.adviser_roles.select_related("unit")
        context["may_reveal"] = self.request.user.has_perm("people.read_identity", self.object)
        return context


@login_required
@require_POST
def reveal_identity(request: HttpRequest, pk: int) -> HttpResponse:
    """The full ID number and phone, shown once and audited (htmx swaps it into the page)."""
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=pk)
    try:
        identity = services.reveal_identity(person=person, by=request.user)
    except DomainError as error:
        return render(
            request, "people/_identity.html", {"error": error.message}, status=error.status_code
        )
    return render(request, "people/_identity.html", {"identity": identity})
