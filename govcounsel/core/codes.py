"""Fields for national codes (unified social credit code, ID number) that hold one spelling.

A code is normalised (`validators.normalise_code`: NFKC, no spaces, upper case) wherever it
enters — model assignment on save, `full_clean`, query lookups, page forms, API bodies — so
that what is validated, stored, compared for uniqueness and searched is the same string.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from rest_framework import serializers

from .validators import normalise_code


class CodeFormField(forms.CharField):
    """A page-form field for a code: normalised before its length and validators run."""

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        return normalise_code(text) if text else text


class CodeSerializerField(serializers.CharField):
    """An API field for a code: normalised before its length and validators run."""

    def to_internal_value(self, data: Any) -> str:
        text = super().to_internal_value(data)
        return normalise_code(text) if text else text


class CodeField(models.CharField):
    """A CharField that stores, validates and looks up only the normalised code."""

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return normalise_code(value) if isinstance(value, str) and value else value

    def get_prep_value(self, value: Any) -> Any:
        # Lookups too: filter(credit_code="11110105ma…") finds the stored upper-case code.
        value = super().get_prep_value(value)
        return normalise_code(value) if isinstance(value, str) and value else value

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if isinstance(value, str) and value:
            value = normalise_code(value)
            setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": CodeFormField, **kwargs})
