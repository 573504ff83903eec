"""API plumbing shared by every app: paging, error shape, scoped viewsets."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as drf_exception_handler

from .access import record_personal_read
from .audit import record_event
from .context import bind_api_user
from .errors import DomainError, integrity_to_domain
from .scoping import get_visible_or_404
from .verb_api import VerbViewSetMixin

_CODES = {
    exceptions.NotAuthenticated: "not_authenticated",
    exceptions.AuthenticationFailed: "authentication_failed",
    exceptions.PermissionDenied: "permission_denied",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.ValidationError: "invalid",
    exceptions.ParseError: "malformed_request",
    exceptions.Throttled: "throttled",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.NotAcceptable: "not_acceptable",
}

_MESSAGES = {
    "not_authenticated": _("请先登录。"),
    "authentication_failed": _("身份验证失败。"),
    "permission_denied": _("您没有执行该操作的权限。"),
    "not_found": _("未找到该对象，或您无权查看。"),
    "method_not_allowed": _("不支持该请求方法。"),
    "invalid": _("提交的数据有误，请按提示修改。"),
    "malformed_request": _("请求格式错误。"),
    "throttled": _("请求过于频繁，请稍后再试。"),
    "unsupported_media_type": _("不支持的请求内容类型。"),
    "not_acceptable": _("无法提供所请求的格式。"),
}


def error_body(code: str, message: Any, errors: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": str(message)}
    if errors:
        body["errors"] = errors
    return body


class IdRouter(DefaultRouter):
    """Object URLs take numeric ids only: `/api/v1/people/abc/` is a plain 404, never a
    lookup that fails inside the view. A viewset with another key declares its own
    `lookup_value_regex`."""

    def get_lookup_regex(self, viewset: Any, lookup_prefix: str = "") -> str:
        if getattr(viewset, "lookup_value_regex", None) is None:
            viewset.lookup_value_regex = "[0-9]+"
        return super().get_lookup_regex(viewset, lookup_prefix)


def not_found_body() -> dict[str, Any]:
    """The answer to an API path that names nothing (used by the project's 404 handler)."""
    return error_body("not_found", _MESSAGES["not_found"])


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Every refusal answers JSON with a stable `code` and a translated `message`."""
    request = context.get("request")
    if isinstance(exc, IntegrityError):
        # Two requests raced past the service's own check; the constraint held (no 500).
        refusal = integrity_to_domain(exc)
        if refusal is None:
            return None
        exc = refusal
    if isinstance(exc, DomainError):
        if exc.status_code == status.HTTP_403_FORBIDDEN:
            _record_denied(request, exc.code)
        errors = {exc.field: [str(exc.message)]} if exc.field else None
        body = error_body(exc.code, exc.message, errors)
        if exc.reasons:
            body["reasons"] = exc.reasons
        return Response(body, status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        errors = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        return Response(error_body("invalid", _MESSAGES["invalid"], errors), status=400)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code = next((c for t, c in _CODES.items() if isinstance(exc, t)), "error")
    if code == "permission_denied":
        _record_denied(request, code)
    if code == "invalid":
        response.data = error_body(code, _MESSAGES[code], response.data)
    else:
        detail = getattr(exc, "detail", None)
        message = _MESSAGES.get(code) if code in {"not_found", "not_authenticated"} else detail
        response.data = error_body(code, message or _MESSAGES.get(code, code))
    return response


def _record_denied(request: Any, code: str) -> None:
    if request is None:
        return
    record_event(
        "access.denied",
        by=getattr(request, "user", None),
        data={"path": request.path, "method": request.method, "code": code},
    )


class ScopedReadViewSet(
    VerbViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """List and detail, always starting from `Model.objects.visible_to(user)`; every workflow
    verb declared for the model is a POST action (core/verbs.py)."""

    model: type[Model]
    select_related: tuple[str, ...] = ()

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        bind_api_user(request.user)

    def get_queryset(self) -> QuerySet[Any]:
        qs = self.model.objects.visible_to(self.request.user)  # type: ignore[attr-defined]
        if self.select_related:
            qs = qs.select_related(*self.select_related)
        return qs

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        if page is not None:
            record_personal_read(self.request, self.model, kind="api", count=len(page))
        return page

    def get_object(self) -> Any:
        # Existing but out of scope: answered like a missing object, recorded as denied.
        lookup = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        obj = get_visible_or_404(
            self.filter_queryset(self.get_queryset()),
            self.request.user,
            request=self.request,
            scope=None,
            **{self.lookup_field: lookup},
        )
        self.check_object_permissions(self.request, obj)
        record_personal_read(self.request, self.model, kind="api", count=1, ids=[obj.pk])
        return obj


class ScopedViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, ScopedReadViewSet):
    """Adds create and update through the app's services. Records never disappear through
    the API: there is no delete."""

    # The services that write: create_service(by=, **data) and
    # update_service(<update_target>=instance, by=, **data).
    create_service: Any = None
    update_service: Any = None
    update_target: str = ""

    def perform_create(self, serializer: Any) -> None:
        create = type(self).create_service
        serializer.instance = create(by=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer: Any) -> None:
        update = type(self).update_service
        serializer.instance = update(
            **{self.update_target: serializer.instance},
            by=self.request.user,
            **serializer.validated_data,
        )
