"""One error type for refused domain actions, carrying a stable code and a message for people."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refused action: `code` is stable for API clients, `message` is translated for people."""

    status_code = 400

    def __init__(
        self,
        code: str,
        message: Any,
        *,
        field: str | None = None,
        reasons: list[str] | None = None,
        title: Any = None,
        **details: Any,
    ):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field
        # Each reason on its own, where a refusal has several (e.g. unmet conditions).
        self.reasons = list(reasons or [])
        self.title = title or message
        self.details = details


class NotPermitted(DomainError):
    """The actor's role or scope does not allow this action."""

    status_code = 403

    def __init__(self, message: Any, code: str = "permission_denied") -> None:
        super().__init__(code, message)
