from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from govcounsel.core.fields import (
    ScopedForm,
    ScopedModelChoiceField,
    ScopedModelMultipleChoiceField,
)
from govcounsel.core.forms import DateInput
from govcounsel.core.uploads import DocumentUploadField
from govcounsel.organisations.models import Unit
from govcounsel.people.models import LegalAdviser, Person

from .choices import SUBTYPES, DutyCategory, Priority
from .selectors import assignable_people, public_lawyers_of


class MatterForm(ScopedForm):
    unit = ScopedModelChoiceField(Unit, label=_("单位"))
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
    attachment = DocumentUploadField(label=_("附件"), required=False)

    def __init__(self, *args: Any, user: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        unit = self.scoped_field("unit")
        unit.narrow(units)
        units = list(unit.queryset)
        if len(units) == 1:
            # An office that runs one unit should not have to pick it.
            self.fields["unit"].empty_label = None  # type: ignore[attr-defined]
            self.initial.setdefault("unit", units[0].pk)


class AssignForm(ScopedForm):
    lawyer = ScopedModelChoiceField(Person, scope=assignable_people, label=_("主办公职律师"))
    co_handlers = ScopedModelMultipleChoiceField(
        Person, scope=assignable_people, label=_("协办公职律师"), required=False
    )
    adviser = ScopedModelChoiceField(LegalAdviser, label=_("同时参与的法律顾问"), required=False)

    def __init__(self, *args: Any, user: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        # The list offers the unit's public lawyers (own and lent) among those in scope.
        lawyers = public_lawyers_of(unit)
        self.scoped_field("lawyer").narrow(lawyers)
        self.scoped_field("co_handlers").narrow(lawyers)
        self.scoped_field("adviser").narrow(Q(unit=unit))
