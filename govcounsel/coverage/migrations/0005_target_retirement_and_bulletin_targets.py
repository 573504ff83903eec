from django.db import migrations, models


def link_published_bulletins(apps, schema_editor):
    """Bulletins generated before targets were linked reported on their region's targets:
    every target of the region counts as named, so that none of them can now be deleted."""
    Bulletin = apps.get_model("coverage", "Bulletin")
    Target = apps.get_model("coverage", "Target")
    Link = Bulletin.targets.through
    links = [
        Link(bulletin_id=bulletin_id, target_id=target_id)
        for bulletin_id, region_id in Bulletin.objects.filter(status="done").values_list(
            "pk", "region_id"
        )
        for target_id in Target.objects.filter(region_id=region_id).values_list("pk", flat=True)
    ]
    Link.objects.bulk_create(links)


class Migration(migrations.Migration):
    dependencies = [
        ("coverage", "0004_correct_policy_targets"),
    ]

    operations = [
        migrations.AddField(
            model_name="bulletin",
            name="targets",
            field=models.ManyToManyField(
                blank=True,
                related_name="bulletins",
                to="coverage.target",
                verbose_name="通报所列目标",
            ),
        ),
        migrations.AddField(
            model_name="target",
            name="retired_on",
            field=models.DateField(
                blank=True, help_text="自该日起不再适用。", null=True, verbose_name="终止日期"
            ),
        ),
        migrations.AddField(
            model_name="target",
            name="retired_reason",
            field=models.CharField(blank=True, max_length=200, verbose_name="终止原因"),
        ),
        migrations.RunPython(link_published_bulletins, migrations.RunPython.noop),
    ]
