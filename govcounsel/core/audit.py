"""Recording domain events with a dotted action name, the actor, the time and the client address."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from . import context
from .models import AuditEvent


def record_event(
    action: str,
    obj: models.Model | None = None,
    *,
    by: Any = None,
    data: dict[str, Any] | None = None,
    client_address: str | None = None,
) -> AuditEvent:
    ctx = context.current()
    if by is None and ctx is not None:
        by = ctx.user
    if client_address is None and ctx is not None:
        client_address = ctx.client_address
    actor = by if by is not None and getattr(by, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_name=getattr(actor, "username", "") or (data or {}).get("username", ""),
        client_address=client_address,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        data=data or {},
    )
