"""API tokens and two-factor devices in the back office: shown to the security administrator,
never written there. Tokens are revoked on the account security page (audited); a device is
removed by its owner, and no one sees a device's secret."""

from __future__ import annotations

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from govcounsel.core.admin import ReadOnlyAdmin, take_over

from .choices import Role
from .tokens import ApiToken


class ApiTokenAdmin(ReadOnlyAdmin):
    duty = Role.SECURITY_ADMIN
    list_display = ["user", "prefix", "created_at", "last_used_at", "expires_at", "client_address"]
    search_fields = ["user__username", "prefix"]
    fields = ["user", "prefix", "created_at", "last_used_at", "expires_at", "client_address"]


class DeviceAdmin(ReadOnlyAdmin):
    duty = Role.SECURITY_ADMIN
    list_display = ["user", "name", "confirmed"]
    search_fields = ["user__username"]
    fields = ["user", "name", "confirmed"]
    inlines = []


take_over(ApiToken, ApiTokenAdmin)
take_over(TOTPDevice, DeviceAdmin)
take_over(StaticDevice, DeviceAdmin)
