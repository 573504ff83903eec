from collections.abc import Callable

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
