"""Reads of personal data, one audit row per request (MLPS 2.0 8.1.4.3, PIPL art. 51):
who read which register or record, and how many records.

A model declares `personal_data = True`; the shared list, detail and export views and
the API viewsets record its reads, so no app writes this twice."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from .audit import record_event


def holds_personal_data(model: type[Model] | None) -> bool:
    return getattr(model, "personal_data", False) is True


def record_personal_read(
    request: Any, model: type[Model], *, kind: str, count: int, ids: list[Any] | None = None
) -> None:
    """kind: "list", "detail", "export" or "api" (list or detail through the API)."""
    if not holds_personal_data(model) or count == 0:
        return
    seen = getattr(request, "_personal_reads", None)
    if seen is None:
        seen = set()
        if request is not None:
            request._personal_reads = seen
    if (model, kind) in seen:
        return  # one row per request, however often a view looks the object up
    seen.add((model, kind))
    data: dict[str, Any] = {
        "model": model._meta.label,
        "kind": kind,
        "count": count,
        "path": getattr(request, "path", ""),
    }
    if ids:
        data["ids"] = [str(i) for i in ids[:50]]
    record_event("access.personal_data", by=getattr(request, "user", None), data=data)
