"""Recording domain events with a dotted action name, the actor, the time and the client address;
sealing django-auditlog's field-change entries into their hash chain (ADR 0010); keeping the
login records of django-axes in the trail when they are cleared."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from . import audit_chain, context
from .audit_actions import AXES_CLEARED, actions
from .masking import scrub_identifiers
from .models import AuditEvent, ChangeSeal

logger = logging.getLogger(__name__)


def check_action(action: str) -> None:
    """A name nobody declared (core/audit_actions.py) is a mistake: refused where it can be
    fixed (development, tests), logged in production, where the event is kept all the same."""
    if action in actions:
        return
    if getattr(settings, "AUDIT_STRICT_ACTIONS", settings.DEBUG):
        raise ValueError(
            f"audit action {action!r} is not declared: register it with a label in the "
            "app's audit_actions.py"
        )
    logger.error("audit action %r is not declared", action)


def record_event(
    action: str,
    obj: models.Model | None = None,
    *,
    by: Any = None,
    data: dict[str, Any] | None = None,
    client_address: str | None = None,
    request_id: str | None = None,
) -> AuditEvent:
    """Write one event of the trail. `action` is a declared name (core/audit_actions.py);
    the actor, client address and request id default to those of the request being served
    (a background job passes the request id of the request that queued it)."""
    check_action(action)
    ctx = context.current()
    if request_id is None and ctx is not None:
        request_id = ctx.request_id
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
        # Ties the event to django-auditlog's field diffs of the same request (their cid).
        request_id=request_id,
        # Issue 9: an ID number typed into a search is kept as its keyed hash, never in clear.
        data=scrub_identifiers(data or {}),
    )


def seal_changes(entries: Iterable[LogEntry], using: str = "default") -> None:
    """Append field-change entries, already saved, to the change chain, in the given order."""
    entries = list(entries)
    if not entries:
        return
    with transaction.atomic(using=using):
        audit_chain.lock(audit_chain.CHANGE_LOCK, using)
        previous = audit_chain.last_digest(ChangeSeal.objects.using(using))
        seals = []
        for entry in entries:
            digest = audit_chain.digest(audit_chain.change_fields(entry), previous)
            seals.append(ChangeSeal(entry_id=entry.pk, previous_digest=previous, digest=digest))
            previous = digest
        ChangeSeal.objects.using(using).bulk_create(seals)


@receiver(post_save, sender=LogEntry)
def _seal_change(sender: Any, instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        seal_changes([instance], using=kwargs.get("using") or "default")


# Login records are account security evidence (MLPS 2.0 8.1.4.3): clearing them (an unlock,
# axes' reset or expiry, a cleanup of old logs) first copies each row into the audit trail.
_LOGIN_RECORDS = (AccessAttempt, AccessLog, AccessFailureLog)
# Request bodies and session keys are not evidence worth keeping, and may hold secrets.
_NOT_KEPT = {"id", "post_data", "get_data", "session_hash"}


def _login_record_data(instance: models.Model) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in _NOT_KEPT:
            continue
        value = getattr(instance, field.attname)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, str):
            value = value[:255]
        data[field.name] = value
    return data


@receiver(pre_delete)
def _keep_login_record(sender: Any, instance: models.Model, **kwargs: Any) -> None:
    if sender not in _LOGIN_RECORDS:
        return
    record_event(
        AXES_CLEARED[sender._meta.model_name],
        instance,
        data=_login_record_data(instance),
    )


def verify_chains() -> list[tuple[str, int, audit_chain.BrokenLink | None]]:
    """Each chain (audit events, field changes) with the rows checked and its first broken
    link, if any: a row changed, removed or added outside the application."""
    events = AuditEvent.objects.order_by("pk").iterator(chunk_size=2000)
    event_result = audit_chain.walk(
        ((event, event) for event in events),
        chain="events",
        fields=audit_chain.event_fields,
        pk_of=lambda event: event.pk,
        at_of=lambda event: event.at,
    )
    seals = ChangeSeal.objects.select_related("entry").order_by("pk").iterator(chunk_size=2000)
    checked, broken = audit_chain.walk(
        ((seal.entry, seal) for seal in seals),
        chain="changes",
        fields=audit_chain.change_fields,
        pk_of=lambda entry: entry.pk,
        at_of=lambda entry: entry.timestamp,
    )
    if broken is None:
        unsealed = LogEntry.objects.filter(seal__isnull=True).order_by("pk").first()
        if unsealed is not None:
            broken = audit_chain.BrokenLink("changes", unsealed.pk, unsealed.timestamp, "unsealed")
    return [("events", *event_result), ("changes", checked, broken)]
