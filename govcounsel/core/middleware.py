from collections.abc import Callable
from typing import Any

from auditlog.middleware import AuditlogMiddleware as _AuditlogMiddleware
from django.http import HttpRequest, HttpResponse

from . import context


class RequestContextMiddleware:
    """Makes the acting user, the client address and a fresh request id available to the
    audit trail. The id is sent back as `X-Request-ID`, so that a person reporting a problem
    can quote it and the audit administrator find every entry of that request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ctx = context.RequestContext(
            request=request,
            client_address=context.client_address(request),
        )
        token = context.set_current(ctx)
        try:
            response = self.get_response(request)
        finally:
            context.reset(token)
        response["X-Request-ID"] = ctx.request_id
        return response


class AuditlogMiddleware(_AuditlogMiddleware):
    """django-auditlog's middleware with the same trusted client address as the trail; the
    correlation id (`cid`) of its entries is the request id (AUDITLOG_CID_GETTER), never a
    header the client sent."""

    @staticmethod
    def _get_remote_addr(request: Any) -> str | None:
        return context.client_address(request)

    @staticmethod
    def _get_remote_port(request: Any) -> int | None:
        return None
