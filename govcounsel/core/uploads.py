"""Scans and attachments: PDF, JPEG or PNG, told by their content, under a size cap.

The file's name and the browser's content type are whatever the sender says; the first
bytes are what the file is. A `.txt` renamed `.pdf` is refused. The cap is
`settings.UPLOAD_MAX_BYTES` (10 MiB unless configured).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# Signatures at offset 0: ISO 32000 header, JPEG SOI + marker, the PNG signature.
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"


def max_bytes() -> int:
    return int(getattr(settings, "UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def _size(size: int) -> str:
    """10 MB, 1.5 MB, 512 KB: binary units, as file managers show them."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{round(size / scale, 1):g} {unit}"
    return f"{size} B"


def allowed_text() -> str:
    """What may be uploaded, in the words the forms and the refusals use."""
    return str(_("仅限 PDF、JPEG、PNG，不超过 %(size)s") % {"size": _size(max_bytes())})


def sniff(upload: Any) -> str | None:
    """The media type the first bytes show, or None; the read position is put back."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(16)
    finally:
        upload.seek(position)
    if isinstance(head, str):
        return None
    return next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)


def validate_document_upload(upload: Any) -> None:
    """Refuse anything but a PDF, JPEG or PNG within the size cap, judged by content."""
    if not upload:
        return
    if getattr(upload, "_committed", False):
        return  # a file already stored (checked when it came in), e.g. on a later full_clean
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            _("文件过大（%(size)s）：%(allowed)s。")
            % {"size": _size(size), "allowed": allowed_text()},
            code="upload_too_large",
        )
    if sniff(upload) is None:
        raise ValidationError(
            _("文件内容不是 PDF、JPEG 或 PNG（与文件名无关）：%(allowed)s。")
            % {"allowed": allowed_text()},
            code="upload_kind",
        )


class DocumentUploadField(forms.FileField):
    """A page-form field for a scan or attachment; its help text says what is allowed."""

    default_validators = [validate_document_upload]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not self.help_text:
            # Lazy, so the cap and the language are those of the page being shown.
            self.help_text = lazy(allowed_text, str)()
        self.widget.attrs.setdefault("accept", ACCEPT)


class DocumentUploadSerializerField(serializers.FileField):
    """An API field for a scan or attachment: the same check, a 400 with the reason."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "PDF / JPEG / PNG")
        kwargs["validators"] = [*kwargs.get("validators", ()), validate_document_upload]
        super().__init__(**kwargs)


def stored_file_response(stored: FieldFile, *, inline: bool) -> FileResponse:
    """The stored file with the type its content shows. Only a PDF, JPEG or PNG is ever
    answered inline; anything else (a file from before uploads were checked) is a download
    of plain octets, so that no browser renders it as a page of this site."""
    try:
        handle = stored.open("rb")
    except OSError:
        raise Http404 from None
    kind = sniff(handle)
    name = (stored.name or "").rsplit("/", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=not (inline and kind),
        filename=name,
        content_type=kind or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
