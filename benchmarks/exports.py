"""Exporting a register: the streaming writers against the old in-memory path (ADR 0018).

Three ways to write the staff register (`PersonReport`):

  old xlsx   the file built in a BytesIO and returned as bytes in an HttpResponse (the path
             before ADR 0018, still used for exports under EXPORT_SYNC_ROWS);
  new xlsx   the same workbook written to a temporary file (the background job's path);
  new csv    the csv generator consumed chunk by chunk, as a StreamingHttpResponse sends it.

Part 1, the writers alone: rows made in Python (no database), 20,000 and 200,000 of them.
Part 2, through PostgreSQL as the list page exports: 20,000 and 100,000 people with their
unit and qualifications (`iterator(chunk_size=2000)`), and the whole background job for
100,000 (the list view replayed for a supervisor of every province, progress, storage).

Each case runs twice: once for time, once under tracemalloc for the peak of Python memory
and what the result still holds once written. The new writers' peak must not grow with the
rows (largest / smallest within 1.5 in both parts); the old path's grows with the file.
Through the database, one chunk of 2,000 people with their prefetched qualifications
(about 30 MiB) sets the peak of every path until the old path's copies of the file
overtake it, a little beyond 100,000 rows.

Usage: .venv/bin/python benchmarks/exports.py   (the data set, 100,000 people at scale 0.1,
is built once in the database govcounsel_exports_bench)
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
import tracemalloc
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/govcounsel_exports_bench")
SIZES = (20_000, 100_000)
WRITER_SIZES = (20_000, 200_000)
MIB = 1024 * 1024
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
        gc.collect()  # model instances sit in reference cycles; count only what is held
        held, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return seconds, peak, held


Figures = dict[tuple[str, int], tuple[float, int, int]]


def report(title: str, figures: Figures, sizes: tuple[int, int]) -> bool:
    print(title)
    print(f"  {'path':<9} {'rows':>8} {'time':>8} {'peak memory':>12} {'held after':>12}")
    for (label, n), (seconds, peak, held) in figures.items():
        print(
            f"  {label:<9} {n:>8,} {seconds:>7.2f}s {peak / MIB:>8.1f} MiB {held / MIB:>8.1f} MiB"
        )
    small, large = sizes
    flat = True
    for label in ("old xlsx", "new xlsx", "new csv"):
        growth = figures[(label, large)][1] / figures[(label, small)][1]
        print(f"  {label}: peak at {large:,} / peak at {small:,} rows = {growth:.2f}")
        if label != "old xlsx":
            flat = flat and growth <= 1.5
    for label in ("new xlsx", "new csv"):
        ratio = figures[("old xlsx", large)][1] / figures[(label, large)][1]
        print(f"  peak of old xlsx / {label} at {large:,} rows: {ratio:.2f}")
    return flat


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
            call_command("seed_scale", scale=SCALE, matters=0, disputes=0, verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    def people(n: int) -> Iterator[Person]:
        rows = Person.objects.select_related("unit").prefetch_related("qualifications")
        return rows.order_by("pk")[:n].iterator(chunk_size=CHUNK_ROWS)

    unit = SimpleNamespace(name="北京市朝阳区市场监督管理局")
    none = SimpleNamespace(all=list)

    def made(n: int) -> Iterator[SimpleNamespace]:
        """Rows shaped like people, made in Python: the writers' own cost, no database."""
        for i in range(n):
            yield SimpleNamespace(
                name=f"人员{i:07d}",
                get_sex_display=lambda: "男",
                birth_year=1980 + i % 30,
                id_number_masked=f"110105********{i % 10000:04d}",
                phone_masked=f"138****{i % 10000:04d}",
                unit=unit,
                is_civil_servant=True,
                full_time_legal=i % 5 == 0,
                get_employment_status_display=lambda: "在职",
                qualifications=none,
            )

    Source = Callable[[int], Iterable[Any]]

    def old_xlsx(source: Source, n: int) -> Callable[[], object]:
        return lambda: HttpResponse(write_xlsx(PersonReport(), source(n), exported_by="bench"))

    def new_xlsx(source: Source, n: int) -> Callable[[], object]:
        def run() -> None:
            with tempfile.TemporaryFile() as scratch:
                write_xlsx_to(PersonReport(), source(n), scratch, exported_by="bench")

        return run

    def new_csv(source: Source, n: int) -> Callable[[], object]:
        def run() -> None:
            for _chunk in iter_csv(PersonReport(), source(n)):
                pass  # handed to the server as a StreamingHttpResponse would

        return run

    cases = (("old xlsx", old_xlsx), ("new xlsx", new_xlsx), ("new csv", new_csv))
    writers: Figures = {}
    for n in WRITER_SIZES:
        for label, case in cases:
            writers[(label, n)] = measure(case(made, n))
            print(f"  measured {label}, {n:,} rows made in Python", file=sys.stderr, flush=True)
    database: Figures = {}
    for n in SIZES:
        for label, case in cases:
            database[(label, n)] = measure(case(people, n))
            print(f"  measured {label}, {n:,} people", file=sys.stderr, flush=True)

    # The background job end to end, for everyone: a supervisor of every province.
    supervisor, _ = User.objects.get_or_create(username="bench_exports")
    for province in Region.objects.filter(depth=1):
        RoleGrant.objects.get_or_create(user=supervisor, role=Role.SUPERVISOR, region=province)
    total = Person.objects.count()

    def job() -> None:
        queued = ExportJob.objects.create(
            owner=supervisor,
            title="人员",
            view="govcounsel.people.views.people.PersonListView",
            path="/people/",
            format=ExportFormat.CSV,
        )
        export_jobs.run_export(queued.pk)
        queued.refresh_from_db()
        assert queued.status == ExportStatus.DONE, queued.error
        assert queued.done == total, (queued.done, total)
        queued.file.delete(save=False)

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
        database[("job csv", total)] = measure(job)

    flat = report("1. the writers alone (rows made in Python)", writers, WRITER_SIZES)
    flat = report("2. the staff register through PostgreSQL", database, SIZES) and flat
    print(f"streaming writers flat in memory (bar 1.5): {'PASS' if flat else 'FAIL'}")
    sys.exit(0 if flat else 1)


if __name__ == "__main__":
    main()
