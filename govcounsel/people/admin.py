from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from govcounsel.core.admin import DutyAdmin

from .models import LegalAdviser, Person, Qualification, SurveyUpload


class PersonAdminForm(forms.ModelForm):
    id_number = forms.CharField(
        label=_("身份证号码"),
        required=False,
        max_length=18,
        help_text=_("新建时必填；修改时留空则保持原号码。号码加密保存，列表中只显示脱敏形式。"),
    )

    class Meta:
        model = Person
        fields = [
            "name",
            "sex",
            "id_number",
            "phone",
            "unit",
            "is_civil_servant",
            "full_time_legal",
            "employment_status",
            "employment_status_date",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number = data.get("id_number")
        if not number and not self.instance.pk:
            raise ValidationError({"id_number": _("请填写身份证号码。")})
        if number:
            try:
                self.instance.set_id_number(number)
            except ValidationError as error:
                raise ValidationError({"id_number": error.messages}) from None
            clash = Person.objects.with_id_number(number).exclude(pk=self.instance.pk)
            if clash.exists():
                raise ValidationError({"id_number": _("该身份证号码已登记在其他人员档案中。")})
        return data


class QualificationInline(admin.TabularInline):
    model = Qualification
    extra = 0


@admin.register(Person)
class PersonAdmin(DutyAdmin):
    form = PersonAdminForm
    list_display = [
        "name",
        "sex",
        "id_number_masked",
        "unit",
        "employment_status",
        "full_time_legal",
    ]
    list_filter = ["employment_status", "full_time_legal", "is_civil_servant"]
    search_fields = ["name", "name_pinyin", "name_initials", "unit__name"]
    raw_id_fields = ["unit"]
    list_select_related = ["unit"]
    inlines = [QualificationInline]

    def has_add_permission(self, request: Any, *args: Any) -> bool:
        return False  # staff records are kept by their units and the justice bureau


@admin.register(Qualification)
class QualificationAdmin(DutyAdmin):
    list_display = ["person", "kind", "certificate_number", "obtained_on"]
    list_filter = ["kind"]
    search_fields = ["person__name", "certificate_number"]
    raw_id_fields = ["person"]


@admin.register(LegalAdviser)
class LegalAdviserAdmin(DutyAdmin):
    list_display = ["name", "kind", "organisation", "unit", "service_start", "service_end"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation", "unit__name"]
    raw_id_fields = ["unit", "person"]


@admin.register(SurveyUpload)
class SurveyUploadAdmin(DutyAdmin):
    read_only = True
    list_display = ["filename", "uploaded_by", "uploaded_at", "imported_at"]
