from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from govcounsel.core.verbs import VerbForm

from .models import TEXT_FIELDS, TypicalCase


def _text_field(name: str, required: bool = False) -> forms.Field:
    label = getattr(TypicalCase._meta.get_field(name), "verbose_name", name)
    if name in ("title", "subtitle"):
        return forms.CharField(label=label, max_length=200, required=required)
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": 5}))


class NominateForm(forms.Form):
    reason = forms.CharField(
        label=_("推荐理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )


class NoteForm(VerbForm):
    note = forms.CharField(
        label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 1})
    )


class ReasonForm(VerbForm):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}))


class TextForm(VerbForm):
    """The case's text in the template's headings, shown with what it says now."""

    title = _text_field("title", required=True)
    subtitle = _text_field("subtitle")
    facts = _text_field("facts")
    resolution = _text_field("resolution")
    key_points = _text_field("key_points")
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.obj is not None:
            for name in (*TEXT_FIELDS, "year"):
                self.fields[name].initial = getattr(self.obj, name)
        else:
            self.fields["year"].initial = timezone.localdate().year

    def service_data(self) -> dict[str, Any]:
        # A field left out of an API call keeps what the case says.
        data = self.data or {}
        return {k: v for k, v in self.cleaned_data.items() if k in data and v is not None}


class EditForm(TextForm):
    title = _text_field("title")
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100, required=False)


class ReviseForm(EditForm):
    note = forms.CharField(label=_("修订说明"), widget=forms.Textarea(attrs={"rows": 2}))

    def service_data(self) -> dict[str, Any]:
        return {**super().service_data(), "note": self.cleaned_data["note"]}


class AnonymiseForm(VerbForm):
    names = forms.CharField(
        label=_("另需隐去的名称"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "相对人名称自动隐去；其他人名、单位名称每行一个。电话号码和身份证号码自动隐去。"
        ),
    )


class CompilationForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
