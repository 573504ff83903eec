"""Token login for API clients: POST username and password (and the two-factor code where
one is used), receive a token that expires; list and revoke tokens (ADR 0012)."""

from __future__ import annotations

from typing import Any, NoReturn

from axes.helpers import get_lockout_message
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from govcounsel.core.errors import NotPermitted

from . import two_factor
from .ratelimit import LoginRateThrottle, message
from .token_services import issue_token, revoke_token, tokens_visible_to
from .tokens import ApiToken, ExpiringTokenAuthentication


class TokenRequest(AuthTokenSerializer):
    otp = serializers.CharField(
        label=_("动态验证码"),
        required=False,
        allow_blank=True,
        max_length=16,
        write_only=True,
        help_text=_("须使用两步验证的账号（三类管理员、可查看身份信息的角色）必填。"),
    )


class TokenResponse(serializers.Serializer):
    token = serializers.CharField()
    expires_at = serializers.DateTimeField()
    idle_hours = serializers.IntegerField()


class ObtainTokenView(APIView):
    permission_classes = [AllowAny]
    # No session authentication here (no CSRF for a login); Token answers 401 properly.
    authentication_classes = [ExpiringTokenAuthentication]
    throttle_classes = [LoginRateThrottle]

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise exceptions.Throttled(wait=wait, detail=message(int(wait or 60)))

    @extend_schema(request=TokenRequest, responses=TokenResponse)
    def post(self, request: Request) -> Response:
        if getattr(request, "axes_locked_out", False):
            raise PermissionDenied(str(get_lockout_message()))
        serializer = TokenRequest(data=request.data, context={"request": request})
        if not serializer.is_valid():
            if getattr(request, "axes_locked_out", False):
                raise PermissionDenied(_("登录失败次数过多，该账号已锁定15分钟。"))
            raise AuthenticationFailed(_("用户名或密码错误。"))
        user = serializer.validated_data["user"]
        if two_factor.uses_two_factor(user):
            # MLPS 8.1.4.1 d): a token is a login; the second factor is asked here as well.
            if not two_factor.has_device(user):
                raise NotPermitted(
                    _("该账号须使用两步验证，请先登录网页完成设置，再获取接口令牌。"),
                    code="two_factor_setup_required",
                )
            code = serializer.validated_data.get("otp", "")
            if not code:
                raise AuthenticationFailed(_("该账号须使用两步验证，请在 otp 字段提供动态验证码。"))
            if not two_factor.check_code(user, code, purpose="token"):
                raise AuthenticationFailed(_("动态验证码错误或已过期。"))
        token, key = issue_token(user=user)
        return Response(
            {
                "token": key,
                "expires_at": token.expires_at,
                "idle_hours": settings.API_TOKEN_IDLE_HOURS,
            }
        )


class ApiTokenSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)
    current = serializers.SerializerMethodField()

    class Meta:
        model = ApiToken
        fields = [
            "id",
            "username",
            "prefix",
            "created_at",
            "last_used_at",
            "expires_at",
            "ends_at",
            "client_address",
            "current",
        ]

    def get_current(self, token: ApiToken) -> bool:
        auth = getattr(self.context.get("request"), "auth", None)
        return isinstance(auth, ApiToken) and auth.pk == token.pk


class ApiTokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """The caller's own API tokens; the security administrator sees and revokes anyone's."""

    serializer_class = ApiTokenSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        qs = tokens_visible_to(self.request.user)
        username = self.request.query_params.get("user")
        if username:
            qs = qs.filter(user__username=username)
        return qs

    def perform_destroy(self, instance: ApiToken) -> None:
        revoke_token(token=instance, by=self.request.user)
