"""The daily look for organs that nominated no mediator by the due date (002 §10), at 08:30."""

from datetime import datetime, time, timedelta

from django.db import migrations
from django.utils import timezone


def add_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    tomorrow = timezone.localdate() + timedelta(days=1)
    Schedule.objects.get_or_create(
        name="mediator-nomination-reminder",
        defaults={
            "func": "govcounsel.reconciliation.tasks.remind_missing",
            "schedule_type": "D",  # django-q2's DAILY
            "repeats": -1,
            "next_run": timezone.make_aware(datetime.combine(tomorrow, time(8, 30))),
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(
        name="mediator-nomination-reminder"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reconciliation", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(add_schedule, remove_schedule)]
