"""The input of the reconciliation centre's pages and verbs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.fields import (
    ScopedForm,
    ScopedModelChoiceField,
    ScopedModelMultipleChoiceField,
)
from govcounsel.core.forms import DateInput
from govcounsel.core.verbs import VerbForm, YesNoField
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from .choices import CancelReason, WithdrawalKind
from .models import PoolRule


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class PoolRuleForm(forms.ModelForm):
    class Meta:
        model = PoolRule
        fields = [
            "valid_from",
            "valid_to",
            "quota_min",
            "quota_max",
            "due_month",
            "due_day",
            "term_months",
            "same_sector",
            "exclude_own_staff",
            "load_cap",
            "mediators_per_dispute",
            "basis",
            "clause_text",
        ]
        widgets = {
            "valid_from": DateInput(),
            "valid_to": DateInput(),
            "clause_text": forms.Textarea(attrs={"rows": 3}),
        }

    def service_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class NominationForm(ScopedForm):
    """An organ's office nominates one of its public lawyers (002 §10)."""

    unit = ScopedModelChoiceField(Unit, label=_("推荐单位"), scope="run_by")
    person = ScopedModelChoiceField(
        Person,
        label=_("公职律师"),
        order_by=("name_pinyin",),
        help_text=_("本单位持有效证书的公职律师。"),
    )
    starts_on = forms.DateField(label=_("起始日期"), widget=DateInput(), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        from govcounsel.matters.selectors import public_lawyers_of

        units = list(self.scoped_field("unit").queryset[:50])
        if len(units) == 1:
            self.initial.setdefault("unit", units[0])
        lawyers = Person.objects.none()
        for unit in units:
            lawyers = lawyers | public_lawyers_of(unit, own_only=True)
        self.scoped_field("person").narrow(lawyers)
        self.initial.setdefault("starts_on", timezone.localdate())


class RetireRuleForm(VerbForm):
    retired_on = forms.DateField(label=_("终止日期"), widget=DateInput())
    reason = forms.CharField(label=_("终止原因"), max_length=200)

    def __init__(self, *args: Any, user: Any, obj: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        self.initial.setdefault("retired_on", timezone.localdate())


class EndNominationForm(VerbForm):
    reason = forms.CharField(
        label=_("退出原因"), max_length=200, help_text=_("如：调离本单位、证书注销、工作调整。")
    )


class WithdrawForm(VerbForm):
    kind = forms.ChoiceField(label=_("原因类别"), choices=WithdrawalKind.choices)
    reason = forms.CharField(label=_("具体原因"), max_length=200)
    redraw = YesNoField(
        label=_("重新抽取"),
        yes=_("按同一规则重新抽取一名"),
        no=_("暂不抽取"),
        initial="true",
    )


class HoldForm(VerbForm):
    note = forms.CharField(
        label=_("记录与结果"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class CancelForm(VerbForm):
    reason = forms.ChoiceField(label=_("取消原因"), choices=CancelReason.choices)
    note = forms.CharField(label=_("说明"), max_length=500, required=False)


class DrawForm(forms.Form):
    wanted = forms.IntegerField(
        label=_("抽取人数"), min_value=1, max_value=5, required=False, help_text=_("默认按规则。")
    )
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


class SessionForm(ScopedForm):
    place = forms.CharField(label=_("地点"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("开始时间"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS
    )
    ends_at = forms.DateTimeField(
        label=_("结束时间"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS
    )
    mediators = ScopedModelMultipleChoiceField(
        Person, label=_("和解调解员"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, user: Any, dispute: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        from .models import MediatorAssignment

        on_it = MediatorAssignment.objects.filter(dispute=dispute).active().values("person_id")
        field = self.scoped_field("mediators")
        field.narrow(Person.objects.filter(pk__in=on_it))
        self.initial.setdefault("mediators", list(field.queryset))
