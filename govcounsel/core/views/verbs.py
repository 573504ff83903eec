"""The page side of declared workflow verbs: one URL, one view for every verb of every model."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from .. import verbs
from ..errors import NotPermitted
from ..forms import run_service
from ..scoping import get_visible_or_404
from .base import bootstrap_form


def document_response(document: verbs.Document) -> HttpResponse:
    response = HttpResponse(document.content, content_type=document.content_type)
    # RFC 6266 with a UTF-8 name, so that Chinese file names survive every browser.
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(document.filename)}"
    return response


def verb_url(verb: verbs.Verb | str, obj: Any) -> str:
    """The page URL of a verb of the object (the verb, or its name)."""
    from django.urls import reverse

    name = verb if isinstance(verb, str) else verb.name
    return reverse("verb", args=[verbs.label_of(type(obj)), obj.pk, name])


@login_required
def run_verb(request: HttpRequest, model: str, pk: int, verb: str) -> HttpResponse:
    """GET: the verb's form on a page of its own; POST: run it and go back to the object."""
    declared = verbs.find(model, verb)
    model_class = verbs.model_for(model)
    if declared is None or model_class is None:
        raise Http404
    obj = get_visible_or_404(model_class, request.user, request=request, pk=pk)
    if not declared.permitted(request.user, obj):
        raise PermissionDenied
    if not declared.applies(obj):
        messages.error(
            request,
            _("“%(verb)s”不适用于当前状态（%(status)s）。")
            % {"verb": declared.label, "status": _status(obj)},
        )
        return redirect(obj)
    posted = request.method == "POST"
    form = declared.make_form(
        request.user, obj, request.POST if posted else None, request.FILES if posted else None
    )
    if posted and form.is_valid():
        try:
            result = run_service(form, lambda: declared.run(obj, request.user, form))
        except NotPermitted as refusal:
            raise PermissionDenied(str(refusal.message)) from None
        if not form.errors:
            if isinstance(result, verbs.Document):
                return document_response(result)
            messages.success(request, declared.success_message(obj, result, form.service_data()))
            return redirect(declared.result_object(obj, result))
    return render(
        request,
        "core/verb_form.html",
        {"form": bootstrap_form(form), "verb": declared, "object": obj},
        status=400 if posted else 200,
    )


def _status(obj: Any) -> str:
    display = getattr(obj, "get_status_display", None)
    return str(display()) if display else "—"
