"""Matter lists at 5,000,000 matters against the same lists at 100,000.

Times, through the API (keyset pages, the project's own code path), page 1 and a deep
page of the busiest unit's matter list and of its district supervisor's overdue list, in
two databases built by `seed_scale` (each once). Each size is measured in its own process;
the ratio 5M / 100k must stay within 1.5 for every list.

Usage: .venv/bin/python benchmarks/matters.py
"""

from __future__ import annotations

import base64
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"100k": 100_000, "5m": 5_000_000}
BASE_SCALE = "0.01"  # 30 counties, 500 units: the matters are what grows
DEEP = {"unit": 1000, "overdue": 500}


def database_url(size: str) -> str:
    return f"postgres://postgres@127.0.0.1:5432/govcounsel_matters_{size}"


def measure(size: str) -> dict[str, float]:
    os.environ["DATABASE_URL"] = database_url(size)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    sys.path.insert(0, str(ROOT))
    import psycopg
    from psycopg import sql

    url = urllib.parse.urlparse(os.environ["DATABASE_URL"])
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as conn:
        name = url.path.lstrip("/")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.models import RoleGrant, User
    from govcounsel.matters.models import Matter
    from govcounsel.organisations.models import Unit

    call_command("migrate", verbosity=0)
    if not Matter.objects.exists():
        started = time.perf_counter()
        call_command(
            "seed_scale", scale=float(BASE_SCALE), matters=SIZES[size], disputes=0, verbosity=0
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"[{size}] built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    busy = Unit.objects.order_by("pk").first()
    assert busy is not None
    office, _ = User.objects.get_or_create(username="bench_office")
    RoleGrant.objects.get_or_create(user=office, role=Role.UNIT_ADMIN, unit=busy)
    supervisor, _ = User.objects.get_or_create(username="bench_supervisor")
    RoleGrant.objects.get_or_create(user=supervisor, role=Role.SUPERVISOR, region=busy.region)

    def cursor_after(queryset, position: int) -> str:  # type: ignore[no-untyped-def]
        row = queryset.order_by("-registered_at", "-id").values_list("registered_at", flat=True)[
            position - 1
        ]
        return base64.b64encode(urllib.parse.urlencode({"p": str(row)}).encode()).decode()

    unit_list = Matter.objects.filter(unit=busy)
    overdue = Matter.objects.overdue().filter(unit__region=busy.region, confidential=False)
    unit_path = f"/api/v1/matters/?unit={busy.pk}&page_size=50"
    overdue_path = "/api/v1/matters/?overdue=true&page_size=50"
    deep_unit = cursor_after(unit_list, DEEP["unit"])
    deep_overdue = cursor_after(overdue, DEEP["overdue"])
    cases = {
        "unit page 1": (office, unit_path),
        "unit deep page": (office, f"{unit_path}&cursor={deep_unit}"),
        "overdue page 1": (supervisor, overdue_path),
        "overdue deep page": (supervisor, f"{overdue_path}&cursor={deep_overdue}"),
    }
    results = {}
    for label, (user, path) in cases.items():
        client = Client()
        client.force_login(user)
        response = client.get(path)
        assert response.status_code == 200, (label, response.status_code)
        assert len(response.json()["results"]) == 50, label
        times = []
        for _ in range(7):
            started = time.perf_counter()
            client.get(path)
            times.append(time.perf_counter() - started)
        results[label] = statistics.median(times)
    results["matters"] = Matter.objects.count()
    return results


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "measure":
        print(json.dumps(measure(sys.argv[2])))
        return
    figures = {}
    for size in SIZES:
        # Each size in its own process: a fresh connection and cache per database.
        out = subprocess.run(  # noqa: S603 -- our own interpreter and script
            [sys.executable, __file__, "measure", size], check=True, capture_output=True, text=True
        )
        figures[size] = json.loads(out.stdout.strip().splitlines()[-1])
    small, large = figures["100k"], figures["5m"]
    sizes = f"{small['matters']:,} vs {large['matters']:,}"
    print(f"matters: {sizes} (keyset pages of 50, median of 7 warm runs)")
    worst = 0.0
    for label in ("unit page 1", "unit deep page", "overdue page 1", "overdue deep page"):
        ratio = large[label] / small[label]
        worst = max(worst, ratio)
        times = f"100k {small[label] * 1000:7.1f} ms   5M {large[label] * 1000:7.1f} ms"
        print(f"  {label:<18} {times}   ratio {ratio:4.2f}")
    print(f"  worst ratio {worst:.2f} (bar 1.5): {'PASS' if worst <= 1.5 else 'FAIL'}")
    sys.exit(0 if worst <= 1.5 else 1)


if __name__ == "__main__":
    main()
