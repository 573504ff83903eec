"""The pages core serves itself (audit, calendar, exports, notifications, workflow verbs)
and the base views every app's pages are built on."""

from .base import ScopedDetailView, ScopedListView, bootstrap_form, not_found, permission_denied

__all__ = [
    "ScopedDetailView",
    "ScopedListView",
    "bootstrap_form",
    "not_found",
    "permission_denied",
]
