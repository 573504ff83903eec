from django.db import migrations


def preload(apps, schema_editor):
    # The rules table again: update_or_create adds the rule of the disputes' records.
    from govcounsel.privacy.rules_data import RULES

    RetentionRule = apps.get_model("privacy", "RetentionRule")
    for rule in RULES:
        RetentionRule.objects.update_or_create(
            record_kind=rule["record_kind"],
            defaults={k: v for k, v in rule.items() if k != "record_kind"},
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0002_preload_retention_rules")]

    operations = [migrations.RunPython(preload, migrations.RunPython.noop)]
