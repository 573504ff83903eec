"""Issue 9: phones encrypted at rest (the existing numbers encrypted in place).

The change history is append-only and sealed (ADR 0010), so entries written before this
change are not rewritten; the history pages leave out and mask their fields as registered now."""

from typing import Any

from django.db import migrations

import govcounsel.core.crypto
import govcounsel.core.validators
from govcounsel.core import crypto

TABLES = ("people_person", "people_legaladviser")


def _rewrite_phones(schema_editor: Any, convert: Any) -> None:
    # Raw SQL: the migration's models already decrypt on read, and these rows are not yet
    # encrypted (or, going back, no longer are).
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table in TABLES:
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT id, phone FROM {quoted} WHERE phone <> ''")  # noqa: S608
            rows = [(convert(phone), pk) for pk, phone in cursor.fetchall()]
            cursor.executemany(f"UPDATE {quoted} SET phone = %s WHERE id = %s", rows)  # noqa: S608


def encrypt_phones(apps: Any, schema_editor: Any) -> None:
    _rewrite_phones(schema_editor, crypto.encrypt)


def decrypt_phones(apps: Any, schema_editor: Any) -> None:
    _rewrite_phones(schema_editor, crypto.decrypt)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_person_history"),
    ]

    operations = [
        migrations.AlterField(
            model_name="legaladviser",
            name="phone",
            field=govcounsel.core.crypto.EncryptedTextField(
                blank=True,
                max_length=20,
                validators=[govcounsel.core.validators.validate_phone],
                verbose_name="联系电话",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="phone",
            field=govcounsel.core.crypto.EncryptedTextField(
                blank=True,
                max_length=20,
                validators=[govcounsel.core.validators.validate_phone],
                verbose_name="联系电话",
            ),
        ),
        migrations.RunPython(encrypt_phones, decrypt_phones),
    ]
