from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from govcounsel.core.forms import DateInput
from govcounsel.core.uploads import DocumentUploadField


class ActionForm(forms.Form):
    note = forms.CharField(
        label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    on = forms.DateField(label=_("日期"), required=False, widget=DateInput())
    scan = DocumentUploadField(label=_("附件扫描件"), required=False)

    def service_data(self, asks_date: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"note": self.cleaned_data["note"]}
        if self.cleaned_data.get("scan"):
            data["scan"] = self.cleaned_data["scan"]
        if asks_date and self.cleaned_data.get("on"):
            data["on"] = self.cleaned_data["on"]
        return data


class ApplyForm(forms.Form):
    statement = forms.CharField(
        label=_("申请说明"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    scan = DocumentUploadField(label=_("申请材料扫描件"), required=False)


class MembershipForm(forms.Form):
    member_number = forms.CharField(label=_("会员证号"), max_length=40)
    joined_on = forms.DateField(label=_("入会日期"), widget=DateInput())
