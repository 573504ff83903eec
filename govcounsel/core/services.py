"""The one way a service changes the fields of a record (ADR 0016).

Every update verb takes the same steps: lock the row, check on the locked row, keep only
the fields the verb may change, assign them, validate (`full_clean`), save the columns
that changed, record the event. `model_update` takes those steps, so that no verb can
leave one out; each verb keeps only what is its own (who may, which fields, a history
hook, the name of its event).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from .audit import record_event
from .errors import DomainError

M = TypeVar("M", bound=models.Model)
Hook = Callable[[M], None]


def lock(instance: M, *related: str) -> M:
    """The row read again and locked until the transaction ends (call inside one)."""
    rows = type(instance)._default_manager.select_for_update()
    if related:
        rows = rows.select_related(*related)
    return rows.get(pk=instance.pk)


def _label(instance: models.Model, name: str) -> Any:
    try:
        return instance._meta.get_field(name).verbose_name  # type: ignore[union-attr]
    except FieldDoesNotExist:
        return name


def _values(instance: models.Model) -> dict[str, Any]:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


@transaction.atomic
def model_update(
    instance: M,
    *,
    by: Any,
    fields: Iterable[str],
    data: dict[str, Any],
    event: str,
    event_data: dict[str, Any] | None = None,
    related: Iterable[str] = (),
    check: Hook[M] | None = None,
    prepare: Hook[M] | None = None,
    before_save: Hook[M] | None = None,
) -> tuple[M, list[str]]:
    """Change `data` on `instance` and return the locked, saved instance with the names of
    the fields that changed (sorted).

    Steps, in order: lock the row (`related` joined to it); `check(row)` — permissions and
    preconditions on the locked row, before anything changes (it may drop from `data` a key
    whose value means "as it was", e.g. a masked phone sent back); refuse a key of `data` that
    is not in `fields` (a DomainError naming the field, answered 400); assign; `prepare(row)`
    — what follows from the new values (a derived column, a check across records);
    `full_clean()` (its ValidationError reaches the page or the API as any other);
    `before_save(row)` — dated history (ADR 0009); save only the changed columns; record
    `event` with `{"fields": changed, **event_data}`.

    Nothing changed: nothing is saved, `before_save` is skipped and no event is recorded —
    a form sent back as it was shown is not an act worth a line in the audit trail. `check`,
    `prepare` and `full_clean` still run, so a refusal does not depend on the values."""
    instance = lock(instance, *related)
    if check is not None:
        check(instance)
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise DomainError(
            "field_not_editable",
            _("“%(field)s”不能在此修改。") % {"field": _label(instance, unknown[0])},
            field=unknown[0],
        )
    before = _values(instance)
    for name, value in data.items():
        setattr(instance, name, value)
    if prepare is not None:
        prepare(instance)
    # A model whose save() derives columns (Person: pinyin of the name) exposes the same
    # step as fill_derived() for bulk loaders; run it here so those columns are saved too.
    fill_derived = getattr(instance, "fill_derived", None)
    if callable(fill_derived):
        fill_derived()
    # A protected workflow status (FSMField(protected=True)) is set by its transitions only;
    # full_clean would assign it back and be refused, and no update changes it anyway.
    instance.full_clean(
        exclude=[f.name for f in instance._meta.concrete_fields if getattr(f, "protected", False)]
    )
    after = _values(instance)
    changed = sorted(
        f.name for f in instance._meta.concrete_fields if before[f.attname] != after[f.attname]
    )
    if not changed:
        return instance, []
    if before_save is not None:
        before_save(instance)
    stamped = [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]
    instance.save(update_fields=[*changed, *stamped])
    record_event(event, instance, by=by, data={"fields": changed, **(event_data or {})})
    return instance, changed
