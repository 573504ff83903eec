"""The API side of declared workflow verbs: a viewset lists its model's verbs and each
becomes `POST <resource>/<pk>/<verb>/`, validated by the verb's form, documented in OpenAPI."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from . import verbs
from .errors import NotPermitted
from .views.verbs import document_response

_PERMISSION_DENIED = _("您没有执行该操作的权限。")


def _schema_field(field: forms.Field) -> serializers.Field:
    """The OpenAPI shape of a form field (documentation only: the form validates)."""
    common: dict[str, Any] = {"required": field.required, "help_text": field.help_text or None}
    if isinstance(field, forms.ModelMultipleChoiceField):
        return serializers.ListField(child=serializers.IntegerField(), **common)
    if isinstance(field, forms.ModelChoiceField):
        return serializers.IntegerField(**common)
    if isinstance(field, forms.NullBooleanField | forms.BooleanField | verbs.YesNoField):
        return serializers.BooleanField(**common)
    if isinstance(field, forms.FileField):
        return serializers.FileField(**common)
    if isinstance(field, forms.DateField):
        return serializers.DateField(**common)
    if isinstance(field, forms.DecimalField):
        return serializers.DecimalField(max_digits=8, decimal_places=2, **common)
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(**common)
    if isinstance(field, forms.ChoiceField):
        return serializers.ChoiceField(choices=list(field.choices), **common)  # type: ignore[arg-type]
    return serializers.CharField(allow_blank=not field.required, **common)


def input_serializer(verb: verbs.Verb) -> type[serializers.Serializer] | None:
    fields = verb.form.base_fields
    if not fields:
        return None
    attrs = {name: _schema_field(field) for name, field in fields.items()}
    name = "".join(part.title() for part in verb.name.split("-"))
    model = verb.model._meta.object_name if verb.model else ""
    return type(f"{model}{name}Input", (serializers.Serializer,), attrs)


def _verb_method(verb: verbs.Verb) -> Any:
    def run(self: Any, request: Request, pk: str | None = None) -> Any:
        return self.run_verb(verb, request)

    run.__name__ = verb.attribute
    run.__doc__ = str(verb.help or verb.label)
    answer: Any = OpenApiTypes.BINARY if verb.document else None
    decorated = extend_schema(
        request=input_serializer(verb), responses=answer, summary=str(verb.label)
    )(run)
    return action(detail=True, methods=["post"], url_path=verb.name, url_name=verb.name)(decorated)


class VerbViewSetMixin:
    """Mixed into a ScopedReadViewSet: every verb declared for `model` is an API action."""

    model: Any

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        model = cls.__dict__.get("model")
        if model is None:
            return
        for verb in verbs.verbs_of(model):
            setattr(cls, verb.attribute, _verb_method(verb))

    def run_verb(self, verb: verbs.Verb, request: Request) -> Any:
        obj = self.get_object()  # type: ignore[attr-defined]
        if not verb.permitted(request.user, obj):
            raise NotPermitted(_PERMISSION_DENIED)
        verb.ensure_applies(obj)
        if not isinstance(request.data, dict):
            raise exceptions.ParseError()
        form = verb.make_form(request.user, obj, request.data, request.FILES)
        if not form.is_valid():
            raise exceptions.ValidationError(_form_errors(form))
        # A refusal keeps its own stable code (core.api.exception_handler answers it).
        result = verb.run(obj, request.user, form)
        if isinstance(result, verbs.Document):
            return document_response(result)
        target = verb.result_object(obj, result)
        context = self.get_serializer_context()  # type: ignore[attr-defined]
        if verb.answer_serializer:
            serializer_class = import_string(verb.answer_serializer)
            return Response(serializer_class(target, context=context).data)
        fresh = self.get_queryset().get(pk=target.pk)  # type: ignore[attr-defined]
        return Response(self.get_serializer(fresh).data)  # type: ignore[attr-defined]


def _form_errors(form: forms.BaseForm) -> dict[str, list[str]]:
    return {
        (name if name != "__all__" else "non_field_errors"): [str(m) for m in messages]
        for name, messages in form.errors.items()
    }
