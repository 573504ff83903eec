"""The inputs of training pages and verbs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from govcounsel.core.fields import ScopedForm, ScopedModelChoiceField
from govcounsel.core.forms import DateInput
from govcounsel.core.uploads import DocumentUploadField
from govcounsel.core.verbs import VerbForm
from govcounsel.organisations.models import Region, Unit
from govcounsel.people.models import Person

from .choices import Category, CourseKind, OwnerKind, SampleOutcome

_TEXT = {"rows": 3}


def lawyers_run_by(user: Any) -> Any:
    """The staff of the units the user's office runs (whom the office may enrol)."""
    return Person.objects.visible_to(user).filter(unit__in=Unit.objects.run_by(user))


# --- verbs ----------------------------------------------------------------------------------


class EnrolLawyerForm(VerbForm):
    person = ScopedModelChoiceField(
        Person, scope=lawyers_run_by, label=_("公职律师"), order_by=("name",)
    )


class CheckInForm(VerbForm):
    code = forms.CharField(
        label=_("签到码"),
        max_length=6,
        help_text=_("请输入培训现场（或线上会议中）公布的6位签到码。"),
    )


class AttendanceForm(VerbForm):
    person = ScopedModelChoiceField(Person, label=_("公职律师"), order_by=("name",))
    hours = forms.DecimalField(
        label=_("认定学时"),
        required=False,
        max_digits=6,
        decimal_places=1,
        min_value=0,
        help_text=_("不填则按课程学时认定。"),
    )

    def __init__(self, *args: Any, user: Any, obj: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        if obj is not None:
            self.scoped_field("person").narrow(
                Person.objects.filter(
                    pk__in=obj.enrolments.filter(cancelled_at__isnull=True).values("person_id")
                )
            )


class ReasonForm(VerbForm):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs=_TEXT))


class NoteForm(VerbForm):
    note = forms.CharField(label=_("核验意见"), required=False, widget=forms.Textarea(attrs=_TEXT))


class OverturnForm(VerbForm):
    note = forms.CharField(label=_("核查情况"), widget=forms.Textarea(attrs=_TEXT))

    def service_data(self) -> dict[str, Any]:
        return {"note": self.cleaned_data["note"], "outcome": SampleOutcome.OVERTURNED}


class ConfirmForm(VerbForm):
    note = forms.CharField(label=_("核查情况"), required=False, widget=forms.Textarea(attrs=_TEXT))

    def service_data(self) -> dict[str, Any]:
        return {"note": self.cleaned_data.get("note") or "", "outcome": SampleOutcome.CONFIRMED}


# --- pages ----------------------------------------------------------------------------------


class RequirementForm(ScopedForm):
    region = ScopedModelChoiceField(Region, label=_("区域"), order_by=("path",))
    effective_from = forms.DateField(label=_("生效日期"), widget=DateInput())
    min_trainings = forms.IntegerField(label=_("每年至少参加培训（次）"), min_value=0, initial=1)
    min_hours = forms.DecimalField(label=_("每年至少学时"), required=False, min_value=0)
    political_hours = forms.DecimalField(
        label=_("其中政策理论至少学时"), required=False, min_value=0
    )
    practice_hours = forms.DecimalField(
        label=_("其中实务技能至少学时"), required=False, min_value=0
    )
    pre_service_after = forms.DateField(
        label=_("职前培训适用的颁证起始日"), required=False, widget=DateInput()
    )
    pre_service_days = forms.IntegerField(label=_("职前培训完成期限（日）"), initial=180)
    sample_percent = forms.IntegerField(
        label=_("随机抽查比例（%）"), initial=10, min_value=0, max_value=100
    )
    risk_hours = forms.DecimalField(label=_("自报学时超过即抽查"), initial=12, min_value=0)
    reminders = forms.CharField(
        label=_("年末提醒日期"), initial="10-01,12-01", help_text=_("月-日，以逗号分隔。")
    )
    note = forms.CharField(label=_("依据"), required=False, max_length=200)

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        minimums = []
        for key, category in (
            ("political_hours", Category.POLITICAL_THEORY),
            ("practice_hours", Category.PRACTICE_SKILLS),
        ):
            hours = data.pop(key)
            if hours:
                minimums.append((category, hours, 0))
        data["minimums"] = minimums
        data["reminders"] = [d for d in data["reminders"].replace("，", ",").split(",") if d]
        return {k: v for k, v in data.items() if v is not None}


class ExemptionForm(ScopedForm):
    person = ScopedModelChoiceField(Person, label=_("公职律师"), order_by=("name",))
    year = forms.IntegerField(label=_("年度"))
    months = forms.IntegerField(label=_("免除月数"), min_value=1, max_value=12, initial=12)
    reason = forms.CharField(label=_("理由"), max_length=200)


class PlanForm(ScopedForm):
    title = forms.CharField(label=_("计划名称"), max_length=200)
    year = forms.IntegerField(label=_("年度"))
    owner_kind = forms.ChoiceField(label=_("制定机构"), choices=OwnerKind.choices)
    region = ScopedModelChoiceField(Region, label=_("区域"), required=False, order_by=("path",))
    unit = ScopedModelChoiceField(
        Unit, scope="run_by", label=_("单位"), required=False, order_by=("name",)
    )
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs=_TEXT))


class CourseForm(forms.Form):
    title = forms.CharField(label=_("课程名称"), max_length=200)
    kind = forms.ChoiceField(label=_("培训形式"), choices=CourseKind.choices)
    category = forms.ChoiceField(label=_("培训类别"), choices=Category.choices)
    provider = forms.CharField(label=_("主办（承办）单位"), max_length=200)
    hours = forms.DecimalField(label=_("学时"), min_value=0, max_digits=6, decimal_places=1)
    starts_on = forms.DateField(label=_("开始日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("结束日期"), widget=DateInput())
    place = forms.CharField(label=_("地点"), required=False, max_length=200)
    online = forms.BooleanField(label=_("线上培训"), required=False)
    capacity = forms.IntegerField(label=_("名额"), required=False, min_value=1)
    cost_per_person = forms.DecimalField(label=_("人均费用（元）"), initial=0, min_value=0)
    cost_borne_by_unit = forms.BooleanField(
        label=_("费用由所在单位承担"), required=False, initial=True
    )


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("开始时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("结束时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("签到表（.xlsx）"))


class ClaimForm(forms.Form):
    title = forms.CharField(label=_("培训名称"), max_length=200)
    provider = forms.CharField(label=_("主办单位"), max_length=200)
    kind = forms.ChoiceField(label=_("培训形式"), choices=CourseKind.choices)
    category = forms.ChoiceField(label=_("培训类别"), choices=Category.choices)
    day = forms.DateField(label=_("培训日期"), widget=DateInput())
    hours = forms.DecimalField(label=_("学时"), min_value=0, max_digits=6, decimal_places=1)
    proof = DocumentUploadField(label=_("证明材料"))


class SampleForm(ScopedForm):
    region = ScopedModelChoiceField(Region, label=_("区域"), order_by=("path",))
    year = forms.IntegerField(label=_("年度"))
