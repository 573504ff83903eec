"""Staff records in the back office: shown to the system administrator (identity masked),
never written from here. They are kept by the units and the justice bureau through the
people services, so that a retirement, a departure or a transfer sends the HR event that
opens the certificate's cancellation case (000 #3)."""

from __future__ import annotations

from django.contrib import admin

from govcounsel.core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import LegalAdviser, Person, Qualification, SurveyUpload


class QualificationInline(ReadOnlyInline):
    model = Qualification
    fields = ["kind", "certificate_number", "obtained_on"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
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
    list_select_related = ["unit"]
    # Identity data masked, as on the pages; the audited reveal is on the person's page.
    fields = [
        "name",
        "sex",
        "id_number_masked",
        "phone_masked",
        "unit",
        "is_civil_servant",
        "full_time_legal",
        "employment_status",
        "employment_status_date",
    ]
    readonly_fields = ["id_number_masked", "phone_masked"]
    inlines = [QualificationInline]


@admin.register(Qualification)
class QualificationAdmin(ReadOnlyAdmin):
    list_display = ["person", "kind", "certificate_number", "obtained_on"]
    list_filter = ["kind"]
    search_fields = ["person__name", "certificate_number"]


@admin.register(LegalAdviser)
class LegalAdviserAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "organisation", "unit", "service_start", "service_end"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation", "unit__name"]
    # The phone masked, as on the pages; the full number only through the audited
    # reveal.
    fields = [
        "unit",
        "kind",
        "name",
        "organisation",
        "person",
        "phone_masked",
        "service_start",
        "service_end",
    ]
    readonly_fields = ["phone_masked"]


@admin.register(SurveyUpload)
class SurveyUploadAdmin(ReadOnlyAdmin):
    list_display = ["filename", "uploaded_by", "uploaded_at", "imported_at"]
