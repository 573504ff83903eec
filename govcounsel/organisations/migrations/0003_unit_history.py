"""Units get establishment and abolition dates and dated versions of kind, level and
enforcement power (ADR 0009).

Backfill: before this migration every unit counted on every day, so each existing unit is
established on the earliest of 2000-01-01 and its earliest dated record (an active period
of a certificate, an adviser's service, a qualification of its staff) — no figure already
reported moves — and gets one open version with its present attributes.
"""

from datetime import date

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models
from django.db.models import Min

EPOCH = date(2000, 1, 1)


def backfill(apps, schema_editor):
    Unit = apps.get_model("organisations", "Unit")
    UnitVersion = apps.get_model("organisations", "UnitVersion")
    ActivePeriod = apps.get_model("certificates", "ActivePeriod")
    LegalAdviser = apps.get_model("people", "LegalAdviser")
    Qualification = apps.get_model("people", "Qualification")
    earliest = {}
    for rows in (
        ActivePeriod.objects.values("unit_id").annotate(first=Min("started_on")),
        LegalAdviser.objects.values("unit_id").annotate(first=Min("service_start")),
        Qualification.objects.values(unit_id=models.F("person__unit_id")).annotate(
            first=Min("obtained_on")
        ),
    ):
        for row in rows.order_by():
            unit_id, first = row["unit_id"], row["first"]
            earliest[unit_id] = min(earliest.get(unit_id, EPOCH), first)
    units = list(Unit.objects.only("pk", "kind", "level", "has_enforcement_power"))
    for unit in units:
        unit.established_on = earliest.get(unit.pk, EPOCH)
    Unit.objects.bulk_update(units, ["established_on"], batch_size=2000)
    UnitVersion.objects.bulk_create(
        [
            UnitVersion(
                unit_id=unit.pk,
                valid_from=unit.established_on,
                kind=unit.kind,
                level=unit.level,
                has_enforcement_power=unit.has_enforcement_power,
            )
            for unit in units
        ],
        batch_size=2000,
    )


# No two versions of one unit overlap (PostgreSQL; the demo's SQLite relies on the services).
EXCLUDE = (
    "ALTER TABLE organisations_unitversion ADD CONSTRAINT organisations_unitversion_no_overlap "
    "EXCLUDE USING gist (int8range(unit_id, unit_id, '[]') WITH &&, "
    "daterange(valid_from, valid_to, '[)') WITH &&)"
)
UNEXCLUDE = (
    "ALTER TABLE organisations_unitversion DROP CONSTRAINT IF EXISTS "
    "organisations_unitversion_no_overlap"
)


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_normalise_credit_codes"),
        ("certificates", "0001_initial"),
        ("people", "0002_surveyupload"),
    ]

    operations = [
        migrations.CreateModel(
            name="UnitVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("valid_from", models.DateField(verbose_name="起始日期")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="截止日期")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("party_organ", "党的机关"),
                            ("government_organ", "国家机关"),
                            ("peoples_organisation", "人民团体"),
                        ],
                        max_length=32,
                        verbose_name="单位类别",
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("city", "市级"),
                            ("county", "区县级"),
                            ("township", "乡镇（街道）级"),
                        ],
                        max_length=16,
                        verbose_name="单位层级",
                    ),
                ),
                (
                    "has_enforcement_power",
                    models.BooleanField(default=False, verbose_name="具有行政执法权"),
                ),
            ],
            options={
                "verbose_name": "单位历史",
                "verbose_name_plural": "单位历史",
                "ordering": ["unit_id", "valid_from"],
            },
        ),
        migrations.AddField(
            model_name="unit",
            name="abolished_on",
            field=models.DateField(blank=True, null=True, verbose_name="撤销日期"),
        ),
        migrations.AddField(
            model_name="unit",
            name="established_on",
            field=models.DateField(
                default=django.utils.timezone.localdate, verbose_name="成立日期"
            ),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("abolished_on__isnull", True),
                    ("abolished_on__gt", models.F("established_on")),
                    _connector="OR",
                ),
                name="unit_abolished_after_established",
            ),
        ),
        migrations.AddField(
            model_name="unitversion",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="versions",
                to="organisations.unit",
                verbose_name="单位",
            ),
        ),
        migrations.AddConstraint(
            model_name="unitversion",
            constraint=models.UniqueConstraint(
                fields=("unit", "valid_from"), name="unitversion_unique_start"
            ),
        ),
        migrations.AddConstraint(
            model_name="unitversion",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_to__isnull", True),
                    ("valid_to__gt", models.F("valid_from")),
                    _connector="OR",
                ),
                name="unitversion_ordered",
            ),
        ),
        # Before any row is written: PostgreSQL refuses ALTER TABLE with pending triggers.
        migrations.RunPython(on_postgresql(EXCLUDE), on_postgresql(UNEXCLUDE)),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
