"""Every reference a request can name takes its choices from the user's scope (ADR 0008).

The walkers import every API, form and view module of govcounsel and fail on a writable
related field of a serializer, or a model choice field of a form, that is not one of the
scoped field classes of `core.fields` — the checkable marker that its queryset comes from
`visible_to(user)` or a named narrower scope."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField, RelatedField

import govcounsel
from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core.fields import (
    ScopedChoiceMixin,
    ScopedForm,
    ScopedModelChoiceField,
    ScopedRelatedMixin,
)
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person
from govcounsel.tests.helpers import client_for

SKIPPED_PARTS = {"tests", "migrations", "management", "demo"}
# Ids a request names by name: a writable field of one of these names must be a reference.
REFERENCE_NAMES = {
    "person",
    "unit",
    "region",
    "lawyer",
    "co_handlers",
    "adviser",
    "matter",
    "item",
    "decision",
    "certificate",
    "application",
    "superior",
    "vertical_superior",
    "parent",
    "expertise",
}


def _modules(kind: str) -> Iterator[Any]:
    """govcounsel modules of a kind: "api" (*api.py), or "forms" (*forms.py and *views.py)."""
    for info in pkgutil.walk_packages(govcounsel.__path__, "govcounsel."):
        parts = info.name.split(".")
        if SKIPPED_PARTS & set(parts):
            continue
        last = parts[-1]
        if (kind == "api" and last.endswith("api")) or (
            kind == "forms" and last.endswith(("forms", "views"))
        ):
            yield importlib.import_module(info.name)


def _classes(kind: str, base: type) -> list[type]:
    found: dict[str, type] = {}
    for module in _modules(kind):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, base) and cls.__module__.startswith("govcounsel."):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[k] for k in sorted(found)]


def _fields(serializer: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every writable field of a serializer, nested ones and list children included."""
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        path = f"{prefix}{name}"
        if isinstance(field, serializers.ListSerializer):
            field = field.child
        if isinstance(field, serializers.BaseSerializer):
            yield from _fields(field, f"{path}.")
            continue
        if isinstance(field, ManyRelatedField):
            field = field.child_relation
        yield path, field


def unscoped_serializer_fields(classes: list[type], request: Any) -> list[str]:
    found = []
    for cls in classes:
        serializer = cls(context={"request": request})
        for path, field in _fields(serializer):
            label = f"{cls.__name__}.{path}"
            if isinstance(field, RelatedField) and not isinstance(field, ScopedRelatedMixin):
                found.append(f"{label}: {type(field).__name__}")
            elif (
                not isinstance(field, RelatedField)
                and path.rsplit(".", 1)[-1] in REFERENCE_NAMES
                and not isinstance(field, serializers.SerializerMethodField)
            ):
                found.append(f"{label}: an id taken as {type(field).__name__}")
    return found


def unscoped_form_fields(classes: list[type]) -> list[str]:
    found = []
    for cls in classes:
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.ModelChoiceField) and not isinstance(
                field, ScopedChoiceMixin
            ):
                found.append(f"{cls.__name__}.{name}: {type(field).__name__}")
            if isinstance(field, ScopedChoiceMixin) and not issubclass(cls, ScopedForm):
                found.append(f"{cls.__name__}.{name}: scoped field outside a ScopedForm")
    return found


@pytest.fixture
def scoped_request(tree: Any) -> Any:
    request = RequestFactory().get("/api/v1/")
    request.user = user_with(Role.UNIT_ADMIN, tree.unit_a)
    return request


def test_every_serializer_takes_its_references_from_the_users_scope(scoped_request):
    classes = _classes("api", serializers.BaseSerializer)
    assert len(classes) > 20  # the walk found the API
    assert unscoped_serializer_fields(classes, scoped_request) == []


def test_every_form_takes_its_references_from_the_users_scope():
    classes = _classes("forms", forms.BaseForm)
    assert any(issubclass(c, ScopedForm) for c in classes)  # the walk found the forms
    assert unscoped_form_fields(classes) == []


