"""The request id of an audit event (ADR 0017). Existing rows keep NULL, which the hash
chain leaves out of their digest, so the chain verifies as before."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0007_audit_protection")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="request_id",
            field=models.CharField(
                blank=True,
                db_index=True,
                editable=False,
                max_length=32,
                null=True,
                verbose_name="请求编号",
            ),
        ),
    ]
