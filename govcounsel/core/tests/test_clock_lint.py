"""The day is the Beijing day: no code asks the machine's clock or a UTC instant for a date.

`date.today()` and `datetime.now()` follow the process's TZ, and `.date()` of an aware
datetime gives its UTC date, a day off for eight hours of every day. The one right way
is `timezone.localdate()` (or `timezone.localdate(instant)`); `timezone.now()` for
instants. A naive value that never had a time zone (a spreadsheet cell, a parsed
string) may call `.date()` when its line says so with a `# naive:` comment.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SCANNED = ("govcounsel", "config", "benchmarks")
NAIVE_MARK = "# naive:"


def _python_files() -> list[Path]:
    files: list[Path] = []
    for top in SCANNED:
        files += [p for p in (ROOT / top).rglob("*.py") if "migrations" not in p.parts]
    return files


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return f"{_dotted(node.func)}()"
    return "?"


def clock_misuses(source: str) -> list[tuple[int, str]]:
    """(line, call) for each reading of the day that bypasses timezone.localdate()."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = _dotted(node.func)
        attr = node.func.attr
        receiver = _dotted(node.func.value)
        bad = (
            (attr == "today" and receiver.split(".")[-1] in {"date", "datetime"})
            or (attr in {"utcnow", "utcfromtimestamp"})
            or (
                attr == "now"
                and receiver.split(".")[-1] == "datetime"
                and not (node.args or node.keywords)
            )
            or (
                attr == "date"
                and not node.args
                and not receiver.endswith("localtime()")
                and NAIVE_MARK not in lines[node.lineno - 1]
            )
        )
        if bad:
            found.append((node.lineno, name))
    return found


def test_no_code_reads_the_day_from_the_machine_clock_or_a_utc_instant():
    offenders = [
        f"{path.relative_to(ROOT)}:{line} {call}()"
        for path in _python_files()
        for line, call in clock_misuses(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use timezone.localdate(): " + ", ".join(offenders)


def test_the_clock_lint_catches_each_way_of_getting_the_day_wrong():
    source = "\n".join(
        [
            "a = date.today()",
            "b = datetime.date.today()",
            "c = timezone.now().date()",
            "d = matter.closed_at.date()",
            "e = datetime.utcnow()",
            "f = datetime.now()",
            "g = timezone.localdate()",
            "h = timezone.localtime().date()",
            "i = cell.value.date()  # naive: spreadsheet cells carry no time zone",
            "j = datetime.now(tz=UTC)",
        ]
    )
    assert [line for line, _ in clock_misuses(source)] == [1, 2, 3, 4, 5, 6]
