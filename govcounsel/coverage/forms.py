from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from govcounsel.core.forms import DateInput

from .models import Target


class TargetForm(forms.ModelForm):
    enforcement = forms.NullBooleanField(
        label=_("具有行政执法权"),
        required=False,
        widget=forms.Select(
            choices=[("unknown", _("不限")), ("true", _("是")), ("false", _("否"))]
        ),
    )

    class Meta:
        model = Target
        fields = [
            "level",
            "kind",
            "enforcement",
            "metric",
            "percentage",
            "deadline",
            "source_clause",
        ]
        widgets = {"deadline": DateInput()}

    def service_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
