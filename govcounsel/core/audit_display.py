"""The audit trail as the audit administrator reads it (ADR 0017): declared labels instead of
action names, Beijing time, the object's type and name, event details and field diffs in
words (field names, old → new, related records by name, choices by label), masked fields
still masked.

Reads only. Each function works on a page or an export chunk at a time, with a fixed number
of queries whatever its length: the diffs of a page in one query, the related records
named in one query per related model."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from .audit_actions import actions
from .models import AuditEvent

# Field diffs shown beside one request's events; a bulk import writes thousands under one
# request id, and the changes page lists them all (filtered by that request).
CHANGES_PER_REQUEST = 20
_TRUNCATE = 200
EMPTY = _("（空）")

ENTRY_ACTIONS = {
    LogEntry.Action.CREATE: _("新增"),
    LogEntry.Action.UPDATE: _("修改"),
    LogEntry.Action.DELETE: _("删除"),
    LogEntry.Action.ACCESS: _("查看"),
}
_M2M_OPERATIONS = {"add": _("添加"), "delete": _("移除")}

# The keys services put in an event's `data`, in words; a key not listed shows as written.
DATA_LABELS: dict[str, Any] = {
    "fields": _("变更字段"),
    "model": _("数据类型"),
    "kind": _("方式"),
    "count": _("记录数"),
    "ids": _("记录编号"),
    "id": _("记录编号"),
    "path": _("访问地址"),
    "method": _("请求方式"),
    "list": _("列表"),
    "filters": _("筛选条件"),
    "personal_data": _("含个人信息"),
    "username": _("账号"),
    "user": _("账号"),
    "role": _("角色"),
    "pending": _("待批准"),
    "reason": _("原因"),
    "on": _("日期"),
    "format": _("格式"),
    "file": _("文件"),
    "year": _("年度"),
}


@dataclass(frozen=True)
class FieldChange:
    """One field of a diff in words: its verbose name, the old and the new value."""

    label: str
    old: str
    new: str


@dataclass
class ShownChange:
    """One django-auditlog entry in words."""

    entry: LogEntry
    model_label: str
    object_repr: str
    action_label: str
    fields: list[FieldChange] = field(default_factory=list)

    def text(self) -> str:
        """The diff on one line, for an export cell."""
        parts = "；".join(f"{c.label}：{c.old} → {c.new}" for c in self.fields)
        head = f"{self.action_label}{self.model_label}“{self.object_repr}”"
        return f"{head}：{parts}" if parts else head


def model_of(content_type_id: int | None) -> type[models.Model] | None:
    if not content_type_id:
        return None
    return ContentType.objects.get_for_id(content_type_id).model_class()


def model_label(model: type[models.Model] | None) -> str:
    return str(model._meta.verbose_name) if model is not None else ""


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        found = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # A reverse relation shares its name space with the fields but is no column of the diff.
    return found if hasattr(found, "verbose_name") else None


def shown_changes(entry: LogEntry) -> dict[str, Any]:
    """A change as registered today: fields excluded since it was written (a birth
    date beside the masked ID number) left out, masked fields masked again. The row itself is
    sealed and stays as written."""
    from auditlog.diff import get_mask_function
    from auditlog.registry import auditlog

    changes = entry.changes_dict
    model = model_of(entry.content_type_id)
    if model is None or not auditlog.contains(model):
        return changes
    fields = auditlog.get_model_fields(model)
    mask = get_mask_function(fields.get("mask_callable"))
    return {
        name: [mask(str(v)) if v else v for v in values]
        if name in fields["mask_fields"] and isinstance(values, list)
        else values
        for name, values in changes.items()
        if name not in fields["exclude_fields"]
    }


def _is_fk(field: Any) -> bool:
    return bool(field is not None and field.concrete and (field.many_to_one or field.one_to_one))


def _related_names(wanted: dict[type[models.Model], set[str]]) -> dict[tuple[Any, str], str]:
    """str() of the related records a page of diffs names, one query per related model."""
    names: dict[tuple[Any, str], str] = {}
    for related, raw_pks in wanted.items():
        pks = {}
        for raw in raw_pks:
            try:
                pks[related._meta.pk.to_python(raw)] = raw
            except ValidationError:
                continue
        if not pks:
            continue
        for pk, obj in related._base_manager.in_bulk(list(pks)).items():
            names[(related, pks[pk])] = str(obj)
    return names


def _shown_value(field: Any, value: Any, names: dict[tuple[Any, str], str]) -> str:
    if value is None or value in ("None", ""):
        return str(EMPTY)
    text = str(value)
    if field is not None:
        choices = getattr(field, "flatchoices", None)
        if choices:
            by_value = {str(k): v for k, v in choices}
            if text in by_value:
                return str(by_value[text])
        if isinstance(field, models.BooleanField) and text in ("True", "False"):
            return str(_("是")) if text == "True" else str(_("否"))
        if isinstance(field, models.DateTimeField):
            moment = parse_datetime(text)
            if moment is not None and timezone.is_aware(moment):
                return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S")
        if _is_fk(field):
            return names.get((field.related_model, text), f"#{text}")
    return text if len(text) <= _TRUNCATE else text[:_TRUNCATE] + "…"


def readable_changes(entries: Iterable[LogEntry]) -> list[ShownChange]:
    """django-auditlog entries in words, in the order given."""
    entries = list(entries)
    prepared = []
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for entry in entries:
        model = model_of(entry.content_type_id)
        changes = shown_changes(entry) if entry.changes else {}
        prepared.append((entry, model, changes))
        for name, values in changes.items():
            field_ = _field(model, name)
            if _is_fk(field_) and isinstance(values, list):
                wanted[field_.related_model].update(str(v) for v in values if v not in (None, ""))
    names = _related_names(wanted)
    shown = []
    for entry, model, changes in prepared:
        fields = []
        for name, values in changes.items():
            field_ = _field(model, name)
            label = str(field_.verbose_name) if field_ is not None else name
            if isinstance(values, dict) and values.get("type") == "m2m":
                operation = _M2M_OPERATIONS.get(values.get("operation", ""), "")
                objects = "、".join(str(o) for o in values.get("objects", []))
                fields.append(FieldChange(label, str(EMPTY), f"{operation}：{objects}"))
                continue
            if not isinstance(values, list | tuple) or len(values) != 2:
                fields.append(FieldChange(label, "", str(values)))
                continue
            old, new = (_shown_value(field_, v, names) for v in values)
            fields.append(FieldChange(label, old, new))
        shown.append(
            ShownChange(
                entry=entry,
                model_label=model_label(model),
                object_repr=entry.object_repr,
                action_label=str(ENTRY_ACTIONS.get(entry.action, entry.action)),
                fields=fields,
            )
        )
    return shown


def _data_value(key: str, value: Any, model: type[models.Model] | None) -> str:
    if isinstance(value, bool):
        return str(_("是")) if value else str(_("否"))
    if key == "fields" and isinstance(value, list):
        labels = []
        for name in value:
            field_ = _field(model, str(name))
            labels.append(str(field_.verbose_name) if field_ is not None else str(name))
        return "、".join(labels)
    if key == "model" and isinstance(value, str) and "." in value:
        try:
            return model_label(apps.get_model(value))
        except (LookupError, ValueError):
            return value
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def readable_data(event: AuditEvent) -> list[tuple[str, str]]:
    """The event's details as (label, value) pairs."""
    model = model_of(event.content_type_id)
    return [
        (str(DATA_LABELS.get(key, key)), _data_value(key, value, model))
        for key, value in (event.data or {}).items()
    ]


