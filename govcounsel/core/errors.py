"""One error type for refused domain actions, carrying a stable code and a message for people."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import IntegrityError
from django.db.models import Model, UniqueConstraint
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A refused action: `code` is stable for API clients, `message` is translated for people."""

    status_code = 400

    def __init__(
        self,
        code: str,
        message: Any,
        *,
        field: str | None = None,
        reasons: list[str] | None = None,
        title: Any = None,
        **details: Any,
    ):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field
        # Each reason on its own, where a refusal has several (e.g. unmet conditions).
        self.reasons = list(reasons or [])
        self.title = title or message
        self.details = details


class NotPermitted(DomainError):
    """The actor's role or scope does not allow this action."""

    status_code = 403

    def __init__(self, message: Any, code: str = "permission_denied") -> None:
        super().__init__(code, message)


# PostgreSQL SQLSTATEs of a row the constraints refuse: unique, check, exclusion.
_UNIQUE, _CHECK, _EXCLUSION = "23505", "23514", "23P01"
_KEY_COLUMNS = re.compile(r"^Key \((?P<columns>[^)]*)\)")


def integrity_to_domain(error: IntegrityError) -> DomainError | None:
    """The refusal a person should read when the database constraint caught what the
    service's own check missed (two requests racing past the same check): "已存在…" naming
    the field. None for other integrity errors (a missing row, a null), which are bugs."""
    cause = error.__cause__
    state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    diag = getattr(cause, "diag", None)
    if state not in {_UNIQUE, _CHECK, _EXCLUSION}:
        return None
    model = _model_of_table(getattr(diag, "table_name", None))
    if state != _UNIQUE:
        return DomainError("conflict", _("提交的数据与已有记录冲突，请核对后重试。"))
    fields = _unique_fields(model, getattr(diag, "constraint_name", None), diag)
    if not fields:
        return DomainError("duplicate", _("已存在相同的记录，请勿重复提交。"))
    labels = "、".join(str(label) for _name, label in fields)
    field = fields[0][0] if len(fields) == 1 else None
    return DomainError(
        "duplicate",
        _("已存在%(fields)s相同的记录，请勿重复提交。") % {"fields": labels},
        field=field,
    )


@contextmanager
def refusing_duplicates() -> Iterator[None]:
    """Turn a constraint's refusal inside the block into the DomainError of
    `integrity_to_domain`; any other integrity error goes on as it was."""
    try:
        yield
    except IntegrityError as error:
        refusal = integrity_to_domain(error)
        if refusal is None:
            raise
        raise refusal from error


def _model_of_table(table: str | None) -> type[Model] | None:
    if not table:
        return None
    return next((m for m in apps.get_models() if m._meta.db_table == table), None)


def _unique_fields(
    model: type[Model] | None, constraint: str | None, diag: Any
) -> list[tuple[str, Any]]:
    if model is None:
        return []
    names: list[str] = []
    for item in model._meta.constraints:
        if item.name == constraint and isinstance(item, UniqueConstraint):
            names = list(item.fields)
    if not names:
        match = _KEY_COLUMNS.match(getattr(diag, "message_detail", None) or "")
        columns = [c.strip() for c in match.group("columns").split(",")] if match else []
        by_column = {getattr(f, "column", None): f.name for f in model._meta.concrete_fields}
        names = [by_column[c] for c in columns if c in by_column]
    fields = []
    for name in names:
        # A keyed hash stands for the field people typed: id_number_hash is the 身份证号码
        # of id_number, labelled on its masked twin.
        shown = name.removesuffix("_hash")
        label_field = None
        for candidate in (shown, f"{shown}_masked", name):
            try:
                label_field = model._meta.get_field(candidate)
                break
            except FieldDoesNotExist:
                continue
        label = getattr(label_field, "verbose_name", shown)
        fields.append((shown, label))
    return fields
