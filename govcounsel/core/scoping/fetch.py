"""Fetching one object through the user's scope."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import Http404


def get_visible_or_404(
    queryset_or_model: Any,
    user: Any,
    *,
    request: Any = None,
    scope: str | Callable[[Any], QuerySet[Any]] | None = "visible_to",
    **lookup: Any,
) -> Any:
    """The one object `lookup` names, if the user may see it; otherwise 404.

    Pass the model, or an unscoped queryset of it (with the caller's select_related or
    narrowing): the user's scope (`visible_to`, or another named scope such as
    `manageable_by`) is applied here, so no caller can forget it. A missing object and an
    object outside the scope answer the same 404, so that ids cannot be probed; the second
    is recorded as `access.denied` (ARCHITECTURE.md convention 1). A malformed id is a 404
    too, never a 500.

    `scope` may also be a function of the user returning the scoped queryset (for a model
    without a ScopedQuerySet); `scope=None` says the queryset given is already the user's
    scope (a viewset's `get_queryset()`), and whether the object exists is then asked of the
    model's default manager."""
    given = _queryset_of(queryset_or_model)
    if scope is None:
        scoped, base = given, given.model._default_manager.all()
    elif callable(scope):
        scoped, base = scope(user), given
    else:
        method = getattr(given, scope, None)
        if method is None:
            raise ImproperlyConfigured(
                f"{given.model._meta.label} has no queryset method {scope!r} to fetch through."
            )
        scoped, base = method(user), given
    try:
        return scoped.get(**lookup)
    except given.model.DoesNotExist:
        pass
    except (ValueError, TypeError, ValidationError):
        raise Http404 from None
    found = base.filter(**lookup).values_list("pk", flat=True).first()
    if found is not None:
        from ..audit import record_event
        from ..context import current

        if request is None and (ctx := current()) is not None:
            request = ctx.request
        record_event(
            "access.denied",
            by=user,
            data={
                "path": getattr(request, "path", ""),
                "model": base.model._meta.label,
                "id": str(found),
            },
        )
    raise Http404


def _queryset_of(queryset_or_model: Any) -> QuerySet[Any]:
    if isinstance(queryset_or_model, QuerySet):
        return queryset_or_model
    if isinstance(queryset_or_model, type) and issubclass(queryset_or_model, models.Model):
        return queryset_or_model._default_manager.all()
    raise TypeError(f"Expected a model or a queryset, got {queryset_or_model!r}.")
