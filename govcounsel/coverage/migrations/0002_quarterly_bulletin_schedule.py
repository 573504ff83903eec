"""After each quarter ends, bulletins are generated for every supervised region (000 #12)."""

from datetime import datetime, time

from django.db import migrations
from django.utils import timezone


def first_day_of_next_quarter():
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    year, month = (today.year + 1, 1) if quarter == 4 else (today.year, quarter * 3 + 1)
    return timezone.make_aware(datetime.combine(today.replace(year=year, month=month, day=2), time(2, 0)))


def add_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.get_or_create(
        name="quarterly-bulletins",
        defaults={
            "func": "govcounsel.coverage.tasks.bulletins_for_last_quarter",
            "schedule_type": "Q",  # django-q2's QUARTERLY
            "repeats": -1,
            "next_run": first_day_of_next_quarter(),
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="quarterly-bulletins").delete()


class Migration(migrations.Migration):
    dependencies = [("coverage", "0001_initial"), ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more")]
    operations = [migrations.RunPython(add_schedule, remove_schedule)]
