"""A matter's attachment and its opinions' files: downloaded, or previewed in the matter's
page, by those who may see the matter; every read is recorded."""

from __future__ import annotations

from typing import Any

from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.clickjacking import xframe_options_sameorigin

from govcounsel.core.audit import record_event
from govcounsel.core.scoping import get_visible_or_404
from govcounsel.core.uploads import stored_file_response

from ..models import Matter, OpinionAttachment


def _framed(view: Any) -> Any:
    """The preview variant may be framed by this site's own pages, and only by them: the
    site-wide `frame-ancestors 'none'` and X-Frame-Options DENY are relaxed for it alone."""
    return xframe_options_sameorigin(csp_replace({"frame-ancestors": ["'self'"]})(view))


def _matter_attachment(request: HttpRequest, pk: int, *, inline: bool) -> FileResponse:
    matter = get_visible_or_404(Matter, request.user, request=request, pk=pk)
    if not matter.attachment:
        raise Http404
    response = stored_file_response(matter.attachment, inline=inline)
    record_event("matters.attachment.downloaded", matter, by=request.user, data={"inline": inline})
    return response


def _opinion_file(request: HttpRequest, pk: int, *, inline: bool) -> FileResponse:
    attachment = get_visible_or_404(
        OpinionAttachment,
        request.user,
        request=request,
        scope=lambda user: OpinionAttachment.objects.select_related("opinion").filter(
            opinion__matter__in=Matter.objects.visible_to(user)
        ),
        pk=pk,
    )
    response = stored_file_response(attachment.file, inline=inline)
    record_event(
        "matters.opinion_attachment.downloaded",
        attachment,
        by=request.user,
        data={"inline": inline, "matter": attachment.opinion.matter_id},
    )
    return response


@login_required
def matter_attachment(request: HttpRequest, pk: int) -> FileResponse:
    return _matter_attachment(request, pk, inline=False)


@login_required
@_framed
def matter_attachment_preview(request: HttpRequest, pk: int) -> FileResponse:
    return _matter_attachment(request, pk, inline=True)


@login_required
def opinion_file(request: HttpRequest, pk: int) -> FileResponse:
    return _opinion_file(request, pk, inline=False)


@login_required
@_framed
def opinion_file_preview(request: HttpRequest, pk: int) -> FileResponse:
    return _opinion_file(request, pk, inline=True)
