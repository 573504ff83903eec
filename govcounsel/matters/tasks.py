"""Scheduled work of the matters app (django-q2)."""

from .supervision import supervise

__all__ = ["supervise"]
