"""Forms of the statutory calendar pages; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .calendar_import import MAX_BYTES
from .calendar_services import FIRST_YEAR, LAST_YEAR
from .choices import DayKind, NoticeSource
from .forms import DateInput


class DayForm(forms.Form):
    day = forms.DateField(label=_("日期"), widget=DateInput())
    kind = forms.ChoiceField(label=_("类别"), choices=DayKind.choices)
    name = forms.CharField(
        label=_("名称"),
        max_length=50,
        required=False,
        help_text=_("节日名称，例如“春节”；调休上班日填它所调换的节日。"),
    )


class NoticeForm(forms.Form):
    source = forms.ChoiceField(
        label=_("来源"),
        choices=NoticeSource.choices,
        help_text=_("国务院办公厅通知发布后选“国务院办公厅通知”：该年度的安排即为正式安排。"),
    )
    document_number = forms.CharField(
        label=_("文号"), max_length=64, required=False, help_text=_("例如：国办发明电〔2024〕12号")
    )
    title = forms.CharField(label=_("通知标题"), max_length=200, required=False)
    published_on = forms.DateField(label=_("发布日期"), required=False, widget=DateInput())


class ImportForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    file = forms.FileField(
        label=_("文件"),
        help_text=_(
            "CSV或Excel（.xlsx）文件，第1行为列标题“日期、类别、名称”；类别填“放假”或“上班”。"
            "导入将整体替换该年度的安排；任何一行有误，整个文件都不会导入。"
        ),
    )
    document_number = forms.CharField(
        label=_("文号"), max_length=64, required=False, help_text=_("例如：国办发明电〔2024〕12号")
    )
    title = forms.CharField(label=_("通知标题"), max_length=200, required=False)
    published_on = forms.DateField(label=_("发布日期"), required=False, widget=DateInput())

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("文件超过1MB，不像是一年的放假安排。"))
        return upload
