from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.forms import DateInput
from govcounsel.core.verbs import VerbForm

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
            "clause_text",
        ]
        widgets = {"deadline": DateInput(), "clause_text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            # 001 一(一) names 党政机关; 001 一(二) lets legal advisers carry the work.
            "kind": _("“党政机关”即党的机关和国家机关，不含人民团体。"),
            "metric": _(
                "“设立公职律师”“公职律师覆盖率”为公职律师覆盖率；“公职律师工作覆盖率”"
                "“公职律师工作全覆盖”为工作开展率，由法律顾问履职的单位也计入。"
            ),
        }

    def service_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class RetireTargetForm(VerbForm):
    retired_on = forms.DateField(
        label=_("终止日期"), widget=DateInput(), help_text=_("自该日起不再适用。")
    )
    reason = forms.CharField(
        label=_("终止原因"), max_length=200, help_text=_("如：被某文件第几条取代。")
    )

    def __init__(self, *args: Any, user: Any, obj: Target | None = None, **kwargs: Any) -> None:
        super().__init__(*args, user=user, obj=obj, **kwargs)
        self.initial.setdefault("retired_on", timezone.localdate())
