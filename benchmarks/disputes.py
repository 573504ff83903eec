"""Dispute figures roll-up (002 §12): the project's selector against hand-written SQL.

In one run on PostgreSQL: for each of the last three years, the figures of every region
(registrations by registration time, closures with their outcome by closing time, Beijing
periods) through `disputes.figures.by_region_path` — one GROUP BY on the organ's region
path, rolled up to the ancestors in Python — and through one hand-written SQL doing the
same two steps (GROUP BY, then roll-up by joining each region to its ancestors). The two
must agree exactly; the median ratio must be at most 2.0.

Usage: .venv/bin/python benchmarks/disputes.py [disputes] [units]
(default 200,000 disputes over 5,000 units; the data set is built once per database, in
DATABASE_URL or govcounsel_disputes_bench)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/govcounsel_disputes_bench"
)

# The same semantics as the selector: counts of one window per organ's region, then each
# region's total is the sum over the region paths it prefixes.
BASELINE = """
WITH own AS (
  SELECT r.path AS path,
    count(*) FILTER (WHERE d.registered_at >= %(start)s AND d.registered_at < %(end)s) AS reg,
    count(*) FILTER (WHERE d.registered_at >= %(start)s AND d.registered_at < %(end)s
                       AND d.status IN ('qualified', 'handling', 'closed')) AS qual,
    count(*) FILTER (WHERE d.registered_at >= %(start)s AND d.registered_at < %(end)s
                       AND d.status = 'unqualified') AS unqual,
    count(*) FILTER (WHERE d.status = 'closed' AND d.closed_at >= %(start)s
                       AND d.closed_at < %(end)s) AS closed,
    count(*) FILTER (WHERE d.status = 'closed' AND d.closed_at >= %(start)s
                       AND d.closed_at < %(end)s
                       AND d.outcome IN ('settled', 'mediated', 'withdrawn')) AS resolved,
    count(*) FILTER (WHERE d.status = 'closed' AND d.closed_at >= %(start)s
                       AND d.closed_at < %(end)s
                       AND d.outcome IN ('to_reconsideration', 'to_litigation')) AS referred,
    count(*) FILTER (WHERE d.status = 'closed' AND d.closed_at >= %(start)s
                       AND d.closed_at < %(end)s AND d.outcome = 'not_resolved') AS unresolved
  FROM disputes_dispute d
  JOIN organisations_unit u ON u.id = d.unit_id
  JOIN organisations_region r ON r.id = u.region_id
  WHERE (d.registered_at >= %(start)s AND d.registered_at < %(end)s)
     OR (d.status = 'closed' AND d.closed_at >= %(start)s AND d.closed_at < %(end)s)
  GROUP BY r.path
)
SELECT a.path, sum(reg), sum(qual), sum(unqual), sum(closed), sum(resolved), sum(referred),
       sum(unresolved)
FROM own JOIN organisations_region a ON own.path LIKE a.path || '%%'
GROUP BY a.path
"""


def ensure_database() -> None:
    import psycopg
    from psycopg import sql

    url = urllib.parse.urlparse(os.environ["DATABASE_URL"])
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as conn:
        name = url.path.lstrip("/")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def median_seconds(action, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    action()  # warm the caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    units = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    ensure_database()
    import django

    django.setup()
    from auditlog.context import disable_auditlog
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from govcounsel.demo.scale import ScaleSize, build, build_disputes
    from govcounsel.disputes.figures import by_region_path, visible_disputes, window
    from govcounsel.disputes.models import Dispute
    from govcounsel.organisations.models import Region, Unit

    call_command("migrate", verbosity=0)
    if not Unit.objects.exists():
        started = time.perf_counter()
        # Regions and units only: the disputes need no people or certificates.
        size = ScaleSize(
            counties=max(1, units // 17), units=units, people=0, certificates=0, advisers=0
        )
        with disable_auditlog():
            build(size, say=lambda _text: None)
            build_disputes(count, say=lambda _text: None)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"built the data set in {time.perf_counter() - started:.0f} s")
    print(
        f"data: {Dispute.objects.count():,} disputes, {Unit.objects.count():,} units, "
        f"{Region.objects.count():,} regions in the roll-up"
    )

    def ours(year: int) -> dict[str, tuple[int, ...]]:
        start, end = window(year)
        figures = by_region_path(visible_disputes(None), start, end)
        return {
            path: (
                f.registered,
                f.qualified,
                f.unqualified,
                f.closed,
                f.resolved,
                f.referred,
                f.not_resolved,
            )
            for path, f in figures.items()
            if not path.startswith("=")  # the 本级 rows are not a region's total
        }

    def baseline(year: int) -> dict[str, tuple[int, ...]]:
        start, end = window(year)
        with connection.cursor() as cursor:
            cursor.execute(BASELINE, {"start": start, "end": end})
            return {row[0]: tuple(int(v) for v in row[1:]) for row in cursor.fetchall()}

    this_year = timezone.localdate().year
    ratios = []
    for year in (this_year, this_year - 1, this_year - 2):
        assert ours(year) == baseline(year), f"figures disagree for {year}"
        mine = median_seconds(lambda y=year: ours(y))
        theirs = median_seconds(lambda y=year: baseline(y))
        ratios.append(mine / theirs)
        times = f"project {mine * 1000:7.1f} ms, hand SQL {theirs * 1000:7.1f} ms"
        print(f"  {year}: {times}, ratio {mine / theirs:4.2f}")
    ratio = statistics.median(ratios)
    print(f"  figures agree exactly; median ratio {ratio:.2f} (bar 2.0)")
    print("PASS" if ratio <= 2.0 else "FAIL")
    sys.exit(0 if ratio <= 2.0 else 1)


if __name__ == "__main__":
    main()
