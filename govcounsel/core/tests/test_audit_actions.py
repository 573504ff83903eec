"""Every audit action is declared with a label (ADR 0017): the code writes no name that is not
declared, builds none with an f-string, and the catalogue carries every label."""

from __future__ import annotations

import ast
import importlib
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polib
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import override

from govcounsel.core.audit import record_event
from govcounsel.core.audit_actions import AuditActionRegistry, actions
from govcounsel.core.models import AuditEvent
from govcounsel.core.tests.test_translations import CATALOGUE

SOURCE = Path(__file__).resolve().parents[2]
# Functions that hand a caller's action name on to record_event, and the argument carrying it.
PASS_THROUGH = {"model_update": "event"}


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _lookup(module: str, name: str) -> Mapping[Any, Any] | None:
    """A module-level mapping the code looks an action name up in (verb → name), defined in
    the module or imported into it."""
    value = getattr(importlib.import_module(module), name, None)
    return value if isinstance(value, Mapping) else None


def _names(node: ast.expr | None, where: str, problems: list[str], module: str = "") -> list[str]:
    """The action names an argument can take; what cannot be checked is a problem. A lookup
    `SOME_EVENTS[key]` in a module-level mapping can take every value of the mapping."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _names(node.body, where, problems, module) + _names(
            node.orelse, where, problems, module
        )
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        mapping = _lookup(module, node.value.id)
        if mapping is not None and all(isinstance(v, str) for v in mapping.values()):
            return list(mapping.values())
    if isinstance(node, ast.JoinedStr):
        problems.append(f"{where}: an action name built with an f-string")
    else:
        problems.append(f"{where}: an action name that cannot be checked")
    return []


def _written_names() -> tuple[dict[str, list[str]], list[str]]:
    written: dict[str, list[str]] = {}
    problems: list[str] = []
    for path in sorted(SOURCE.rglob("*.py")):
        relative = path.relative_to(SOURCE.parent)
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called(node)
            where = f"{relative}:{node.lineno}"
            if name == "record_event":
                argument = node.args[0] if node.args else None
                if path.name == "services.py" and path.parent.name == "core":
                    continue  # model_update: checked at its callers (PASS_THROUGH)
            elif name in PASS_THROUGH:
                argument = next(
                    (k.value for k in node.keywords if k.arg == PASS_THROUGH[name]), None
                )
            else:
                continue
            module = ".".join(relative.with_suffix("").parts)
            for action in _names(argument, where, problems, module):
                written.setdefault(action, []).append(where)
    return written, problems


def test_the_code_builds_no_action_name_it_cannot_show():
    _written, problems = _written_names()
    assert problems == []


def test_every_action_name_written_in_the_code_is_declared_with_a_label():
    written, _problems = _written_names()
    assert len(written) > 50  # the walk found the calls
    undeclared = {name: places for name, places in written.items() if name not in actions}
    assert undeclared == {}


def test_every_declared_action_has_a_group_and_a_label_in_chinese():
    groups = {g.key for g in actions.groups()}
    for action in actions:
        assert action.group in groups
        with override("zh-hans"):
            label = str(action.label)
        assert label
        assert label != action.name


def test_every_label_is_in_the_english_catalogue():
    """makemessages picks the labels up; this fails until the catalogue carries them."""
    catalogue = {entry.msgid for entry in polib.pofile(str(CATALOGUE)) if entry.translated()}
    with override("zh-hans"):  # the source language: a label reads as its msgid
        labels = [str(a.label) for a in actions] + [str(g.label) for g in actions.groups()]
    assert [label for label in labels if label not in catalogue] == []


@pytest.mark.django_db
def test_record_event_refuses_an_undeclared_name():
    with pytest.raises(ValueError, match="not declared"):
        record_event("people.person.renamed")
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_production_keeps_an_undeclared_event_and_logs_it(settings, caplog):
    settings.AUDIT_STRICT_ACTIONS = False
    with caplog.at_level(logging.ERROR, logger="govcounsel.core.audit"):
        event = record_event("people.person.renamed")
    assert event.pk is not None
    assert "people.person.renamed" in caplog.text


def test_the_registry_refuses_a_malformed_duplicate_or_ungrouped_name():
    registry = AuditActionRegistry()
    registry.group("people", "人员")
    registry.register("people.person.created", "新增人员", group="people")
    with pytest.raises(ImproperlyConfigured):
        registry.register("people.person.created", "再次新增", group="people")
    with pytest.raises(ImproperlyConfigured):
        registry.register("People Created", "新增", group="people")
    with pytest.raises(ImproperlyConfigured):
        registry.register("matters.matter.closed", "办结", group="matters")


def test_a_name_declared_for_a_test_is_gone_after_it():
    with actions.declared("test.only.here"):
        assert "test.only.here" in actions
    assert "test.only.here" not in actions
    assert "test" not in {g.key for g in actions.groups()}
