"""Encryption at rest for personal data, and a keyed hash so it can still be looked up."""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet
from django.conf import settings

from .validators import normalise_code


def _derived(purpose: str) -> bytes:
    return hashlib.sha256(f"{purpose}:{settings.SECRET_KEY}".encode()).digest()


@cache
def _fernet() -> Fernet:
    key = settings.FIELD_ENCRYPTION_KEY or base64.urlsafe_b64encode(_derived("field-encryption"))
    return Fernet(key)


def encrypt(plain: str) -> str:
    return _fernet().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def lookup_hash(plain: str) -> str:
    """HMAC-SHA256 of a normalised value (NFKC, no spaces, upper case; see
    `validators.normalise_code`): equal inputs match, the value cannot be read back."""
    key = (settings.LOOKUP_HASH_KEY or "").encode() or _derived("lookup-hash")
    return hmac.new(key, normalise_code(plain).encode(), hashlib.sha256).hexdigest()