def prepare_events(events: Iterable[AuditEvent]) -> list[AuditEvent]:
    """Give each event of a page what the page and the export show: `label`, `group_label`,
    `object_type`, `details` and `changes` (the field diffs of its request: those of its own
    object, and those of no event on the page go to the request's first event there);
    `more_changes` counts the diffs of a request left off."""
    events = list(events)
    groups = {g.key: g.label for g in actions.groups()}
    by_request: dict[str, list[AuditEvent]] = defaultdict(list)
    for event in events:
        declared = actions.get(event.action)
        event.label = str(declared.label) if declared else event.action  # type: ignore[attr-defined]
        event.group_label = str(groups[declared.group]) if declared else ""  # type: ignore[attr-defined]
        event.object_type = model_label(model_of(event.content_type_id))  # type: ignore[attr-defined]
        event.details = readable_data(event)  # type: ignore[attr-defined]
        event.changes = []  # type: ignore[attr-defined]
        event.more_changes = 0  # type: ignore[attr-defined]
        if event.request_id:
            by_request[event.request_id].append(event)
    if not by_request:
        return events
    entries = list(
        LogEntry.objects.filter(cid__in=list(by_request))
        .annotate(
            n=Window(RowNumber(), partition_by=[F("cid")], order_by=F("pk").asc()),
        )
        .filter(n__lte=CHANGES_PER_REQUEST)
        .order_by("pk")
    )
    full = {e.cid for e in entries if e.n == CHANGES_PER_REQUEST}
    totals = (
        dict(
            LogEntry.objects.filter(cid__in=full)
            .order_by()
            .values_list("cid")
            .annotate(count=Count("pk"))
        )
        if full
        else {}
    )
    for shown in readable_changes(entries):
        entry = shown.entry
        same = by_request[entry.cid]
        owner = next(
            (
                e
                for e in same
                if e.content_type_id == entry.content_type_id and e.object_id == entry.object_pk
            ),
            min(same, key=lambda e: e.pk),
        )
        owner.changes.append(shown)  # type: ignore[attr-defined]
    for request_id, total in totals.items():
        first = min(by_request[request_id], key=lambda e: e.pk)
        first.more_changes = total - CHANGES_PER_REQUEST  # type: ignore[attr-defined]
    return events


def prepare_entries(entries: Iterable[LogEntry]) -> list[LogEntry]:
    """Give each django-auditlog entry of a page its diff in words (`shown`)."""
    entries = list(entries)
    for shown in readable_changes(entries):
        shown.entry.shown = shown
    return entries


def in_chunks(objects: Iterable[Any], size: int, prepare: Any) -> Iterator[Any]:
    """Objects prepared a chunk at a time, for exports that stream."""
    iterator = iter(objects)
    while chunk := list(islice(iterator, size)):
        yield from prepare(chunk)
