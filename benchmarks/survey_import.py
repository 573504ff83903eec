"""Survey import speed: 10,000 rows must import in under 30 seconds.

Measures, in one run on PostgreSQL: the raw read of the file with openpyxl (baseline),
the dry run (read + check every row), the import, and a re-import of the same file.
Usage: .venv/bin/python benchmarks/survey_import.py [rows]   (DATABASE_URL as for tests)
"""

from __future__ import annotations

import io
import os
import random
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/govcounsel_bench")


def ensure_database() -> None:
    import psycopg
    from psycopg import sql

    url = urllib.parse.urlparse(os.environ["DATABASE_URL"])
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as conn:
        name = url.path.lstrip("/")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def build_file(rows: int, unit_codes: list[str]) -> bytes:
    from datetime import date

    from openpyxl import Workbook

    from govcounsel.demo import generators as gen
    from govcounsel.people.survey import HEADERS

    rng = random.Random(2023)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("摸排表")
    sheet.append(HEADERS)
    seen: set[str] = set()
    for index in range(rows):
        sex = rng.choice("MF")
        number = gen.unique_id_number(rng, seen, sex=sex)
        qualified = rng.random() < 0.6
        sheet.append(
            [
                gen.name(rng),
                number,
                "男" if sex == "M" else "女",
                gen.mobile(rng),
                rng.choice(unit_codes),
                "是",
                "是" if rng.random() < 0.4 else "否",
                "法律职业资格A类" if qualified else None,
                f"B{index:014d}" if qualified else None,
                date(2010 + index % 14, 3, 1) if qualified else None,
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def timed(label: str, action):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    print(f"  {label:<34} {seconds:8.2f} s")
    return result, seconds


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from openpyxl import load_workbook

    from govcounsel.accounts.choices import Role
    from govcounsel.accounts.models import RoleGrant, User
    from govcounsel.demo import generators as gen
    from govcounsel.organisations.models import Region, Unit
    from govcounsel.people.models import Person, Qualification
    from govcounsel.people.survey import import_survey, plan_survey

    call_command("migrate", verbosity=0)
    rng = random.Random(1)
    region = Region.objects.filter(code="610722").first() or Region.objects.insert(
        code="610722",
        name="城固县",
        parent=Region.objects.filter(code="610700").first()
        or Region.objects.insert(
            code="610700",
            name="汉中市",
            parent=Region.objects.filter(code="610000").first()
            or Region.objects.insert(code="610000", name="陕西省"),
        ),
    )
    units = list(Unit.objects.filter(region=region, name__startswith="基准单位"))
    for index in range(len(units), 40):
        units.append(
            Unit.objects.create(
                name=f"基准单位{index}",
                credit_code=gen.credit_code(rng, region.code, "government_organ"),
                kind="government_organ",
                level="county",
                region=region,
            )
        )
    user, _ = User.objects.get_or_create(username="bench_bureau")
    RoleGrant.objects.get_or_create(user=user, role=Role.JUSTICE_BUREAU, region=region)
    Qualification.objects.filter(person__unit__in=units).delete()
    Person.objects.filter(unit__in=units).delete()

    content = build_file(rows, [u.credit_code for u in units])
    print(f"survey import, {rows:,} rows, {len(content) / 1e6:.1f} MB, PostgreSQL")

    def raw_read() -> int:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        return sum(1 for _ in sheet.iter_rows(values_only=True))

    _, baseline = timed("baseline: openpyxl read", raw_read)
    plan, dry = timed("dry run (read + check)", lambda: plan_survey(content, by=user))
    assert not plan.errors, plan.errors[:5]
    result, first = timed("import", lambda: import_survey(content, by=user))
    again, _second = timed("re-import of the same file", lambda: import_survey(content, by=user))
    assert result.summary()["new_people"] == rows
    assert again.summary()["unchanged"] == rows
    print(f"  ratio import / baseline read        {first / baseline:8.1f} x")
    print(f"  ratio dry run / baseline read       {dry / baseline:8.1f} x")
    verdict = "PASS" if first < 30 else "FAIL"
    print(f"  import under 30 s: {verdict} ({first:.1f} s)")
    Qualification.objects.filter(person__unit__in=units).delete()
    Person.objects.filter(unit__in=units).delete()
    sys.exit(0 if first < 30 else 1)


if __name__ == "__main__":
    main()
