"""One error type for refused domain actions, carrying a stable code and a message for people."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refused action: `code` is stable for API clients, `message` is translated for people."""

    status_code = 400

    def __init__(self, code: str, message: Any, *, field: str | None = None, **details: Any):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field
        self.details = details


class NotPermitted(DomainError):
    """The actor's role or scope does not allow this action."""

    status_code = 403

    def __init__(self, message: Any, code: str = "permission_denied") -> None:
        super().__init__(code, message)