def test_the_walkers_catch_an_unscoped_reference(scoped_request):
    class Plain(serializers.Serializer):
        lawyer = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
        unit = serializers.IntegerField()
        note = serializers.CharField()

    class Nested(serializers.Serializer):
        body = Plain()
        people = serializers.SlugRelatedField(
            slug_field="name", queryset=Person.objects.all(), many=True
        )

    assert unscoped_serializer_fields([Nested], scoped_request) == [
        "Nested.body.lawyer: PrimaryKeyRelatedField",
        "Nested.body.unit: an id taken as IntegerField",
        "Nested.people: SlugRelatedField",
    ]

    class PlainForm(forms.Form):
        unit = forms.ModelChoiceField(queryset=Unit.objects.all())

    class LooseForm(forms.Form):
        unit = ScopedModelChoiceField(Unit)

    assert unscoped_form_fields([PlainForm, LooseForm]) == [
        "PlainForm.unit: ModelChoiceField",
        "LooseForm.unit: scoped field outside a ScopedForm",
    ]


class UnitForm(ScopedForm):
    unit = ScopedModelChoiceField(Unit)


def test_a_scoped_form_offers_only_what_the_user_may_name(tree):
    form = UnitForm({"unit": tree.unit_c.pk}, user=user_with(Role.UNIT_ADMIN, tree.unit_a))
    assert list(form.fields["unit"].queryset) == [tree.unit_a]
    assert not form.is_valid()
    unknown = UnitForm({"unit": 999999}, user=form.user)
    assert not unknown.is_valid()
    assert form.errors == unknown.errors  # out of scope reads exactly like unknown
    assert UnitForm({"unit": tree.unit_a.pk}, user=form.user).is_valid()


def test_a_required_choice_with_one_option_starts_on_it(tree):
    one = UnitForm(user=user_with(Role.UNIT_ADMIN, tree.unit_a))
    assert [str(label) for _value, label in one.fields["unit"].choices] == [str(tree.unit_a)]
    several = UnitForm(user=user_with(Role.JUSTICE_BUREAU, tree.chaoyang))
    values = [str(value) for value, _label in several.fields["unit"].choices]
    assert values[0] == ""
    assert len(values) > 2

    class Optional(ScopedForm):
        unit = ScopedModelChoiceField(Unit, required=False)

    optional = Optional(user=user_with(Role.UNIT_ADMIN, tree.unit_a))
    assert next(str(value) for value, _label in optional.fields["unit"].choices) == ""


def test_a_scoped_choice_set_around_the_scope_refuses_to_work(tree):
    form = UnitForm({"unit": tree.unit_c.pk}, user=user_with(Role.UNIT_ADMIN, tree.unit_a))
    form.fields["unit"].queryset = Unit.objects.all()
    with pytest.raises(ImproperlyConfigured):
        form.is_valid()
    with pytest.raises(ImproperlyConfigured):
        list(form.fields["unit"].choices)
    with pytest.raises(ImproperlyConfigured):
        ScopedModelChoiceField(Unit).clean(tree.unit_a.pk)  # never bound to a user


def test_a_scoped_reference_without_the_request_is_a_programming_error(tree):
    from govcounsel.matters.api import DispatchRequestSerializer

    with pytest.raises(ImproperlyConfigured):
        DispatchRequestSerializer(data={"unit": tree.unit_a.pk}).is_valid()


BARE_LOOKUP = re.compile(r"get_object_or_404\(\s*[A-Z]\w*\s*,|\b[A-Z]\w*\.objects\.get\(pk=request")


def test_no_view_looks_an_object_up_outside_the_users_scope():
    """`get_object_or_404(Model, pk=…)` reaches the whole country; start from visible_to."""
    root = Path(govcounsel.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if not SKIPPED_PARTS & set(path.relative_to(root).parts)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BARE_LOOKUP.search(line)
    ]
    assert offenders == []


def test_a_bulletin_for_a_region_out_of_reach_reads_like_an_unknown_region(tree):
    supervisor = client_for(user_with(Role.SUPERVISOR, tree.chaoyang))

    def ask(code: str) -> Any:
        return supervisor.post(
            "/api/v1/bulletins/", {"region": code, "year": 2024, "quarter": 1}, format="json"
        )

    out_of_reach, unknown = ask(tree.chenggu.code), ask("999999")
    assert out_of_reach.status_code == unknown.status_code == 400
    body = out_of_reach.content.decode().replace(tree.chenggu.code, "999999")
    assert body == unknown.content.decode()
    assert tree.chenggu.name not in body
