"""Scheduled work of the training app (django-q2)."""

from .reminders import send_reminders

__all__ = ["send_reminders"]
