from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from govcounsel.core.forms import DateInput
from govcounsel.core.uploads import DocumentUploadField
from govcounsel.core.verbs import VerbForm


class ActionForm(VerbForm):
    """The input of a certificate workflow step: an opinion and a scanned attachment."""

    note = forms.CharField(
        label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 1})
    )
    scan = DocumentUploadField(label=_("附件扫描件"), required=False)


class ReasonForm(ActionForm):
    """A step that must say why (退回、不予批准、暂停、注销)."""

    # The service says which reason is missing ("退回申请须说明理由"); the browser asks first.
    note = forms.CharField(
        label=_("理由"), required=False, widget=forms.Textarea(attrs={"rows": 1, "required": True})
    )


class ReviewForm(ActionForm):
    # The page's button passes; the API says which (true: 审核通过, false: 退回 with a reason).
    passed = forms.NullBooleanField(
        label=_("审核结论"), widget=forms.HiddenInput, initial=True, help_text="true/false"
    )

    def clean_passed(self) -> bool:
        passed = self.cleaned_data.get("passed")
        if passed is None:
            raise forms.ValidationError(_("请填写审核结论：通过或退回。"))
        return bool(passed)


class CancelForm(ReasonForm):
    on = forms.DateField(
        label=_("注销生效日期"), required=False, widget=DateInput(), help_text=_("默认今天")
    )


class RecoverForm(ActionForm):
    on = forms.DateField(
        label=_("收回日期"), required=False, widget=DateInput(), help_text=_("默认今天")
    )


class WithdrawForm(VerbForm):
    note = forms.CharField(
        label=_("撤回说明"), required=False, widget=forms.Textarea(attrs={"rows": 1})
    )


class ApplyForm(forms.Form):
    statement = forms.CharField(
        label=_("申请说明"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    scan = DocumentUploadField(label=_("申请材料扫描件"), required=False)


class MembershipForm(forms.Form):
    member_number = forms.CharField(label=_("会员证号"), max_length=40)
    joined_on = forms.DateField(label=_("入会日期"), widget=DateInput())


class EndMembershipForm(forms.Form):
    ended_on = forms.DateField(label=_("退会日期"), widget=DateInput())
    reason = forms.CharField(label=_("退会原因"), max_length=200, required=False)
