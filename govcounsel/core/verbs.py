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
  role is refused with 403 or 404;
- the notices to whoever must act next (`tell=Tell(...)`), sent once the service has
  succeeded, from the page and the API alike, and the result message (`done`): both are
  texts with named placeholders filled from the verb's input, the service's result and the
  object (`Words`), e.g. "已将事项“%(title)s”指派给%(lawyers)s".

Apps declare their verbs in `<app>/verbs.py` with `register(Model, Verb(...), ...)`; the
module is imported at start-up (core.apps).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django import forms
from django.db import transaction
from django.db.models import Model
from django.utils.module_loading import autodiscover_modules
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from .errors import DomainError
from .fields import ScopedForm
from .notify import kinds, notify


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


class Words(Mapping[str, Any]):
    """The values of a verb's texts' named placeholders: the verb's own `words`, then its
    input, then the attributes of the service's result and of the object (a model instance
    reads as its name, None as empty)."""

    def __init__(self, obj: Any, result: Any, data: Mapping[str, Any], extra: Mapping[str, Any]):
        self._sources = (extra, data)
        self._objects = tuple(o for o in (result, obj) if o is not None)

    def __getitem__(self, key: str) -> Any:
        for source in self._sources:
            if key in source:
                return self._shown(source[key])
        for obj in self._objects:
            if not key.startswith("_") and hasattr(obj, key):
                value = getattr(obj, key)
                return self._shown(value() if callable(value) else value)
        raise KeyError(key)

    @staticmethod
    def _shown(value: Any) -> Any:
        if value is None:
            return ""
        return value if isinstance(value, int | float) else str(value)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@dataclass(frozen=True)
class Tell:
    """A notice a verb sends once done, to whoever must act next (never the actor).

    `who(obj, result)` gives the accounts (accounts/recipients.py names them by duty);
    `title` and `body` are texts with named placeholders (see `Words`); `url` is the
    object's page unless given. The kind, for the person's e-mail choice, is
    "<app.model>.<verb>" unless named; its label is the model's and the verb's name."""

    who: Callable[[Any, Any], Iterable[Any]]
    title: Any
    body: Any = ""
    kind: str = ""
    label: Any = ""
    url: Callable[[Any, Any], str] | None = None

    def send(
        self, obj: Any, result: Any, *, by: Any, words: Mapping[str, Any] | None = None
    ) -> int:
        """Tell them now (the inbox) and by e-mail after commit; returns how many."""
        if not self.kind:
            raise ValueError("a Tell outside a verb names its kind")
        values = words if words is not None else Words(obj, result, {}, {})
        actor = getattr(by, "pk", None)
        recipients = [u for u in self.who(obj, result) if u is not None and u.pk != actor]
        target = result if hasattr(result, "get_absolute_url") else obj
        url = self.url(obj, result) if self.url else target.get_absolute_url()
        return notify(
            recipients,
            kind=self.kind,
            title=str(self.title % values)[:200],
            body=str(self.body % values) if self.body else "",
            url=url,
        )


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
    # The result message, with named placeholders (see `Words`).
    done: Any = None
    # Whoever must act next is told once the verb is done: one Tell or several.
    tell: Tell | tuple[Tell, ...] | None = None
    # Placeholder values the object and result do not have as attributes: (obj, result).
    words: Callable[[Any, Any], Mapping[str, Any]] | None = None
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
        return self.perform(obj, user, **form.service_data())

    def perform(self, obj: Any, user: Any, **data: Any) -> Any:
        """Call the service and, once it has succeeded, tell whoever must act next: the one
        way a verb is done (the page, the API and the demo). The notices are written in the
        service's transaction's wake, in one transaction of their own with it; their
        e-mails leave after commit."""
        with transaction.atomic():
            if self.subject:
                result = self.service(**{self.subject: obj}, by=user, **data)
            else:
                result = self.service(obj, by=user, **data)
            self.tell_about(obj, result, by=user, data=data)
        return result

    def tells(self) -> tuple[Tell, ...]:
        if self.tell is None:
            return ()
        return self.tell if isinstance(self.tell, tuple) else (self.tell,)

    def kind(self) -> str:
        """The notification kind of this verb's notices."""
        return f"{label_of(self.model)}.{self.name}" if self.model else self.name

    def words_for(self, obj: Any, result: Any, data: Mapping[str, Any] | None = None) -> Words:
        extra = self.words(obj, result) if self.words else {}
        return Words(obj, result, data or {}, extra)

    def tell_about(
        self, obj: Any, result: Any, *, by: Any, data: Mapping[str, Any] | None = None
    ) -> int:
        if isinstance(result, Document) or not self.tells():
            return 0
        words = self.words_for(obj, result, data)
        return sum(t.send(obj, result, by=by, words=words) for t in self.tells())

    def result_object(self, obj: Any, result: Any) -> Any:
        return self.then(obj, result) if self.then else obj

    def success_message(
        self, obj: Any = None, result: Any = None, data: Mapping[str, Any] | None = None
    ) -> str:
        """What was done, in words ("已将事项“…”指派给张三"); the one place it is formatted."""
        if not self.done:
            return str(_("已办理：%(verb)s") % {"verb": self.label})
        return str(self.done % self.words_for(obj, result, data))


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
        verb = replace(verb, model=model)
        if verb.tell is not None:
            # Each notice takes the verb's kind, registered so people can mute its e-mail.
            told = tuple(
                replace(t, kind=t.kind or verb.kind(), label=t.label or _label(model, verb))
                for t in verb.tells()
            )
            for t in told:
                kinds.register(t.kind, t.label)
            verb = replace(verb, tell=told)
        declared.append(verb)


def _label(model: type[Model], verb: Verb) -> Any:
    return format_lazy("{}：{}", model._meta.verbose_name, verb.label)


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
