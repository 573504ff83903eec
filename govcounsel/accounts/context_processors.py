from typing import Any

from django.http import HttpRequest

from .scopes import roles_of


def roles(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    held = roles_of(user) if user is not None else set()
    unread = 0
    if user is not None and user.is_authenticated:
        from govcounsel.core.models import Notification

        unread = Notification.objects.filter(recipient=user).unread().count()
    return {"user_roles": {r.value for r in held}, "unread_notifications": unread}
