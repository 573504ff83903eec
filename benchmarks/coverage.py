"""National coverage roll-up: the project's code path against hand-written SQL.

In one run on PostgreSQL: every province, city and county, as of today and as of a past
date, through `coverage.selectors.figures_by_region` and through one hand-written SQL
`GROUP BY` (roll-up done in SQL by joining each unit's region to its ancestors). The two
must agree exactly; the median ratio must be at most 2.0 and the warm national roll-up
under one second.

Usage: .venv/bin/python benchmarks/coverage.py [scale]   (1.0 = 3,000 counties, 50,000
units, 1,000,000 people, 150,000 certificates; the data set is built once per database)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import urllib.parse
from datetime import date
from pathlib import Path

from django.utils import timezone

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/govcounsel_national")

# The same history semantics as the project (ADR 0009): a unit counts on the day if one of
# its versions covers the day; a candidate is a person whose version of the day is in the
# unit, a civil servant, full time on legal affairs and in post, qualified by the day, in a
# unit that is a party or government organ on the day.
BASELINE = """
WITH flags AS (
  SELECT r.path AS path,
    EXISTS (SELECT 1 FROM certificates_activeperiod p
            WHERE p.unit_id = u.id AND p.started_on <= %(day)s
              AND (p.ended_on IS NULL OR p.ended_on > %(day)s)) AS lawyer,
    EXISTS (SELECT 1 FROM people_legaladviser a
            WHERE a.unit_id = u.id AND a.service_start <= %(day)s
              AND (a.service_end IS NULL OR a.service_end >= %(day)s)) AS adviser,
    v.kind IN ('party_organ', 'government_organ') AND
    EXISTS (SELECT 1 FROM people_personversion pv
            WHERE pv.unit_id = u.id AND pv.valid_from <= %(day)s
              AND (pv.valid_to IS NULL OR pv.valid_to > %(day)s)
              AND pv.is_civil_servant AND pv.full_time_legal
              AND pv.employment_status = 'in_post'
              AND EXISTS (SELECT 1 FROM people_qualification q
                          WHERE q.person_id = pv.person_id
                            AND q.obtained_on <= %(day)s)) AS candidate
  FROM organisations_unit u
  JOIN organisations_unitversion v
    ON v.unit_id = u.id AND v.valid_from <= %(day)s
   AND (v.valid_to IS NULL OR v.valid_to > %(day)s)
  JOIN organisations_region r ON r.id = u.region_id
)
SELECT a.path, count(*),
       count(*) FILTER (WHERE lawyer),
       count(*) FILTER (WHERE NOT lawyer AND adviser),
       count(*) FILTER (WHERE NOT lawyer AND candidate)
FROM flags f JOIN organisations_region a ON f.path LIKE a.path || '%%'
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
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from govcounsel.coverage.groups import UnitGroup
    from govcounsel.coverage.selectors import figures_by_region
    from govcounsel.organisations.models import Region, Unit
    from govcounsel.people.models import Person

    call_command("migrate", verbosity=0)
    if not Unit.objects.exists():
        started = time.perf_counter()
        call_command("seed_scale", scale=scale, matters=0, disputes=0, verbosity=0)
        print(f"built the data set in {time.perf_counter() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    counties = Region.objects.filter(level="county").count()
    print(
        f"data: {counties:,} counties, {Unit.objects.count():,} units, "
        f"{Person.objects.count():,} people, {Region.objects.count():,} regions in the roll-up"
    )

    def ours(day: date) -> dict[str, tuple[int, int, int, int]]:
        figures = figures_by_region(None, None, UnitGroup(), day)
        return {
            path: (f.units, f.covered, f.advised_only, f.shortfall) for path, f in figures.items()
        }

    def baseline(day: date) -> dict[str, tuple[int, int, int, int]]:
        with connection.cursor() as cursor:
            cursor.execute(BASELINE, {"day": day})
            return {row[0]: tuple(row[1:]) for row in cursor.fetchall()}

    ratios, verdicts = [], []
    for day in (timezone.localdate(), date(2023, 12, 31)):
        assert ours(day) == baseline(day), f"figures disagree on {day}"
        mine = median_seconds(lambda d=day: ours(d))
        theirs = median_seconds(lambda d=day: baseline(d))
        ratios.append(mine / theirs)
        verdicts.append(mine < 1.0)
        times = f"project {mine * 1000:7.1f} ms, hand SQL {theirs * 1000:7.1f} ms"
        print(f"  as of {day}: {times}, ratio {mine / theirs:4.2f}")
    ratio = statistics.median(ratios)
    ok = ratio <= 2.0 and all(verdicts)
    fast = all(verdicts)
    print(f"  figures agree exactly; median ratio {ratio:.2f} (bar 2.0); warm under 1 s: {fast}")
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
