"""Statuses come from their TextChoices in choices.py, never spelled out as strings.

A literal such as `matter.status == "closed"` or `.filter(status="dispatched")` still runs
after the enum's value is renamed, and silently matches nothing; `MatterStatus.CLOSED`
fails at import. Tests may compare with literals (they read like the rules); migrations
freeze what the enums were. Templates compare with a model property or a boolean from the
view instead (`matter.is_closed`).
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SCANNED = ("govcounsel", "config")


def _python_files() -> list[Path]:
    files: list[Path] = []
    for top in SCANNED:
        files += [
            p
            for p in (ROOT / top).rglob("*.py")
            if "migrations" not in p.parts and "tests" not in p.parts
        ]
    return files


def _is_status(name: str | None) -> bool:
    """`status`, `employment_status`, and lookups through relations (`matter__status`)."""
    return bool(name) and (name == "status" or name.endswith(("_status", "__status")))


def _names_status(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        return _is_status(node.attr)
    if isinstance(node, ast.Name):
        return _is_status(node.id)
    return False


def _string_literals(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_string_literals(element) for element in node.elts)
    if isinstance(node, ast.IfExp):
        return _string_literals(node.body) or _string_literals(node.orelse)
    return False


def status_literals(source: str) -> list[tuple[int, str]]:
    """(line, code) for each status compared with, or looked up by, a string literal."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_names_status(o) for o in operands) and any(
                _string_literals(o) for o in operands
            ):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.keyword):
            name = (node.arg or "").removesuffix("__in")
            if _is_status(name) and _string_literals(node.value):
                found.append((node.value.lineno, f"{node.arg}={ast.unparse(node.value)}"))
    return sorted(found)


def test_no_status_is_spelled_as_a_string_literal():
    offenders = [
        f"{path.relative_to(ROOT)}:{line} {code}"
        for path in _python_files()
        for line, code in status_literals(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use the TextChoices member from choices.py: " + ", ".join(offenders)


def test_the_lint_catches_each_way_of_spelling_a_status():
    source = "\n".join(
        [
            'a = matter.status == "closed"',
            'b = item.status != "open" and ok',
            'c = Matter.objects.filter(status="closed")',
            'd = qs.exclude(matter__status="closed")',
            'e = Certificate(status="cancelled" if ended else "active")',
            'f = qs.filter(status__in=["applied", "reviewed"])',
            'g = person.employment_status == "in_post"',
            'h = bulletin.status in ("queued", "running")',
            "i = matter.status == MatterStatus.CLOSED",
            "j = qs.filter(status__in=OPEN_APPLICATION)",
            'k = qs.filter(state="closed", title="status")',
        ]
    )
    assert [line for line, _ in status_literals(source)] == [1, 2, 3, 4, 5, 6, 7, 8]
