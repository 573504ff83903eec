"""Credit codes in one spelling (NFKC, no spaces, upper case), then enforced by the database.

Existing rows are normalised first. Two units whose codes become equal are the same code
entered twice: the migration stops and names them, because which one is right is for a
person to decide, not for a migration.
"""

import unicodedata

import django.db.models.functions.text
from django.db import migrations, models

import govcounsel.core.codes
import govcounsel.core.validators


def _normalise(value):
    return "".join(unicodedata.normalize("NFKC", value or "").split()).upper()


def normalise_credit_codes(apps, schema_editor):
    Unit = apps.get_model("organisations", "Unit")
    seen = {}
    clashes = []
    changed = []
    for unit in Unit.objects.order_by("pk").only("pk", "name", "credit_code"):
        code = _normalise(unit.credit_code)
        if code in seen:
            clashes.append(f"{seen[code].name}（{seen[code].pk}）/ {unit.name}（{unit.pk}）: {code}")
        seen[code] = unit
        if code != unit.credit_code:
            unit.credit_code = code
            changed.append(unit)
    if clashes:
        raise RuntimeError(
            "以下单位的统一社会信用代码规范化后相同，请先核对并更正后再迁移：\n" + "\n".join(clashes)
        )
    Unit.objects.bulk_update(changed, ["credit_code"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(normalise_credit_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="unit",
            name="credit_code",
            field=govcounsel.core.codes.CodeField(
                error_messages={"unique": "该统一社会信用代码已被其他单位使用。"},
                max_length=18,
                unique=True,
                validators=[govcounsel.core.validators.validate_credit_code],
                verbose_name="统一社会信用代码",
            ),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("credit_code", django.db.models.functions.text.Upper("credit_code"))
                ),
                name="unit_credit_code_upper_case",
            ),
        ),
    ]
