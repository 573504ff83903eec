"""Running a django-fsm-2 transition from a service."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django_fsm import TransitionNotAllowed

from .errors import DomainError


def run_transition(obj: Any, method: str, *args: Any) -> str:
    """Call the transition method; a move the lifecycle forbids becomes a domain error that
    names the present state. Returns the state the object was in before."""
    before = str(obj.status)
    try:
        getattr(obj, method)(*args)
    except TransitionNotAllowed:
        raise DomainError(
            "invalid_transition",
            _("当前状态为“%(status)s”，不能执行此操作。") % {"status": obj.get_status_display()},
        ) from None
    return before
