"""Token login for API clients: POST username and password, receive a token."""

from __future__ import annotations

from axes.helpers import get_lockout_message
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from govcounsel.core.audit import record_event


class TokenResponse(serializers.Serializer):
    token = serializers.CharField()


class ObtainTokenView(APIView):
    permission_classes = [AllowAny]
    # No session authentication here (no CSRF for a login); Token answers 401 properly.
    authentication_classes = [TokenAuthentication]

    @extend_schema(request=AuthTokenSerializer, responses=TokenResponse)
    def post(self, request: Request) -> Response:
        if getattr(request, "axes_locked_out", False):
            raise PermissionDenied(str(get_lockout_message()))
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        if not serializer.is_valid():
            if getattr(request, "axes_locked_out", False):
                raise PermissionDenied(_("登录失败次数过多，该账号已锁定15分钟。"))
            raise AuthenticationFailed(_("用户名或密码错误。"))
        user = serializer.validated_data["user"]
        token, _created = Token.objects.get_or_create(user=user)
        record_event("accounts.token.issued", user, by=user)
        return Response({"token": token.key})
