"""The daily run that sends the training reminders on the dates each requirement names."""

from datetime import datetime, time, timedelta

from django.db import migrations
from django.utils import timezone


def add_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    tomorrow = timezone.localdate() + timedelta(days=1)
    Schedule.objects.get_or_create(
        name="training-reminders",
        defaults={
            "func": "govcounsel.training.tasks.send_reminders",
            "schedule_type": "D",  # django-q2's DAILY
            "repeats": -1,
            "next_run": timezone.make_aware(datetime.combine(tomorrow, time(9, 0))),
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="training-reminders").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(add_schedule, remove_schedule)]
