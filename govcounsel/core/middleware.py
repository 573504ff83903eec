from collections.abc import Callable
from typing import Any

from auditlog.middleware import AuditlogMiddleware as _AuditlogMiddleware
from django.http import HttpRequest, HttpResponse

from . import context


class RequestContextMiddleware:
    """Makes the acting user and the client address available to the audit trail."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = context.set_current(
            context.RequestContext(
                request=request,
                client_address=context.client_address(request),
            )
        )
        try:
            return self.get_response(request)
        finally:
            context.reset(token)


class AuditlogMiddleware(_AuditlogMiddleware):
    """django-auditlog's middleware with the same trusted client address as the trail."""

    @staticmethod
    def _get_remote_addr(request: Any) -> str | None:
        return context.client_address(request)

    @staticmethod
    def _get_remote_port(request: Any) -> int | None:
        return None
