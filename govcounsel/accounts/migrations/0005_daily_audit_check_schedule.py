"""The audit trail's hash chains checked every night at 02:30 (ADR 0010); a problem waits
for the audit administrators in their inbox."""

from datetime import datetime, time, timedelta

from django.db import migrations
from django.utils import timezone


def add_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    tomorrow = timezone.localdate() + timedelta(days=1)
    Schedule.objects.get_or_create(
        name="audit-trail-check",
        defaults={
            "func": "govcounsel.accounts.tasks.verify_audit_trail",
            "schedule_type": "D",  # django-q2's DAILY
            "repeats": -1,
            "next_run": timezone.make_aware(datetime.combine(tomorrow, time(2, 30))),
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="audit-trail-check").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_sessions"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(add_schedule, remove_schedule)]
