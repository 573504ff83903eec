"""`manage.py restore --input FILE --database-url URL`: an encrypted archive made by `backup`
restored into an existing, empty database and MEDIA_ROOT (docs/operations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext_lazy as _

from govcounsel.core.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "把加密备份恢复到一个空数据库和上传文件目录。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, type=Path)
        parser.add_argument("--database-url", required=True)
        parser.add_argument("--media-root", type=Path, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        media_root = options["media_root"] or Path(settings.MEDIA_ROOT)
        try:
            manifest = restore_backup(
                options["input"], database_url=options["database_url"], media_root=media_root
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("已恢复 %(created)s 的备份（%(files)s 个上传文件）。")
            % {"created": manifest["created"], "files": manifest["files"]}
        )
