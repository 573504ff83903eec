"""Field diffs for bulk writes, in django-auditlog's own table, so bulk imports are audited
like single saves (bulk_create and bulk_update send no signals)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auditlog.diff import get_mask_function
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType

from . import context
from .audit import seal_changes


def log_bulk(entries: Iterable[tuple[Any, int, dict[str, Any]]], *, by: Any) -> None:
    """entries: (object, LogEntry.Action, {field: [old, new]})."""
    ctx = context.current()
    address = ctx.client_address if ctx is not None else None
    actor = by if getattr(by, "is_authenticated", False) else None
    rows = []
    for obj, action, changes in entries:
        rows.append(
            LogEntry(
                content_type=ContentType.objects.get_for_model(obj),
                object_pk=str(obj.pk),
                object_id=obj.pk,
                object_repr=str(obj)[:255],
                action=action,
                changes=_as_registered(obj, changes),
                actor=actor,
                remote_addr=address,
                cid=context.request_id(),
            )
        )
    LogEntry.objects.bulk_create(rows, batch_size=1000)
    seal_changes(rows)  # bulk_create sends no post_save


def _as_registered(obj: Any, changes: dict[str, Any]) -> dict[str, list[str]]:
    """The diff as django-auditlog would write it for a single save: excluded fields left out,
    masked fields masked (a phone changed by a survey import stays 138****5678)."""
    fields = auditlog.get_model_fields(type(obj)) if auditlog.contains(type(obj)) else None
    excluded = set(fields["exclude_fields"]) if fields else set()
    masked = set(fields["mask_fields"]) if fields else set()
    mask = get_mask_function(fields.get("mask_callable")) if fields else str
    return {
        k: [mask(str(a)), mask(str(b))] if k in masked else [str(a), str(b)]
        for k, (a, b) in changes.items()
        if k not in excluded
    }
