"""`manage.py backup --output FILE`: database and uploaded files in one encrypted archive
(docs/operations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.utils.translation import gettext_lazy as _

from govcounsel.core.backups import BackupError, make_backup


class Command(BaseCommand):
    help = "备份数据库和上传文件到一个加密归档（密钥：BACKUP_ENCRYPTION_KEY）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, type=Path)
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        database = connections[options["database"]].settings_dict
        if connections[options["database"]].vendor != "postgresql":
            raise CommandError(_("备份只支持 PostgreSQL 数据库。"))
        try:
            manifest = make_backup(
                options["output"], database=database, media_root=Path(settings.MEDIA_ROOT)
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("已备份到 %(path)s（数据库和 %(files)s 个上传文件）。")
            % {"path": options["output"], "files": manifest["files"]}
        )
