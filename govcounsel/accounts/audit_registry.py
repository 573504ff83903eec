"""Which models django-auditlog watches for field-level diffs, and which fields it must not copy."""

from auditlog.registry import auditlog
from django.apps import apps

auditlog.register(apps.get_model("accounts", "User"), exclude_fields=["password", "last_login"])
auditlog.register(apps.get_model("accounts", "RoleGrant"))
auditlog.register(apps.get_model("organisations", "Region"))
auditlog.register(apps.get_model("organisations", "Unit"), exclude_fields=["system_path"])
# Issue 9: the birth date is exactly what the masked ID number hides, so the history never
# copies it; phones appear as on the pages (138****5678), not half-masked.
auditlog.register(
    apps.get_model("people", "Person"),
    exclude_fields=[
        "id_number_cipher",
        "id_number_hash",
        "birth_date",
        "name_pinyin",
        "name_initials",
    ],
    mask_fields=["phone"],
    mask_callable="govcounsel.core.masking.mask_phone",
)
auditlog.register(apps.get_model("people", "Qualification"))
auditlog.register(
    apps.get_model("people", "LegalAdviser"),
    mask_fields=["phone"],
    mask_callable="govcounsel.core.masking.mask_phone",
)
auditlog.register(apps.get_model("certificates", "CertificateApplication"))
auditlog.register(apps.get_model("certificates", "Certificate"))
auditlog.register(apps.get_model("certificates", "CancellationCase"))
auditlog.register(apps.get_model("certificates", "AssociationMembership"))
auditlog.register(apps.get_model("coverage", "Target"))
auditlog.register(apps.get_model("matters", "Matter"))
auditlog.register(apps.get_model("matters", "Assignment"))
auditlog.register(apps.get_model("matters", "DecisionItem"))
auditlog.register(apps.get_model("matters", "Decision"))
auditlog.register(apps.get_model("matters", "DispatchRequest"))
auditlog.register(apps.get_model("matters", "Overtime"))
# Expertise is edited in the back office only; who was tagged with what is part of the diff.
auditlog.register(apps.get_model("matters", "Expertise"), m2m_fields={"people"})
auditlog.register(apps.get_model("activities", "Activity"), m2m_fields={"people"})
