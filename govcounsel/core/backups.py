"""Backup and restore (ADR 0010, docs/operations.md): the database (pg_dump custom format) and
the uploaded files (MEDIA_ROOT) in one tar archive, encrypted with BACKUP_ENCRYPTION_KEY, a
Fernet key kept apart from FIELD_ENCRYPTION_KEY so that whoever holds the backups does not
hold the personal data inside them, and the other way round.

This first version encrypts the whole archive in memory (Fernet has no streaming mode): fine
for the size of this service's data; move to a streaming cipher when backups pass ~1 GB."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FORMAT = "govcounsel-backup-1"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


def _key() -> Fernet:
    key = os.environ.get("BACKUP_ENCRYPTION_KEY", "") or getattr(
        settings, "BACKUP_ENCRYPTION_KEY", ""
    )
    if not key:
        raise BackupError(_("未设置备份加密密钥 BACKUP_ENCRYPTION_KEY。"))
    if key == getattr(settings, "FIELD_ENCRYPTION_KEY", ""):
        raise BackupError(_("备份加密密钥不得与字段加密密钥 FIELD_ENCRYPTION_KEY 相同。"))
    try:
        return Fernet(key.encode())
    except ValueError as error:
        raise BackupError(_("备份加密密钥格式不正确（应为 Fernet 密钥）。")) from error


def _pg_env(database: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["--host", str(database.get("HOST") or "127.0.0.1")]
    args += ["--port", str(database.get("PORT") or 5432)]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(
            _("%(program)s 失败：%(error)s") % {"program": command[0], "error": done.stderr[-2000:]}
        )


def make_backup(output: Path, *, database: dict[str, Any], media_root: Path) -> dict[str, Any]:
    """Dump the database and pack it with the uploaded files into an encrypted archive."""
    fernet = _key()
    manifest: dict[str, Any] = {"format": FORMAT, "created": timezone.now().isoformat(), "files": 0}
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.dump"
        args, env = _pg_env(database)
        _run(["pg_dump", *args, "--format=custom", "--file", str(dump), database["NAME"]], env)
        packed = io.BytesIO()
        with tarfile.open(fileobj=packed, mode="w:gz") as tar:
            tar.add(dump, arcname="database.dump")
            if media_root.is_dir():
                for path in sorted(media_root.rglob("*")):
                    if path.is_file():
                        tar.add(path, arcname=f"media/{path.relative_to(media_root)}")
                        manifest["files"] += 1
            data = json.dumps(manifest).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    output.write_bytes(fernet.encrypt(packed.getvalue()))
    output.chmod(0o600)
    return manifest


def restore_backup(source: Path, *, database_url: str, media_root: Path) -> dict[str, Any]:
    """Restore an archive into an existing, empty database and a media directory."""
    fernet = _key()
    try:
        packed = fernet.decrypt(source.read_bytes())
    except InvalidToken as error:
        raise BackupError(_("备份文件无法解密：密钥不对或文件已损坏。")) from error
    url = urlparse(database_url)
    database: dict[str, Any] = {
        "HOST": url.hostname,
        "PORT": url.port,
        "USER": url.username,
        "PASSWORD": url.password,
        "NAME": url.path.lstrip("/"),
    }
    with (
        tempfile.TemporaryDirectory() as work,
        tarfile.open(fileobj=io.BytesIO(packed), mode="r:gz") as tar,
    ):
        tar.extractall(work, filter="data")
        manifest = json.loads((Path(work) / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(_("不是本系统的备份文件。"))
        args, env = _pg_env(database)
        _run(
            [
                "pg_restore",
                *args,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                str(database["NAME"]),
                str(Path(work) / "database.dump"),
            ],
            env,
        )
        media = Path(work) / "media"
        if media.is_dir():
            shutil.copytree(media, media_root, dirs_exist_ok=True)
    return manifest
