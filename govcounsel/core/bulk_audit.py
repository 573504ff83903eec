"""Field diffs for bulk writes, in django-auditlog's own table, so bulk imports are audited
like single saves (bulk_create and bulk_update send no signals)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from . import context


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
                changes={k: [str(a), str(b)] for k, (a, b) in changes.items()},
                actor=actor,
                remote_addr=address,
            )
        )
    LogEntry.objects.bulk_create(rows, batch_size=1000)
