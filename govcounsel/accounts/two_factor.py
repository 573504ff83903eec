"""Two-factor login (TOTP, django-otp): who must use it and whether this session has.

MLPS 2.0 8.1.4.1 d): administrators and those who read identity data log in with two
factors, the password and a code from a TOTP app (GB/T 22239-2019 身份鉴别 d)). Others
may turn it on for themselves; once on, it is asked of them like anyone else. ADR 0012.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from govcounsel.core.audit import record_event

from .choices import ADMIN_DUTIES, IDENTITY_READERS
from .scopes import has_role

# The three separated duties and every role that may reveal full ID numbers and phones.
TWO_FACTOR_ROLES = ADMIN_DUTIES | IDENTITY_READERS
# The session remembers which account passed the second factor (flushed at logout).
VERIFIED_SESSION_KEY = "two_factor_verified"
RECOVERY_CODES = 10


def requires_two_factor(user: Any) -> bool:
    return has_role(user, TWO_FACTOR_ROLES)


def has_device(user: Any) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def uses_two_factor(user: Any) -> bool:
    """Whether a login of `user` asks for a code: required, or turned on by the user."""
    return requires_two_factor(user) or has_device(user)


def session_verified(request: HttpRequest) -> bool:
    session = getattr(request, "session", None)
    return session is not None and session.get(VERIFIED_SESSION_KEY) == request.user.pk


def mark_verified(request: HttpRequest) -> None:
    request.session[VERIFIED_SESSION_KEY] = request.user.pk


def check_code(user: Any, code: str, *, purpose: str) -> bool:
    """Whether `code` is a current TOTP code or an unused recovery code of `user`; a wrong
    code is recorded (django-otp also slows down repeated failures on each device)."""
    code = (code or "").strip().replace(" ", "")
    device = match_token(user, code) if code else None
    if device is None:
        record_event("accounts.two_factor.failed", user, by=user, data={"purpose": purpose})
        return False
    if isinstance(device, StaticDevice):
        record_event("accounts.two_factor.recovery_code_used", user, by=user)
    return True


def pending_device(user: Any) -> TOTPDevice:
    """The unconfirmed TOTP device being set up, created on first visit of the set-up page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="totp", confirmed=False)
    return device


def secret_of(device: TOTPDevice) -> str:
    """The base32 secret a TOTP app accepts when typed in by hand."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_data_uri(text: str) -> str:
    """An SVG QR code as a data URI, drawn on the server (no image library, no CDN)."""
    import qrcode
    import qrcode.image.svg

    out = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage).save(out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


@transaction.atomic
def confirm_device(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm a set-up device with its first code; returns fresh recovery codes, or None."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token((code or "").strip()):
        record_event("accounts.two_factor.failed", device.user, data={"purpose": "setup"})
        return None
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    codes = new_recovery_codes(device.user)
    record_event("accounts.two_factor.enabled", device.user)
    return codes


def new_recovery_codes(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


@transaction.atomic
def disable(*, user: Any, by: Any) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record_event("accounts.two_factor.disabled", user, by=by)
