from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.codes import CodeFormField
from govcounsel.core.fields import ScopedForm, ScopedModelChoiceField
from govcounsel.core.forms import DateInput
from govcounsel.core.verbs import VerbForm
from govcounsel.organisations.models import Unit

from .choices import AdviserKind, EmploymentStatus, QualificationKind, Sex
from .models import LegalAdviser, Person, Qualification


class PersonForm(ScopedForm):
    name = forms.CharField(label=_("姓名"), max_length=50)
    id_number = CodeFormField(
        label=_("身份证号码"),
        max_length=18,
        required=False,
        help_text=_("新建时必填；修改时留空则保持原号码。"),
    )
    sex = forms.ChoiceField(
        label=_("性别"),
        choices=[("", _("按身份证号码")), *Sex.choices],
        required=False,
    )
    phone = forms.CharField(
        label=_("联系电话"),
        max_length=20,
        required=False,
        help_text=_("显示为遮蔽号码；不修改则保留原号码，填写新号码则替换。"),
    )
    unit = ScopedModelChoiceField(
        Unit, scope="manageable_by", order_by=("name",), label=_("所在单位")
    )
    is_civil_servant = forms.BooleanField(label=_("公务员"), required=False, initial=True)
    full_time_legal = forms.BooleanField(label=_("专门从事法律事务工作"), required=False)
    employment_status = forms.ChoiceField(
        label=_("任职状态"), choices=EmploymentStatus.choices, initial=EmploymentStatus.IN_POST
    )
    employment_status_date = forms.DateField(
        label=_("状态日期"), required=False, widget=DateInput()
    )
    # ADR 0009: the day from which a change of unit, status or flags holds.
    effective_on = forms.DateField(
        label=_("变更生效日期"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "单位、公务员身份、专职从事法律事务或任职状态自哪一天起变更；"
            "留空则任职状态变更按状态日期，其他变更按今天。"
        ),
    )

    def __init__(self, *args: Any, user: Any, person: Person | None = None, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.person = person
        if person is None:
            self.fields["id_number"].required = True
            self.fields["id_number"].help_text = ""
            self.fields["effective_on"].label = _("情况属实起始日期")
            self.fields["effective_on"].help_text = _(
                "以上单位、身份和任职情况自哪一天起属实；留空为今天。"
            )

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if not data.get("id_number"):
            data.pop("id_number", None)
        if not data.get("sex"):
            data.pop("sex", None)
        return data

    @staticmethod
    def initial_for(person: Person) -> dict[str, Any]:
        return {
            "name": person.name,
            "sex": person.sex,
            # Masked like everywhere else; sent back unchanged, it keeps the number.
            "phone": person.phone_masked,
            "unit": person.unit_id,
            "is_civil_servant": person.is_civil_servant,
            "full_time_legal": person.full_time_legal,
            "employment_status": person.employment_status,
            "employment_status_date": person.employment_status_date,
        }


class QualificationForm(forms.Form):
    kind = forms.ChoiceField(label=_("资格类别"), choices=QualificationKind.choices)
    certificate_number = forms.CharField(label=_("证书编号"), max_length=40)
    obtained_on = forms.DateField(label=_("取得日期"), widget=DateInput())


class AdviserForm(ScopedForm):
    kind = forms.ChoiceField(label=_("顾问类别"), choices=AdviserKind.choices)
    name = forms.CharField(label=_("姓名"), max_length=50)
    organisation = forms.CharField(label=_("所在机构"), max_length=200, required=False)
    person = ScopedModelChoiceField(Person, label=_("本单位人员（内部顾问）"), required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    service_start = forms.DateField(label=_("服务开始日期"), widget=DateInput())
    service_end = forms.DateField(label=_("服务结束日期"), required=False, widget=DateInput())

    def __init__(self, *args: Any, user: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.scoped_field("person").narrow(Q(unit=unit))


class QualificationEditForm(VerbForm):
    """Correct a qualification: its kind, certificate number or date as on the certificate."""

    kind = forms.ChoiceField(label=_("资格类别"), choices=QualificationKind.choices)
    certificate_number = forms.CharField(label=_("证书编号"), max_length=40)
    obtained_on = forms.DateField(label=_("取得日期"), widget=DateInput())

    def __init__(self, *args: Any, user: Any, obj: Qualification | None = None, **kwargs: Any):
        super().__init__(*args, user=user, obj=obj, **kwargs)
        if obj is not None:
            self.initial.update(
                kind=obj.kind,
                certificate_number=obj.certificate_number,
                obtained_on=obj.obtained_on,
            )


class AdviserEditForm(VerbForm):
    """Correct an adviser's record: who, for which unit, the period of service, notes."""

    unit = ScopedModelChoiceField(
        Unit, scope="manageable_by", order_by=("name",), label=_("服务单位")
    )
    kind = forms.ChoiceField(label=_("顾问类别"), choices=AdviserKind.choices)
    name = forms.CharField(label=_("姓名"), max_length=50)
    organisation = forms.CharField(label=_("所在机构"), max_length=200, required=False)
    person = ScopedModelChoiceField(
        Person, scope="manageable_by", label=_("本单位人员（内部顾问）"), required=False
    )
    phone = forms.CharField(
        label=_("联系电话"),
        max_length=20,
        required=False,
        help_text=_("显示为遮蔽号码；不修改则保留原号码，填写新号码则替换。"),
    )
    service_start = forms.DateField(label=_("服务开始日期"), widget=DateInput())
    service_end = forms.DateField(
        label=_("服务结束日期"),
        required=False,
        widget=DateInput(),
        help_text=_("更正结束日期；清空则恢复为在服务。结束服务请用“结束服务”。"),
    )
    notes = forms.CharField(
        label=_("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, user: Any, obj: LegalAdviser | None = None, **kwargs: Any):
        super().__init__(*args, user=user, obj=obj, **kwargs)
        if obj is not None:
            self.initial.update(
                unit=obj.unit_id,
                kind=obj.kind,
                name=obj.name,
                organisation=obj.organisation,
                person=obj.person_id,
                phone=obj.phone_masked,
                service_start=obj.service_start,
                service_end=obj.service_end,
                notes=obj.notes,
            )

    def service_data(self) -> dict[str, Any]:
        # An emptied end date means "in service again" and must reach the service as None;
        # an empty person means an external adviser.
        return dict(self.cleaned_data)


class EndServiceForm(VerbForm):
    ended_on = forms.DateField(
        label=_("服务结束日期"), widget=DateInput(), help_text=_("服务的最后一天。")
    )
    reason = forms.CharField(label=_("结束原因"), max_length=200)

    def __init__(self, *args: Any, user: Any, obj: LegalAdviser | None = None, **kwargs: Any):
        super().__init__(*args, user=user, obj=obj, **kwargs)
        self.initial.setdefault("ended_on", timezone.localdate())
