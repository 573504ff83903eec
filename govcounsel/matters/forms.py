from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from govcounsel.core.forms import DateInput
from govcounsel.organisations.models import Unit
from govcounsel.people.models import LegalAdviser, Person

from .choices import SUBTYPES, DutyCategory, Priority
from .selectors import public_lawyers_of


class MatterForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("单位"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("事项名称"), max_length=200)
    category = forms.ChoiceField(label=_("职责类别"), choices=DutyCategory.choices)
    subtype = forms.ChoiceField(
        label=_("事项类型"),
        choices=[
            (str(c.label), [(code, label) for code, label in SUBTYPES[c]]) for c in DutyCategory
        ],
    )
    description = forms.CharField(
        label=_("事项说明"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    priority = forms.ChoiceField(label=_("紧急程度"), choices=Priority.choices)
    confidential = forms.BooleanField(label=_("涉密或敏感"), required=False)
    working_days = forms.IntegerField(
        label=_("办理时限（工作日）"),
        min_value=1,
        max_value=365,
        required=False,
        help_text=_("按法定节假日和调休计算；也可直接填写办理期限。"),
    )
    deadline = forms.DateField(label=_("办理期限"), required=False, widget=DateInput())
    attachment = forms.FileField(label=_("附件"), required=False)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if len(units) == 1:
            # An office that runs one unit should not have to pick it.
            self.fields["unit"].empty_label = None  # type: ignore[attr-defined]
            self.initial.setdefault("unit", units[0].pk)


class AssignForm(forms.Form):
    lawyer = forms.ModelChoiceField(label=_("主办公职律师"), queryset=Person.objects.none())
    co_handlers = forms.ModelMultipleChoiceField(
        label=_("协办公职律师"), queryset=Person.objects.none(), required=False
    )
    adviser = forms.ModelChoiceField(
        label=_("同时参与的法律顾问"), queryset=LegalAdviser.objects.none(), required=False
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lawyers = public_lawyers_of(unit)
        self.fields["lawyer"].queryset = lawyers  # type: ignore[attr-defined]
        self.fields["co_handlers"].queryset = lawyers  # type: ignore[attr-defined]
        self.fields["adviser"].queryset = LegalAdviser.objects.filter(unit=unit)  # type: ignore[attr-defined]
