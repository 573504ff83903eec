from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from govcounsel.core.fields import (
    ScopedForm,
    ScopedModelChoiceField,
    ScopedModelMultipleChoiceField,
)
from govcounsel.core.forms import DateInput
from govcounsel.core.uploads import DocumentUploadField
from govcounsel.core.verbs import VerbForm, YesNoField
from govcounsel.organisations.models import Unit
from govcounsel.people.models import LegalAdviser, Person

from .choices import SUBTYPES, AssignmentStatus, DutyCategory, MatterStatus, Priority
from .models import Assignment, Matter, Opinion
from .selectors import assignable_people, public_lawyers_of, talent_pool

# The subtypes, grouped under their duty category.
SUBTYPE_CHOICES = [
    (str(c.label), [(code, label) for code, label in SUBTYPES[c]]) for c in DutyCategory
]


class MatterForm(ScopedForm):
    unit = ScopedModelChoiceField(Unit, label=_("单位"))
    title = forms.CharField(label=_("事项名称"), max_length=200)
    category = forms.ChoiceField(label=_("职责类别"), choices=DutyCategory.choices)
    subtype = forms.ChoiceField(label=_("事项类型"), choices=SUBTYPE_CHOICES)
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


# A reason the service insists on: the browser asks for it before the service refuses.
REQUIRED_LINE = {"rows": 1, "required": True}


