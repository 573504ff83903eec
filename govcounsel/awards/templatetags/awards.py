"""The multiple-award badge (002 §19) for pages of other apps: `{% repeated_badge person %}`."""

from __future__ import annotations

from typing import Any

from django import template

from govcounsel.awards.selectors import is_repeatedly_awarded

register = template.Library()


@register.inclusion_tag("awards/_badge_if.html")
def repeated_badge(person: Any) -> dict[str, Any]:
    return {"show": person is not None and is_repeatedly_awarded(person)}
