"""API tokens stored hashed with idle and absolute expiry, and the shared cache table the
login rate limits count in (ADR 0012)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.core.management import call_command
from django.db import migrations, models


def create_cache_table(apps, schema_editor):
    # Only for database caches in CACHES (none when Redis is configured); idempotent.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "key_hash",
                    models.CharField(
                        editable=False, max_length=64, unique=True, verbose_name="令牌摘要"
                    ),
                ),
                (
                    "prefix",
                    models.CharField(
                        editable=False,
                        help_text="用于识别令牌，不能用于登录。",
                        max_length=8,
                        verbose_name="令牌前缀",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="签发时间"
                    ),
                ),
                (
                    "last_used_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="最近使用时间"
                    ),
                ),
                ("expires_at", models.DateTimeField(verbose_name="最迟失效时间")),
                (
                    "client_address",
                    models.GenericIPAddressField(blank=True, null=True, verbose_name="签发时地址"),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="api_tokens",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="账号",
                    ),
                ),
            ],
            options={
                "verbose_name": "接口令牌",
                "verbose_name_plural": "接口令牌",
                "ordering": ["-created_at"],
            },
        ),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
