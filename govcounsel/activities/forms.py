"""The page forms of activities: recording one, and correcting it (the edit verb)."""

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
from govcounsel.core.verbs import VerbForm
from govcounsel.disputes.models import Dispute
from govcounsel.matters.models import Matter
from govcounsel.people.models import Person

from .choices import ActivityKind
from .models import Activity
from .selectors import recordable_people


class _Facts(ScopedForm):
    kind = forms.ChoiceField(label=_("活动类别"), choices=ActivityKind.choices)
    day = forms.DateField(label=_("活动日期"), widget=DateInput(), initial=timezone.localdate)
    title = forms.CharField(label=_("活动名称"), max_length=200)
    description = forms.CharField(
        label=_("活动情况"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    place = forms.CharField(label=_("地点"), max_length=200, required=False)
    audience = forms.IntegerField(
        label=_("受众人数"),
        min_value=0,
        required=False,
        help_text=_("释案说法、专题法课和送法活动填写。"),
    )
    hours = forms.DecimalField(
        label=_("时长（小时）"), min_value=0, max_digits=5, decimal_places=1, required=False
    )
    matter = ScopedModelChoiceField(
        Matter,
        label=_("关联法律事务"),
        required=False,
        order_by=("-registered_at",),
        help_text=_("活动属于某件法律事务时选择；该事项已计入工作档案，此活动不再重复计数。"),
    )
    dispute = ScopedModelChoiceField(
        Dispute,
        label=_("关联行政争议"),
        required=False,
        order_by=("-registered_at",),
        help_text=_(
            "活动属于某件行政争议时选择；和解中心组织的和解调解由和解中心登记，不在此登记。"
        ),
    )


class ActivityForm(_Facts):
    """Record an activity (002 §7, §14) for oneself or, as the office, for its lawyers."""

    people = ScopedModelMultipleChoiceField(
        Person,
        scope=recordable_people,
        label=_("公职律师"),
        help_text=_("本人登记只选本人；单位登记可选择本单位多名公职律师。"),
    )
    field_order = ["people", "kind", "day", "title", "description", "place", "audience", "hours"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        person_id = getattr(user, "person_id", None)
        if person_id and not self.is_bound:
            self.initial.setdefault("people", [person_id])


class ActivityEditForm(VerbForm, _Facts):
    """Correct the facts of an activity; who took part stays as recorded."""

    def __init__(self, *args: Any, user: Any, obj: Activity | None = None, **kwargs: Any):
        super().__init__(*args, user=user, obj=obj, **kwargs)
        if obj is not None:
            self.initial.update(
                {name: getattr(obj, name) for name in ("kind", "day", "title", "description")},
                place=obj.place,
                audience=obj.audience,
                hours=obj.hours,
                matter=obj.matter_id,
                dispute=obj.dispute_id,
            )

    def service_data(self) -> dict[str, Any]:
        # Every field: an emptied optional field (no audience, no linked record) is a change.
        return dict(self.cleaned_data)
