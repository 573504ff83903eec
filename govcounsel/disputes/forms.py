from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from govcounsel.core.fields import (
    ScopedForm,
    ScopedModelChoiceField,
    ScopedModelMultipleChoiceField,
)
from govcounsel.core.forms import DateInput
from govcounsel.core.uploads import DocumentUploadField
from govcounsel.core.verbs import VerbForm, YesNoField
from govcounsel.matters.selectors import assignable_people, public_lawyers_of
from govcounsel.organisations.models import Unit
from govcounsel.people.models import Person

from .choices import (
    ActKind,
    AssignmentStatus,
    Channel,
    Condition,
    ConflictDecision,
    CounterpartyKind,
    Origin,
    Outcome,
    Satisfaction,
)
from .models import Dispute, DisputeLawyer, DutyConflict

_TEXT = {"rows": 2}


class _DisputeFields(forms.Form):
    title = forms.CharField(label=_("争议名称"), max_length=200)
    counterparty_kind = forms.ChoiceField(label=_("相对人类型"), choices=CounterpartyKind.choices)
    counterparty_name = forms.CharField(label=_("相对人"), max_length=200)
    counterparty_phone = forms.CharField(label=_("相对人联系电话"), max_length=20, required=False)
    act_kind = forms.ChoiceField(label=_("行为方式"), choices=ActKind.choices)
    act = forms.CharField(label=_("行政行为"), widget=forms.Textarea(attrs=_TEXT))
    contested = forms.CharField(label=_("争议焦点"), widget=forms.Textarea(attrs=_TEXT))
    origin = forms.ChoiceField(label=_("争议来源"), choices=Origin.choices)
    arose_on = forms.DateField(label=_("发生日期"), widget=DateInput())
    attachment = DocumentUploadField(label=_("材料"), required=False)