class AssignForm(VerbForm):
    lawyer = ScopedModelChoiceField(Person, scope=assignable_people, label=_("主办公职律师"))
    co_handlers = ScopedModelMultipleChoiceField(
        Person, scope=assignable_people, label=_("协办公职律师"), required=False
    )
    adviser = ScopedModelChoiceField(LegalAdviser, label=_("同时参与的法律顾问"), required=False)

    def __init__(self, *args: Any, user: Any, obj: Matter, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        self.scoped_field("adviser").narrow(Q(unit=obj.unit))
        if not self.is_bound:
            # The list offers the unit's public lawyers (own and lent). A posted choice is
            # checked by the service, which says why someone in scope cannot be assigned.
            lawyers = public_lawyers_of(obj.unit)
            self.scoped_field("lawyer").narrow(lawyers)
            self.scoped_field("co_handlers").narrow(lawyers)
            self.fields["lawyer"].empty_label = None  # type: ignore[attr-defined]

    def service_data(self) -> dict[str, Any]:
        data = super().service_data()
        data["co_handlers"] = list(data.get("co_handlers") or [])
        return data


class DeclineForm(VerbForm):
    # Refused by the service with its own words when empty; the browser asks first.
    reason = forms.CharField(
        label=_("拒绝理由"), required=False, widget=forms.Textarea(attrs=REQUIRED_LINE)
    )


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


# More files than this with one opinion is a sign of the wrong files chosen, not evidence.
OPINION_FILES = 10


class DocumentUploadsField(DocumentUploadField):
    """Several scans or attachments in one field, each checked by its content."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        uploads = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if len(uploads) > OPINION_FILES:
            raise forms.ValidationError(
                _("一次最多上传%(n)d个文件。") % {"n": OPINION_FILES}, code="too_many_files"
            )
        single = super().clean
        return [single(upload, initial) for upload in uploads]


class OpinionForm(VerbForm):
    text = forms.CharField(
        label=_("法律意见"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "required": True}),
        help_text=_("提交后按原文保存，不可修改。"),
    )
    attachments = DocumentUploadsField(label=_("附件（可多选）"), required=False)


class EditMatterForm(VerbForm):
    """The registration as it stands, to correct before the matter is assigned. Only the
    fields sent are changed: the page sends them all, an API client those it corrects."""

    title = forms.CharField(label=_("事项名称"), max_length=200, required=False)
    category = forms.ChoiceField(label=_("职责类别"), choices=DutyCategory.choices, required=False)
    subtype = forms.ChoiceField(label=_("事项类型"), choices=SUBTYPE_CHOICES, required=False)
    description = forms.CharField(
        label=_("事项说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    priority = forms.ChoiceField(label=_("紧急程度"), choices=Priority.choices, required=False)
    confidential = YesNoField(label=_("涉密或敏感"), yes=_("是"), no=_("否"), required=False)
    deadline = forms.DateField(label=_("办理期限"), required=False, widget=DateInput())
    attachment = DocumentUploadField(label=_("更换附件"), required=False)

    def __init__(self, *args: Any, user: Any, obj: Matter, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        if not self.is_bound:
            for name in self.fields:
                if name != "attachment":
                    value = getattr(obj, name)
                    self.initial[name] = (
                        ("true" if value else "false") if name == "confidential" else value
                    )

    def service_data(self) -> dict[str, Any]:
        sent = set(self.data) | set(self.files)
        data = {k: v for k, v in self.cleaned_data.items() if k in sent}
        if not data.get("attachment"):
            data.pop("attachment", None)  # no new file: the stored one stays
        return data


class WithdrawForm(VerbForm):
    reason = forms.CharField(
        label=_("撤回理由"), required=False, widget=forms.Textarea(attrs=REQUIRED_LINE)
    )


class ReassignForm(AssignForm):
    """The new lawyers, offered and checked as for a first assignment, and why."""

    reason = forms.CharField(
        label=_("改派理由"), required=False, widget=forms.Textarea(attrs=REQUIRED_LINE)
    )

    def __init__(self, *args: Any, user: Any, obj: Matter, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        # The adviser stays as assigned: reassigning changes the public lawyers only.
        del self.fields["adviser"]


class DeadlineForm(VerbForm):
    deadline = forms.DateField(label=_("新的办理期限"), widget=DateInput())
    reason = forms.CharField(
        label=_("调整理由"), required=False, widget=forms.Textarea(attrs=REQUIRED_LINE)
    )


class ReturnForm(VerbForm):
    note = forms.CharField(
        label=_("退回修改理由"), required=False, widget=forms.Textarea(attrs=REQUIRED_LINE)
    )


class CloseForm(VerbForm):
    score = forms.IntegerField(label=_("评价得分（1-100）"), min_value=1, max_value=100)
    comment = forms.CharField(label=_("评价意见"), required=False)


class OvertimeForm(VerbForm):
    worked_on = forms.DateField(label=_("加班日期"), widget=DateInput())
    hours = forms.DecimalField(
        label=_("时长（小时）"), max_digits=4, decimal_places=1, min_value=0.5, max_value=24
    )
    note = forms.CharField(label=_("工作内容"), required=False)


class JudgeDeclineForm(VerbForm):
    """001 三(三): the office rules on whether a decline had a valid reason."""

    assignment = ScopedModelChoiceField(
        Assignment,
        scope=lambda user: Assignment.objects.filter(matter__in=Matter.objects.visible_to(user)),
        label=_("拒绝承办的指派"),
    )
    justified = YesNoField(label=_("认定"), yes=_("理由正当"), no=_("理由不正当（计入年度考核）"))

    def __init__(self, *args: Any, user: Any, obj: Matter, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        # Only this matter's declines not yet judged: the matter is already in the user's scope.
        field: Any = self.scoped_field("assignment")
        field.narrow(
            obj.assignments.filter(status=AssignmentStatus.DECLINED, decline_justified__isnull=True)
        )
        field.label_from_instance = _decline_label


def _decline_label(assignment: Assignment) -> str:
    return str(
        _("%(name)s：%(reason)s")
        % {"name": assignment.person.name, "reason": assignment.decline_reason}
    )


class ReminderForm(VerbForm):
    note = forms.CharField(
        label=_("催办内容"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 1}),
        help_text=_("将通知承办律师；留空则按办理期限发送提醒。"),
    )


class LetterForm(VerbForm):
    court = forms.CharField(label=_("受理机关"), max_length=100)
    counterparty = forms.CharField(label=_("对方当事人"), max_length=100)
    authority = forms.ChoiceField(
        label=_("代理权限"),
        choices=[("一般授权", _("一般授权")), ("特别授权", _("特别授权"))],
        initial="一般授权",
        required=False,
    )

    def clean_authority(self) -> str:
        return self.cleaned_data.get("authority") or "一般授权"


class DecideForm(VerbForm):
    """The gate: name the closed matter whose opinion the decision rests on."""

    matter = ScopedModelChoiceField(Matter, label=_("依据的法律事务"), required=False)

    def __init__(self, *args: Any, user: Any, obj: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        on_file = Exists(Opinion.objects.filter(matter=OuterRef("pk")))
        self.scoped_field("matter").narrow(
            Q(on_file, unit_id=obj.item.unit_id, status=MatterStatus.CLOSED)
        )


class OpenDecisionForm(VerbForm):
    title = forms.CharField(label=_("决策名称"), max_length=200, required=False)

    def service_data(self) -> dict[str, Any]:
        return {"title": self.cleaned_data.get("title", "").strip() or self.obj.title}


class DispatchForm(VerbForm):
    """The superior's answer: the lawyer sent, named among the people it can see."""

    lawyer = ScopedModelChoiceField(Person, label=_("调派律师"))
    answer = forms.CharField(label=_("答复"), required=False)

    def __init__(self, *args: Any, user: Any, obj: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        # The page offers the system's pool (one query, no ranking: the page's candidate
        # table ranks); the service refuses anyone outside it.
        if not self.is_bound:
            pool = talent_pool(obj.superior).exclude(unit=obj.unit)
            self.scoped_field("lawyer").narrow(Q(pk__in=pool.values("pk")))


class AnswerForm(VerbForm):
    answer = forms.CharField(
        label=_("不予调派理由"), required=False, widget=forms.Textarea(attrs=REQUIRED_LINE)
    )
