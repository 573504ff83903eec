"""Workflow verbs, declared once.

A verb is something a person does to one object: approve an application, accept a matter,
dispatch a lawyer. Its declaration says everything the system needs to offer it: the name
(URL segment and API action), the label on the button, who may (a `rules` permission on the
object), when (a django-fsm transition or a predicate on the object), the input (a form), the
service it calls, and the question to ask first when it cannot be undone. From that one
declaration come:

- the page action at `/do/<app.model>/<pk>/<verb>/` (core/views/verbs.py), with a form page on GET;
- the buttons with their forms in the object's page (`{% verb_panel object %}`);
- the API action `POST /api/v1/<resource>/<pk>/<verb>/` on the model's viewset
  (`VerbViewSetMixin`), with its OpenAPI request body derived from the form;
- the generated tests (core/tests/test_verbs.py): the rightful role succeeds, every other
  role is refused with 403 or 404.

Apps declare their verbs in `<app>/verbs.py` with `register(Model, Verb(...), ...)`; the
module is imported at start-up (core.apps).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django import forms
from django.db.models import Model
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from .errors import DomainError
from .fields import ScopedForm


class VerbForm(ScopedForm):
    """The input of a verb: built for the acting user and the object acted on."""

    def __init__(self, *args: Any, user: Any, obj: Any = None, **kwargs: Any) -> None:
        self.obj = obj
        super().__init__(*args, user=user, **kwargs)

    def service_data(self) -> dict[str, Any]:
        """The keyword arguments for the service: every field, except the empty optional
        ones, so that the service's own default applies."""
        return {k: v for k, v in self.cleaned_data.items() if v is not None}


class YesNoField(forms.TypedChoiceField):
    """A yes/no answer that reads "true"/"false" from a page and true/false from JSON."""

    def __init__(self, *, yes: Any, no: Any, **kwargs: Any) -> None:
        super().__init__(
            choices=[("true", yes), ("false", no)],
            coerce=lambda value: value == "true",
            **kwargs,
        )

    def to_python(self, value: Any) -> str:
        if value is True or value is False:
            return "true" if value else "false"
        return "" if value in self.empty_values else str(value).strip().lower()


class NoInput(VerbForm):
    """A verb that takes nothing but the click."""


@dataclass(frozen=True)
class Document:
    """A file a verb produces (a letter, a bulletin): answered as a download."""

    filename: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class Verb:
    name: str
    label: Any
    permission: str
    service: Callable[..., Any]
    # The keyword the service takes the object by (matter=, application=); None: positional.
    subject: str | None = None
    form: type[VerbForm] = NoInput
    # When the verb applies: the name of a django-fsm transition, or a predicate.
    transition: str | None = None
    when: Callable[[Any], bool] | None = None
    # What the permission is checked against, when not the object itself.
    target: Callable[[Any], Any] | None = None
    # Asked before an action that cannot be undone.
    confirm: Any = None
    style: str = "primary"
    done: Any = None
    # Where the page goes afterwards and what the API answers: the object, or another one
    # derived from the service's result (an approved application's certificate).
    then: Callable[[Any, Any], Any] | None = None
    answer_serializer: str | None = None  # dotted path, for a `then` of another model
    # The service returns a Document, answered as a download on the page and in the API.
    document: bool = False
    help: Any = ""
    # The refusal when the verb does not apply, where a plainer one than "当前状态…" exists.
    refusal: Callable[[Any], DomainError] | None = None
    model: type[Model] | None = field(default=None, compare=False)

    @property
    def attribute(self) -> str:
        """The Python name of the API action method."""
        return "do_" + self.name.replace("-", "_")

    def permitted(self, user: Any, obj: Any) -> bool:
        target = self.target(obj) if self.target else obj
        return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
            self.permission, target
        )

    def applies(self, obj: Any) -> bool:
        if self.transition and not can_proceed(getattr(obj, self.transition)):
            return False
        return not (self.when and not self.when(obj))

    def ensure_applies(self, obj: Any) -> None:
        if not self.applies(obj) and self.refusal:
            raise self.refusal(obj)
        if not self.applies(obj):
            status = getattr(obj, "get_status_display", None)
            raise DomainError(
                "invalid_transition",
                _("当前状态为“%(status)s”，不能%(verb)s。")
                % {"status": status() if status else "—", "verb": self.label},
            )

    def make_form(
        self, user: Any, obj: Any, data: Any = None, files: Any = None, **kwargs: Any
    ) -> VerbForm:
        return self.form(data, files, user=user, obj=obj, **kwargs)

    def run(self, obj: Any, user: Any, form: VerbForm) -> Any:
        data = form.service_data()
        if self.subject:
            return self.service(**{self.subject: obj}, by=user, **data)
        return self.service(obj, by=user, **data)

    def result_object(self, obj: Any, result: Any) -> Any:
        return self.then(obj, result) if self.then else obj

    def success_message(self) -> Any:
        return self.done or _("已办理：%(verb)s") % {"verb": self.label}


_REGISTRY: dict[str, list[Verb]] = {}


def label_of(model: type[Model]) -> str:
    return model._meta.label_lower


def register(model: type[Model], *verbs: Verb) -> None:
    """Declare the verbs of a model, in the order their buttons appear."""
    declared = _REGISTRY.setdefault(label_of(model), [])
    names = {v.name for v in declared}
    for verb in verbs:
        if verb.name in names:
            raise ValueError(f"{label_of(model)} declares the verb {verb.name!r} twice")
        names.add(verb.name)
        declared.append(replace(verb, model=model))


_discovered = False


def autodiscover() -> None:
    """Import every app's `verbs` module once, so that each declaration is registered."""
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("verbs")


def verbs_of(model: type[Model]) -> list[Verb]:
    autodiscover()
    return list(_REGISTRY.get(label_of(model), []))


def find(model_label: str, name: str) -> Verb | None:
    autodiscover()
    return next((v for v in _REGISTRY.get(model_label, []) if v.name == name), None)


def registered() -> Iterable[Verb]:
    autodiscover()
    for declared in _REGISTRY.values():
        yield from declared


def model_for(model_label: str) -> type[Model] | None:
    declared = _REGISTRY.get(model_label)
    return declared[0].model if declared else None


def available(user: Any, obj: Any) -> list[Verb]:
    """The verbs this user may take on this object in its present state."""
    return [v for v in verbs_of(type(obj)) if v.applies(obj) and v.permitted(user, obj)]


def form_errors_text(form: forms.BaseForm) -> str:
    return "；".join(
        f"{form.fields[name].label}：{m}" if name in form.fields else str(m)
        for name, errors in form.errors.items()
        for m in errors
    )
