"""The documents register: the documents issued and received in the reader's scope, each
downloadable exactly as issued."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.views import ScopedListView
from govcounsel.core.views.verbs import document_response

from . import services
from .filters import OfficialDocumentFilter
from .models import OfficialDocument
from .reports import OfficialDocumentReport
from .selectors import subject_link


class OfficialDocumentListView(ScopedListView):
    """The register of official documents (公文登记) through `visible_to`."""

    model = OfficialDocument
    filterset_class = OfficialDocumentFilter
    report_class = OfficialDocumentReport
    export_name = "公文登记"
    page_title = _("公文登记")
    template_name = "documents/list.html"
    select_related = ("region", "unit")
    prefetch_related = ("subject",)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["table_rows"] = [
            (document, row, subject_link(document)) for document, row in context["table_rows"]
        ]
        return context


@login_required
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The stored bytes of the document, unchanged; recorded as a download."""
    document = get_visible_or_404(OfficialDocument, request.user, request=request, pk=pk)
    return document_response(services.document_file(document=document, by=request.user))
