"""References a request can name resolve only within the requesting user's scope (ADR 0008).

A form or a serializer that accepts a person, a unit, a region, an adviser or a matter by its
id takes its choices from `Model.objects.visible_to(user)`, or from a narrower named scope
(`manageable_by`, or a selector taking the user). An id outside that scope is answered exactly
like an id that does not exist — DRF's "对象不存在", Django's "选择一个有效的选项" — so that
neither the object's name nor its existence can be probed.

The mechanism is the field class: `ScopedRelatedField` / `ScopedSlugRelatedField` for DRF and
`ScopedModelChoiceField` / `ScopedModelMultipleChoiceField` in a `ScopedForm` for Django forms.
`core/tests/test_scoped_fields.py` walks every serializer and form and fails on any writable
related field that is not one of them.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Q, QuerySet
from rest_framework import serializers

# A scope is the name of a queryset method taking the user ("visible_to", "manageable_by"),
# or a function of the user returning a queryset of the model.
ScopeSpec = str | Callable[[Any], QuerySet[Any]]

VISIBLE = "visible_to"


def scoped_queryset(model: type[Model], scope: ScopeSpec, user: Any) -> QuerySet[Any]:
    """The objects of `model` the user may name, through the declared scope."""
    if callable(scope):
        queryset = scope(user)
    else:
        method = getattr(model._default_manager.all(), scope, None)
        if method is None:
            raise ImproperlyConfigured(
                f"{model._meta.label} has no queryset method {scope!r} to scope a field with."
            )
        queryset = method(user)
    if not issubclass(queryset.model, model):
        raise ImproperlyConfigured(
            f"The scope of a {model._meta.label} field returned {queryset.model._meta.label}."
        )
    return queryset


# --- DRF ---------------------------------------------------------------------------------


class ScopedRelatedMixin:
    """Resolves the reference with `get_queryset()` computed per request from the scope."""

    scoped_model: type[Model]
    scope: ScopeSpec
    context: dict[str, Any]

    def __init__(self, model: type[Model], *, scope: ScopeSpec = VISIBLE, **kwargs: Any) -> None:
        self.scoped_model = model
        self.scope = scope
        if not kwargs.get("read_only"):
            # Declared for schema generation only; lookups always go through get_queryset().
            kwargs.setdefault("queryset", model._default_manager.none())
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        request = self.context.get("request")
        if request is None:
            # Without the request there is no user to scope by: a programming error, not "none".
            raise ImproperlyConfigured(
                f"{type(self).__name__} for {self.scoped_model._meta.label} needs the request "
                "in the serializer context."
            )
        return scoped_queryset(self.scoped_model, self.scope, getattr(request, "user", None))


class ScopedRelatedField(ScopedRelatedMixin, serializers.PrimaryKeyRelatedField):
    """A reference by id that only resolves to objects the requesting user may name."""


class ScopedSlugRelatedField(ScopedRelatedMixin, serializers.SlugRelatedField):
    """A reference by a natural key (e.g. a region's code), scoped like ScopedRelatedField."""


# --- Django forms --------------------------------------------------------------------------

_binding: contextvars.ContextVar[bool] = contextvars.ContextVar("scoped_binding", default=False)


@contextmanager
def _through_scope() -> Iterator[None]:
    token = _binding.set(True)
    try:
        yield
    finally:
        _binding.reset(token)


class _ScopedChoiceIterator(forms.models.ModelChoiceIterator):
    """Renders the choices only once they come from the user's scope."""

    field: Any

    def __init__(self, field: Any) -> None:
        super().__init__(field)
        self._rows: list[Any] | None = None

    def __iter__(self) -> Iterator[Any]:
        self.field._require_scope()
        empty = getattr(self.field, "empty_label", None)
        if empty is None or not self.field.required:
            yield from super().__iter__()
            return
        # A required choice with one option starts on it: the only answer anyone could
        # give, where a blank start would only earn "该字段是必填项". The widget reads the
        # choices twice (the first one decides its `required` attribute), so they are
        # read once and kept.
        if self._rows is None:
            self._rows = [self.choice(obj) for obj in self.queryset]
        if len(self._rows) != 1:
            yield ("", empty)
        yield from self._rows

    def __len__(self) -> int:
        self.field._require_scope()
        return super().__len__()

    def __bool__(self) -> bool:
        self.field._require_scope()
        return super().__bool__()


class ScopedChoiceMixin:
    """A model choice whose queryset can only be set from the user's scope, then narrowed.

    Until `bind(user)` the field offers nothing and refuses to validate; assigning
    `.queryset` directly afterwards marks it unscoped, and it refuses again. Narrowing
    (`narrow(Q)` or `narrow(other_queryset)`) keeps it within the scope."""

    scoped_model: type[Model]
    scope: ScopeSpec
    scoped: bool = False
    iterator: type[forms.models.ModelChoiceIterator] = _ScopedChoiceIterator
    _queryset: Any
    widget: Any
    choices: Any

    def __init__(
        self,
        model: type[Model],
        *,
        scope: ScopeSpec = VISIBLE,
        order_by: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        self.scoped_model = model
        self.scope = scope
        self.order_by = order_by
        super().__init__(model._default_manager.none(), **kwargs)  # type: ignore[call-arg]

    def _get_queryset(self) -> Any:
        return self._queryset

    def _set_queryset(self, queryset: Any) -> None:
        # As ModelChoiceField's setter, noting whether the scope produced the queryset.
        self._queryset = None if queryset is None else queryset.all()
        self.widget.choices = self.choices
        self.scoped = _binding.get()

    queryset = property(_get_queryset, _set_queryset)

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        with _through_scope():
            result = super().__deepcopy__(memo)  # type: ignore[misc]
        result.scoped = self.scoped
        return result

    def bind(self, user: Any) -> None:
        queryset = scoped_queryset(self.scoped_model, self.scope, user)
        if self.order_by:
            queryset = queryset.order_by(*self.order_by)
        with _through_scope():
            self.queryset = queryset

    def narrow(self, condition: Q | QuerySet[Any]) -> None:
        """Keep only the scoped choices that also meet `condition` (a Q or a queryset)."""
        self._require_scope()
        if isinstance(condition, QuerySet):
            condition = Q(pk__in=condition.values("pk"))
        with _through_scope():
            self.queryset = self.queryset.filter(condition)

    def _require_scope(self) -> None:
        if not self.scoped:
            raise ImproperlyConfigured(
                f"The choices of a {self.scoped_model._meta.label} field were not taken from the "
                "user's scope: build the form with user= (ScopedForm) and narrow it with narrow()."
            )

    def clean(self, value: Any) -> Any:
        self._require_scope()
        return super().clean(value)  # type: ignore[misc]


class ScopedModelChoiceField(ScopedChoiceMixin, forms.ModelChoiceField):
    """One object the user may name, chosen by id."""


class ScopedModelMultipleChoiceField(ScopedChoiceMixin, forms.ModelMultipleChoiceField):
    """Several objects the user may name, chosen by id."""


class ScopedForm(forms.Form):
    """A form built for a user: every scoped choice field takes its queryset from that user's
    scope before anything else can read it."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field, ScopedChoiceMixin):
                field.bind(user)

    def scoped_field(self, name: str) -> ScopedChoiceMixin:
        field = self.fields[name]
        assert isinstance(field, ScopedChoiceMixin)
        return field
