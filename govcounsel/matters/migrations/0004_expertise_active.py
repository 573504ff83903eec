from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matters", "0003_document_attachments"),
    ]

    operations = [
        migrations.AddField(
            model_name="expertise",
            name="active",
            field=models.BooleanField(default=True, verbose_name="在用"),
        ),
    ]
