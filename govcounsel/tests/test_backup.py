"""A backup restores: the database and the uploaded files, encrypted with a key apart from
the field-encryption key, come back in a fresh database where an ID number and an uploaded
scan read as they were (docs/operations.md, ADR 0010)."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from cryptography.fernet import Fernet
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from govcounsel.accounts.choices import Role
from govcounsel.accounts.tests.factories import user_with
from govcounsel.core import crypto
from govcounsel.organisations.tests.factories import UnitFactory, make_region
from govcounsel.people.models import SurveyUpload
from govcounsel.people.tests.factories import PersonFactory

pytestmark = [pytest.mark.production, pytest.mark.django_db(transaction=True)]

ID_NUMBER = "11010519491231002X"
SCAN = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _server(dbname: str = "postgres") -> psycopg.Connection:
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname=dbname, autocommit=True
    )


@pytest.fixture
def fresh_database():
    name = f"gc_restore_{uuid.uuid4().hex[:10]}"
    with _server() as server:
        server.execute(f"CREATE DATABASE {name}")
    db = connection.settings_dict
    try:
        yield name, f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    finally:
        with _server() as server:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def on_disk(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    monkeypatch.setenv("BACKUP_ENCRYPTION_KEY", Fernet.generate_key().decode())
    return tmp_path


def test_backup_restores_an_id_number_and_an_uploaded_scan_into_a_fresh_database(
    on_disk, fresh_database
):
    person = PersonFactory(
        id_number=ID_NUMBER, sex="F", unit=UnitFactory(region=make_region("110000", "北京市"))
    )
    upload = SurveyUpload.objects.create(
        file=ContentFile(SCAN, name="scan.pdf"),
        filename="scan.pdf",
        uploaded_by=user_with(Role.AUDIT_ADMIN),
    )
    archive = on_disk / "govcounsel.backup"
    call_command("backup", output=archive)
    # Encrypted: neither the dump nor the scan can be read from the archive.
    assert SCAN not in archive.read_bytes()
    assert b"PGDMP" not in archive.read_bytes()

    name, url = fresh_database
    restored_media = on_disk / "restored-media"
    call_command("restore", input=archive, database_url=url, media_root=restored_media)

    with _server(name) as restored:
        cipher = restored.execute(
            "SELECT id_number_cipher FROM people_person WHERE id = %s", [person.pk]
        ).fetchone()[0]  # type: ignore[index]
        file_name = restored.execute(
            "SELECT file FROM people_surveyupload WHERE id = %s", [upload.pk]
        ).fetchone()[0]  # type: ignore[index]
    assert crypto.decrypt(cipher) == ID_NUMBER
    assert (restored_media / file_name).read_bytes() == SCAN


def test_backup_refuses_the_field_encryption_key(on_disk, settings, monkeypatch):
    settings.FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()
    monkeypatch.setenv("BACKUP_ENCRYPTION_KEY", settings.FIELD_ENCRYPTION_KEY)
    with pytest.raises(CommandError, match="FIELD_ENCRYPTION_KEY"):
        call_command("backup", output=on_disk / "x.backup")


def test_restore_with_another_key_fails_clearly(on_disk, fresh_database, monkeypatch):
    archive = on_disk / "govcounsel.backup"
    call_command("backup", output=archive)
    monkeypatch.setenv("BACKUP_ENCRYPTION_KEY", Fernet.generate_key().decode())
    with pytest.raises(CommandError, match="无法解密"):
        call_command("restore", input=archive, database_url=fresh_database[1])


def test_scripts_call_the_commands():
    root = Path(__file__).resolve().parents[2]
    for script in ("backup", "restore"):
        done = subprocess.run(  # noqa: S603
            [str(root / "scripts" / script)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 2
        assert "用法" in done.stderr
