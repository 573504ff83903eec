"""People get dated versions of their unit, civil-servant status, full-time-legal flag and
employment status (ADR 0009).

Backfill: before this migration a person's present facts counted for every past day (in
post until the recorded date of retirement or leaving). Each person therefore gets one
version from the earliest of 2000-01-01 and their first qualification — in post until
their employment-status date if they are no longer in post, then a version in that status
— so that no figure already reported moves.
"""

from datetime import date

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Min

EPOCH = date(2000, 1, 1)
BATCH = 5000


def backfill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    PersonVersion = apps.get_model("people", "PersonVersion")
    Qualification = apps.get_model("people", "Qualification")
    first_qualified = dict(
        Qualification.objects.values_list("person_id").annotate(first=Min("obtained_on")).order_by()
    )
    fields = ("unit_id", "is_civil_servant", "full_time_legal", "employment_status")
    rows = []
    people = Person.objects.order_by("pk").values_list("pk", "employment_status_date", *fields)
    for pk, changed_on, *facts in people.iterator(chunk_size=BATCH):
        values = dict(zip(fields, facts, strict=True))
        start = min(EPOCH, first_qualified.get(pk, EPOCH))
        if values["employment_status"] != "in_post" and changed_on is not None:
            if changed_on > start:
                rows.append(
                    PersonVersion(
                        person_id=pk,
                        valid_from=start,
                        valid_to=changed_on,
                        **{**values, "employment_status": "in_post"},
                    )
                )
            start = changed_on
        rows.append(PersonVersion(person_id=pk, valid_from=start, **values))
        if len(rows) >= BATCH:
            PersonVersion.objects.bulk_create(rows)
            rows = []
    PersonVersion.objects.bulk_create(rows)


# No two versions of one person overlap (PostgreSQL; the demo's SQLite relies on the services).
EXCLUDE = (
    "ALTER TABLE people_personversion ADD CONSTRAINT people_personversion_no_overlap "
    "EXCLUDE USING gist (int8range(person_id, person_id, '[]') WITH &&, "
    "daterange(valid_from, valid_to, '[)') WITH &&)"
)
UNEXCLUDE = (
    "ALTER TABLE people_personversion DROP CONSTRAINT IF EXISTS people_personversion_no_overlap"
)


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_unit_history"),
        ("people", "0002_surveyupload"),
    ]

    operations = [
        migrations.CreateModel(
            name="PersonVersion",
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
                    "is_civil_servant",
                    models.BooleanField(default=True, verbose_name="公务员（参照公务员法管理）"),
                ),
                (
                    "full_time_legal",
                    models.BooleanField(default=False, verbose_name="专门从事法律事务工作"),
                ),
                (
                    "employment_status",
                    models.CharField(
                        choices=[
                            ("in_post", "在职"),
                            ("retired", "退休"),
                            ("left", "离职"),
                            ("transferred", "调离"),
                        ],
                        default="in_post",
                        max_length=16,
                        verbose_name="任职状态",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="people.person",
                        verbose_name="人员",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="person_versions",
                        to="organisations.unit",
                        verbose_name="所在单位",
                    ),
                ),
            ],
            options={
                "verbose_name": "人员历史",
                "verbose_name_plural": "人员历史",
                "ordering": ["person_id", "valid_from"],
                "indexes": [
                    models.Index(
                        condition=models.Q(
                            ("employment_status", "in_post"),
                            ("full_time_legal", True),
                            ("is_civil_servant", True),
                        ),
                        fields=["unit", "valid_from"],
                        name="personversion_candidate",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("person", "valid_from"), name="personversion_unique_start"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_to__isnull", True),
                            ("valid_to__gt", models.F("valid_from")),
                            _connector="OR",
                        ),
                        name="personversion_ordered",
                    ),
                ],
            },
        ),
        # Before any row is written: PostgreSQL refuses ALTER TABLE with pending triggers.
        migrations.RunPython(on_postgresql(EXCLUDE), on_postgresql(UNEXCLUDE)),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
