"""Doing a workflow verb in the demo as a person does it on the page: the declared verb's
service and then its notices (core/verbs.py `Verb.perform`), so that each demo account
finds in its inbox what waits for it."""

from __future__ import annotations

from typing import Any

from govcounsel.core import verbs


def act(obj: Any, name: str, by: Any, **data: Any) -> Any:
    declared = verbs.find(verbs.label_of(type(obj)), name)
    if declared is None:
        raise LookupError(f"{verbs.label_of(type(obj))} declares no verb {name!r}")
    return declared.perform(obj, by, **data)
