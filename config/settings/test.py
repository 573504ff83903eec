"""Test settings: the suite runs on PostgreSQL, the real database."""

from .base import *  # noqa: F403
from .base import env

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/govcounsel"),
}
# Transactional tests end with Django's flush (TRUNCATE of every table): the test sessions
# may empty the audit trail, which refuses TRUNCATE otherwise (core 0007, ADR 0010).
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c govcounsel.allow_audit_truncate=on"
# Fast hashing keeps the suite quick; production keeps argon2 first.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
Q_CLUSTER = {"name": "govcounsel-test", "sync": True, "orm": "default", "timeout": 60, "retry": 120}
# Many tests log in from 127.0.0.1 within a minute; the rate-limit tests set the real limits.
LOGIN_RATE_LIMITS = {"account": "1000/m", "address": "1000/m"}
# Every audit action written must be declared with its label (ADR 0017).
AUDIT_STRICT_ACTIONS = True
