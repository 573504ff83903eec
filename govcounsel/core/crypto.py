"""Encryption at rest for personal data, and a keyed hash so it can still be looked up."""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import cache
from typing import Any

from cryptography.fernet import Fernet
from django.conf import settings
from django.db import models

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


class EncryptedTextField(models.TextField):
    """A short text kept encrypted at rest (Fernet), read back in clear in Python.

    Each write gets a fresh token, so the column cannot be searched or compared: a value
    that must be found is hashed beside it (`lookup_hash`). Empty stays empty, so that
    "no phone" needs no decryption and `filter(phone="")` still works."""

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return decrypt(value) if value else value

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
