"""`{% verb_panel object %}`: the buttons (with their inputs) of every verb the user may take."""

from __future__ import annotations

from typing import Any

from django import template

from govcounsel.core import verbs
from govcounsel.core.views import bootstrap_form
from govcounsel.core.views.verbs import verb_url as _verb_url

register = template.Library()


@register.inclusion_tag("core/_verb_panel.html", takes_context=True)
def verb_panel(
    context: dict[str, Any], obj: Any, title: Any = None, compact: bool = False
) -> dict[str, Any]:
    """compact: the forms alone, one line each, for an object shown inside a list."""
    user = context["request"].user
    entries = [
        {
            "verb": verb,
            "url": _verb_url(verb, obj),
            "form": bootstrap_form(verb.make_form(user, obj, auto_id=f"{verb.name}-%s")),
        }
        for verb in verbs.available(user, obj)
    ]
    return {
        "entries": entries,
        "title": title,
        "compact": compact,
        "csrf_token": context.get("csrf_token"),
    }


def _declared(obj: Any, name: str) -> verbs.Verb:
    verb = verbs.find(verbs.label_of(type(obj)), name)
    if verb is None:
        raise ValueError(f"{type(obj).__name__} declares no verb {name!r}")
    return verb


@register.simple_tag
def verb_url(obj: Any, name: str) -> str:
    """The page URL of one declared verb of the object, for a layout of the page's own."""
    return _verb_url(_declared(obj, name), obj)


@register.simple_tag
def verb_confirm(obj: Any, name: str) -> str:
    """The question a declared verb asks first ("" for none), for a page's own buttons, so
    that they ask exactly what the verb's panel asks."""
    question = _declared(obj, name).confirm
    return str(question) if question else ""