class DisputeForm(ScopedForm, _DisputeFields):
    """Registration: the organ's office for its unit, the centre for an organ of its region."""

    unit = ScopedModelChoiceField(Unit, label=_("被申请行政机关"))
    field_order = ["unit"]

    def __init__(self, *args: Any, user: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        unit = self.scoped_field("unit")
        unit.narrow(units)
        choices = list(unit.queryset)
        if len(choices) == 1:
            self.fields["unit"].empty_label = None  # type: ignore[attr-defined]
            self.initial.setdefault("unit", choices[0].pk)


class EditDisputeForm(VerbForm, _DisputeFields):
    """The registration as it stands. Only the fields sent are changed: the page sends them
    all, an API client those it corrects; a masked phone sent back keeps the number."""

    def __init__(self, *args: Any, user: Any, obj: Dispute, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        for field in self.fields.values():
            field.required = False
        if not self.is_bound:
            for name in self.fields:
                if name == "counterparty_phone":
                    self.initial[name] = obj.counterparty_phone_masked
                elif name != "attachment":
                    self.initial[name] = getattr(obj, name)

    def service_data(self) -> dict[str, Any]:
        sent = set(self.data) | set(self.files)
        data = {k: v for k, v in self.cleaned_data.items() if k in sent}
        if not data.get("attachment"):
            data.pop("attachment", None)
        return data


class QualifyForm(VerbForm):
    """002 §5: each of the four conditions, met or not, with its reason; the guidance given
    to the party when any is not met."""

    guidance = forms.CharField(
        label=_("告知与引导"),
        required=False,
        widget=forms.Textarea(attrs=_TEXT),
        help_text=_("不构成行政争议的，须写明告知当事人的内容和引导的途径。"),
    )

    def __init__(self, *args: Any, user: Any, obj: Dispute, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        guidance = self.fields.pop("guidance")
        for condition in Condition:
            self.fields[f"met_{condition.value}"] = YesNoField(
                label=_("条件%(n)s：%(text)s") % {"n": condition.value, "text": condition.label},
                yes=_("符合"),
                no=_("不符合"),
            )
            self.fields[f"reason_{condition.value}"] = forms.CharField(
                label=_("理由"), widget=forms.Textarea(attrs={"rows": 1})
            )
        self.fields["guidance"] = guidance

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        failed = any(data.get(f"met_{c.value}") is False for c in Condition)
        if failed and not (data.get("guidance") or "").strip():
            self.add_error("guidance", _("不构成行政争议的，须填写对当事人的告知与引导。"))
        return data

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "answers": {
                c.value: (bool(data[f"met_{c.value}"]), data[f"reason_{c.value}"])
                for c in Condition
            },
            "guidance": data.get("guidance") or "",
        }


class GuideForm(VerbForm):
    """002 §8: the lawful channels told to the party, cheapest first, and the one chosen."""

    channels = forms.MultipleChoiceField(
        label=_("告知的渠道"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("按成本由低到高排列，引导当事人优先选择和解、调解。"),
    )
    chosen = forms.ChoiceField(label=_("当事人选择的渠道"), choices=Channel.choices)
    clock_label = forms.CharField(
        label=_("法定期限事项"),
        max_length=100,
        required=False,
        help_text=_("所选渠道开始计算法定期限的，填写期限事项、起算日和工作日数。"),
    )
    clock_started_on = forms.DateField(label=_("期限起算日"), required=False, widget=DateInput())
    clock_workdays = forms.IntegerField(
        label=_("期限（工作日）"), min_value=1, max_value=365, required=False
    )


def _dispute_lawyers(user: Any) -> Any:
    return DisputeLawyer.objects.filter(dispute__in=Dispute.objects.visible_to(user))


def _lawyer_label(row: DisputeLawyer) -> str:
    lead = _("（主办）") if row.is_lead else ""
    return f"{row.person.name}{lead}"


class AssignForm(VerbForm):
    lawyer = ScopedModelChoiceField(Person, scope=assignable_people, label=_("主办公职律师"))
    others = ScopedModelMultipleChoiceField(
        Person, scope=assignable_people, label=_("其他参与的公职律师"), required=False
    )

    def __init__(self, *args: Any, user: Any, obj: Dispute, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        if not self.is_bound:
            # The list offers the organ's public lawyers; a posted choice is checked by the
            # service, which says why someone in scope cannot be put on the dispute.
            lawyers = public_lawyers_of(obj.unit)
            self.scoped_field("lawyer").narrow(lawyers)
            self.scoped_field("others").narrow(lawyers)

    def service_data(self) -> dict[str, Any]:
        return {"lawyer": self.cleaned_data["lawyer"], "others": list(self.cleaned_data["others"])}


class RelieveForm(VerbForm):
    lawyer = ScopedModelChoiceField(DisputeLawyer, scope=_dispute_lawyers, label=_("公职律师"))
    reason = forms.CharField(label=_("调整原因"), widget=forms.Textarea(attrs={"rows": 1}))

    def __init__(self, *args: Any, user: Any, obj: Dispute, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        field: Any = self.scoped_field("lawyer")
        field.narrow(
            obj.lawyers.filter(mediator=False, status=AssignmentStatus.ACTIVE).select_related(
                "person"
            )
        )
        field.label_from_instance = _lawyer_label


class ConflictForm(VerbForm):
    description = forms.CharField(
        label=_("冲突情况"),
        widget=forms.Textarea(attrs=_TEXT),
        help_text=_(
            "办理科室日常行政事务与参与化解行政争议产生冲突的，报请本单位负责人处理（002 第九条）。"
        ),
    )


def _conflicts(user: Any) -> Any:
    return DutyConflict.objects.filter(lawyer__dispute__in=Dispute.objects.visible_to(user))


def _conflict_label(conflict: DutyConflict) -> str:
    return f"{conflict.lawyer.person.name}：{conflict.description}"


class DecideConflictForm(VerbForm):
    conflict = ScopedModelChoiceField(DutyConflict, scope=_conflicts, label=_("工作冲突"))
    decision = forms.ChoiceField(label=_("负责人的决定"), choices=ConflictDecision.choices)
    head = forms.CharField(label=_("作出决定的负责人"), max_length=50)
    note = forms.CharField(label=_("决定说明"), required=False)

    def __init__(self, *args: Any, user: Any, obj: Dispute, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        field: Any = self.scoped_field("conflict")
        field.narrow(
            DutyConflict.objects.filter(lawyer__dispute=obj, decision="").select_related(
                "lawyer__person"
            )
        )
        field.label_from_instance = _conflict_label


class CloseForm(VerbForm):
    outcome = forms.ChoiceField(label=_("化解结果"), choices=Outcome.choices)
    note = forms.CharField(label=_("结果说明"), required=False, widget=forms.Textarea(attrs=_TEXT))
    agreement = DocumentUploadField(
        label=_("协议书"), required=False, help_text=_("调解达成协议的，须上传调解协议书。")
    )
    satisfaction = forms.ChoiceField(
        label=_("相对人满意度"), choices=[("", "—"), *Satisfaction.choices], required=False
    )
