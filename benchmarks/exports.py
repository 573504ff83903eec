"""Exporting a register: the streaming writers against the old in-memory path (ADR 0018).

In one run on PostgreSQL, for 20,000 and 100,000 people (the staff register, `PersonReport`,
with its unit and qualifications, as the list page exports it):

  old xlsx   the file built in a BytesIO and returned as bytes (the path before ADR 0018,
             still used for exports under EXPORT_SYNC_ROWS);
  new xlsx   the same workbook written to a temporary file (the background job's path);
  new csv    the csv generator consumed chunk by chunk, as a StreamingHttpResponse sends it;
  job csv    the whole background job for the largest size: replaying the list view for a
             supervisor of every province, progress updates, the file saved to storage.

Each case runs twice: once for time, once under tracemalloc for the peak of Python memory
and for what is still held when the writer returns (the old path holds the whole file,
three copies of it on the way: the BytesIO, its value, the response). The new writers'
peak must not grow with the number of rows: the 100k peak must stay within 1.5 times the
20k peak, and they hold nothing once written. (Below a few hundred thousand rows the peak of
every path is set by one chunk of 2,000 people with their prefetched qualifications; the
old path's file copies overtake it beyond that.)

Usage: .venv/bin/python benchmarks/exports.py   (the data set, 100,000 people at scale 0.1,
is built once in the database govcounsel_exports_bench)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import tracemalloc
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/govcounsel_exports_bench")
SIZES = (20_000, 100_000)
SCALE = 0.1  # 300 counties, 5,000 units, 100,000 people


def ensure_database() -> None:
    import psycopg
    from psycopg import sql

    url = urllib.parse.urlparse(os.environ["DATABASE_URL"])
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as conn:
        name = url.path.lstrip("/")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def measure(run: Callable[[], object]) -> tuple[float, int, int]:
    """(seconds, peak bytes, bytes still held by the result) of one call; timed without
    tracemalloc."""
    started = time.perf_counter()
    run()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    try:
        result = run()
        held, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return seconds, peak, held


def main() -> None:
    ensure_database()
    import django

    django.setup()
    from auditlog.context import disable_auditlog
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.http import HttpResponse
    from django.test import override_settings

    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.models import RoleGrant, User
    from govcounsel.core import export_jobs
    from govcounsel.core.choices import ExportFormat, ExportStatus
    from govcounsel.core.exporters import CHUNK_ROWS, iter_csv, write_xlsx, write_xlsx_to
    from govcounsel.core.models import ExportJob
    from govcounsel.organisations.models import Region
    from govcounsel.people.models import Person
    from govcounsel.people.reports import PersonReport

    call_command("migrate", verbosity=0)
    if Person.objects.count() < max(SIZES):
        started = time.perf_counter()
        with disable_auditlog():
            call_command("seed_scale", scale=SCALE, matters=0, verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    def people(n: int):  # type: ignore[no-untyped-def]
        rows = Person.objects.select_related("unit").prefetch_related("qualifications")
        return rows.order_by("pk")[:n].iterator(chunk_size=CHUNK_ROWS)

    def old_xlsx(n: int) -> Callable[[], object]:
        return lambda: HttpResponse(write_xlsx(PersonReport(), people(n), exported_by="bench"))

    def new_xlsx(n: int) -> Callable[[], object]:
        def run() -> int:
            with tempfile.TemporaryFile() as scratch:
                return write_xlsx_to(PersonReport(), people(n), scratch, exported_by="bench")

        return run

    def new_csv(n: int) -> Callable[[], object]:
        def run() -> int:
            sent = 0
            for chunk in iter_csv(PersonReport(), people(n)):
                sent += len(chunk)  # what a StreamingHttpResponse hands to the server
            return sent

        return run

    figures: dict[tuple[str, int], tuple[float, int, int]] = {}
    for n in SIZES:
        for label, case in (("old xlsx", old_xlsx), ("new xlsx", new_xlsx), ("new csv", new_csv)):
            figures[(label, n)] = measure(case(n))
            print(f"  measured {label} at {n:,} rows", file=sys.stderr, flush=True)

    # The background job end to end, for everyone: a supervisor of every province.
    supervisor, _ = User.objects.get_or_create(username="bench_exports")
    for province in Region.objects.filter(depth=1):
        RoleGrant.objects.get_or_create(user=supervisor, role=Role.SUPERVISOR, region=province)
    total = Person.objects.count()

    def job() -> object:
        queued = ExportJob.objects.create(
            owner=supervisor,
            title="人员",
            view="govcounsel.people.views.PersonListView",
            path="/people/",
            format=ExportFormat.CSV,
        )
        export_jobs.run_export(queued.pk)
        queued.refresh_from_db()
        assert queued.status == ExportStatus.DONE, queued.error
        assert queued.done == total, (queued.done, total)
        queued.file.delete(save=False)
        return None

    # The job's file goes to disk as in production (the test settings keep files in memory).
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(
            MEDIA_ROOT=media,
            STORAGES={
                **settings.STORAGES,
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            },
        ),
    ):
        figures[("job csv", total)] = measure(job)

    mib = 1024 * 1024
    print(f"exports of the staff register (PersonReport), {SIZES[0]:,} and {SIZES[1]:,} rows")
    print(f"  {'path':<9} {'rows':>8} {'time':>8} {'peak memory':>12} {'held after':>12}")
    for (label, n), (seconds, peak, held) in figures.items():
        print(
            f"  {label:<9} {n:>8,} {seconds:>7.2f}s {peak / mib:>8.1f} MiB {held / mib:>8.1f} MiB"
        )
    small, large = SIZES
    verdicts = []
    for label in ("old xlsx", "new xlsx", "new csv"):
        growth = figures[(label, large)][1] / figures[(label, small)][1]
        print(f"  {label}: peak at {large:,} rows / peak at {small:,} rows = {growth:.2f}")
        if label != "old xlsx":
            verdicts.append(growth <= 1.5)
            verdicts.append(figures[(label, large)][2] < 1024 * 1024)
    for label in ("new xlsx", "new csv"):
        ratio = figures[("old xlsx", large)][1] / figures[(label, large)][1]
        print(f"  old xlsx / {label} peak at {large:,} rows: {ratio:.2f}")
    ok = all(verdicts)
    print(f"  streaming writers flat in memory (bar 1.5): {'PASS' if ok else 'FAIL'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
