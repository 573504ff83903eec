"""Reads of issued documents."""

from __future__ import annotations

from typing import Any

from django.db.models import Model


def subject_link(document: Any) -> str:
    """Where the document's subject is shown (the bulletin's page, the matter's), if it
    has a page and the subject still exists."""
    subject: Model | None = document.subject
    get_url = getattr(subject, "get_absolute_url", None)
    return str(get_url()) if get_url else ""
