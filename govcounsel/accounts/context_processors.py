from typing import Any

from django.http import HttpRequest

from .scopes import roles_of


def roles(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    held = roles_of(user) if user is not None else set()
    return {"user_roles": {r.value for r in held}}
