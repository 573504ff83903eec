"""The audit trail protected at the database (ADR 0010): existing rows chained; the field-change
entries and their seals refuse UPDATE and DELETE like the audit events (0002); the three tables
refuse TRUNCATE unless the session says so first; and on PostgreSQL every role but the owner
loses UPDATE, DELETE and TRUNCATE on them (the application's role keeps SELECT and INSERT)."""

from django.db import migrations

from govcounsel.core import audit_chain

TABLES = ("core_auditevent", "auditlog_logentry", "core_changeseal")

PROTECT = f"""
CREATE OR REPLACE FUNCTION govcounsel_audit_no_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('{audit_chain.TRUNCATE_SETTING}', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'audit records cannot be truncated: ' || TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER auditlog_logentry_append_only
    BEFORE UPDATE OR DELETE ON auditlog_logentry
    FOR EACH ROW EXECUTE FUNCTION govcounsel_audit_append_only();
CREATE TRIGGER core_changeseal_append_only
    BEFORE UPDATE OR DELETE ON core_changeseal
    FOR EACH ROW EXECUTE FUNCTION govcounsel_audit_append_only();
""" + "".join(
    f"""
CREATE TRIGGER {table}_no_truncate
    BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION govcounsel_audit_no_truncate();
"""
    for table in TABLES
)

UNPROTECT = (
    "".join(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};\n" for table in TABLES)
    + """
DROP TRIGGER IF EXISTS auditlog_logentry_append_only ON auditlog_logentry;
DROP TRIGGER IF EXISTS core_changeseal_append_only ON core_changeseal;
DROP FUNCTION IF EXISTS govcounsel_audit_no_truncate();
"""
)


def chain_existing_rows(apps, schema_editor):
    """Rows written before the chain existed are chained in id order, once."""
    AuditEvent = apps.get_model("core", "AuditEvent")
    LogEntry = apps.get_model("auditlog", "LogEntry")
    ChangeSeal = apps.get_model("core", "ChangeSeal")
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        schema_editor.execute(
            "ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_append_only"
        )
    previous = ""
    for event in AuditEvent.objects.order_by("pk").iterator(chunk_size=2000):
        digest = audit_chain.digest(audit_chain.event_fields(event), previous)
        AuditEvent.objects.filter(pk=event.pk).update(previous_digest=previous, digest=digest)
        previous = digest
    if postgresql:
        schema_editor.execute(
            "ALTER TABLE core_auditevent ENABLE TRIGGER core_auditevent_append_only"
        )
    previous, seals = "", []
    for entry in LogEntry.objects.order_by("pk").iterator(chunk_size=2000):
        digest = audit_chain.digest(audit_chain.change_fields(entry), previous)
        seals.append(ChangeSeal(entry_id=entry.pk, previous_digest=previous, digest=digest))
        previous = digest
    ChangeSeal.objects.bulk_create(seals, batch_size=1000)


def protect(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PROTECT)
        audit_chain.revoke_audit_writes(schema_editor.connection)


def unprotect(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNPROTECT)


class Migration(migrations.Migration):
    dependencies = [("core", "0006_audit_hash_chain")]
    operations = [
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.RunPython(protect, unprotect),
    ]
