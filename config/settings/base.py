"""Settings shared by every environment; values come from the environment (django-environ)."""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    IDLE_SESSION_MINUTES=(int, 30),
    CANCELLATION_DUE_DAYS=(int, 30),
    MATTER_ESCALATION_WORKDAYS=(int, 3),
    DISPATCH_LOAD_CAP=(int, 5),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-change-me-0123456789abcdef")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# 000 #3: a cancellation case is overdue this many days after it was opened.
CANCELLATION_DUE_DAYS = env("CANCELLATION_DUE_DAYS")

# 督办: an overdue matter goes to the supervising region after this many working days.
MATTER_ESCALATION_WORKDAYS = env("MATTER_ESCALATION_WORKDAYS")
# 001 一(三): a lawyer leading this many open matters and dispatches takes no more dispatches.
DISPATCH_LOAD_CAP = env("DISPATCH_LOAD_CAP")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="govcounsel@localhost")
# Who answers questions on personal information (PIPL art. 17, 52), shown on the notice.
PRIVACY_CONTACT = env(
    "PRIVACY_CONTACT",
    default="本单位法治工作机构；平台运维：区（县）依法治区（县）办信息化联络人",
)

# Personal data at rest: ID numbers are encrypted with this key and looked up
# through a keyed hash. Both keys default to values derived from SECRET_KEY.
FIELD_ENCRYPTION_KEY = env("FIELD_ENCRYPTION_KEY", default="")
LOOKUP_HASH_KEY = env("LOOKUP_HASH_KEY", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rules.apps.AutodiscoverRulesConfig",
    "treebeard",
    "django_q",
    "govcounsel.core",
    "govcounsel.accounts",
    "govcounsel.organisations",
    "govcounsel.people",
    "govcounsel.certificates",
    "govcounsel.coverage",
    "govcounsel.matters",
    "govcounsel.documents",
    "govcounsel.disputes",
    "govcounsel.reconciliation",
    "govcounsel.activities",
    "govcounsel.casebook",
    "govcounsel.awards",
    "govcounsel.training",
    "govcounsel.privacy",
    "govcounsel.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "govcounsel.core.middleware.RequestContextMiddleware",
    "govcounsel.core.middleware.AuditlogMiddleware",
    # An account that must change its password (first login, reset, expiry) sees nothing else.
    "govcounsel.accounts.password_middleware.PasswordChangeRequiredMiddleware",
    # Login rate limit, and nothing before the second factor for those who use one (ADR 0012).
    "govcounsel.accounts.middleware.LoginSecurityMiddleware",
    # axes must be last: it answers locked-out requests.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp 4): scripts and styles from our own static files
# only — no inline script, event handler or style attribute, no eval (MLPS
# 8.1.4.4 malicious code prevention). Data the scripts need comes in json_script blocks.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "govcounsel" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "govcounsel.accounts.context_processors.roles",
                "govcounsel.core.menu.main_menu",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'govcounsel.sqlite3'}"),
}
# No ATOMIC_REQUESTS: every service is its own transaction, and audit records of refused
# requests (denied access, failed logins) must survive the refusal.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # MLPS 2.0 8.1.4.1 a): three of four character classes, no run of one character, none of
    # the last five passwords.
    {"NAME": "govcounsel.accounts.validators.CharacterClassValidator"},
    {"NAME": "govcounsel.accounts.validators.RepeatedCharacterValidator"},
    {"NAME": "govcounsel.accounts.validators.PasswordHistoryValidator"},
]
# The three administrator duties change their password at least this often (0 = never expires).
ADMIN_PASSWORD_MAX_AGE_DAYS = env.int("ADMIN_PASSWORD_MAX_AGE_DAYS", default=90)
# A one-time activation link (new account, or a reset) stays valid this long; Django's token
# is single use: it no longer matches once the password is set.
ACCOUNT_ACTIVATION_HOURS = env.int("ACCOUNT_ACTIVATION_HOURS", default=72)
PASSWORD_RESET_TIMEOUT = ACCOUNT_ACTIVATION_HOURS * 3600
# API tokens (ADR 0012): end after this many idle hours, and this many days after issue at most.
API_TOKEN_IDLE_HOURS = env.int("API_TOKEN_IDLE_HOURS", default=8)
API_TOKEN_MAX_DAYS = env.int("API_TOKEN_MAX_DAYS", default=7)
# Login attempts (HTML form and token endpoint together) per account name and per client
# address; "<count>/<s|m|h|d>". Axes still locks an account after five failures.
LOGIN_RATE_LIMITS = {
    "account": env("LOGIN_RATE_ACCOUNT", default="10/m"),
    "address": env("LOGIN_RATE_ADDRESS", default="60/m"),
}
# Two-factor login (django-otp TOTP): the name a TOTP app shows beside the account.
OTP_TOTP_ISSUER = "公职律师工作管理平台"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Idle sessions end after 30 minutes: the expiry moves with every request.
SESSION_COOKIE_AGE = env("IDLE_SESSION_MINUTES") * 60
# Database sessions that keep one row per signed-in browser, for the security administrator's
# list of sessions (accounts/sessions.py).
SESSION_ENGINE = "govcounsel.accounts.sessions"
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Five failures lock the username for 15 minutes, whether or not it exists.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "govcounsel.accounts.views.login.lockout"
AXES_VERBOSE = False
# Lockout is per account name, as the policy asks; locking by address as well would let one
# mistyping colleague behind a shared government NAT lock out the whole office.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "govcounsel" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Scans and attachments: PDF, JPEG or PNG by content, at most this size (core/uploads.py).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# Exports (ADR 0018): above this many rows a list is exported by a background job; the
# progress is saved every EXPORT_PROGRESS_ROWS rows; the file is kept EXPORT_KEEP_DAYS days.
EXPORT_SYNC_ROWS = env.int("EXPORT_SYNC_ROWS", default=5000)
EXPORT_PROGRESS_ROWS = env.int("EXPORT_PROGRESS_ROWS", default=1000)
EXPORT_KEEP_DAYS = env.int("EXPORT_KEEP_DAYS", default=7)
# Official documents (ADR 0027): a region office's 机关代字 where it is not the derived one
# (region code -> 代字, e.g. DOCUMENT_REGION_ABBREVIATIONS=371500=聊法办).
DOCUMENT_REGION_ABBREVIATIONS = env.dict("DOCUMENT_REGION_ABBREVIATIONS", default={})

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an unauthenticated request then answers 401 with WWW-Authenticate.
        "govcounsel.accounts.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        # Until an account has chosen its own password, the API answers 403.
        "govcounsel.accounts.password_policy.PasswordIsCurrent",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "govcounsel.core.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "govcounsel.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "govcounsel API",
    "DESCRIPTION": "公职律师工作管理平台接口",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The map of every endpoint is for people who may use them.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "govcounsel.core.schema.document_refusals",
    ],
    "ENUM_NAME_OVERRIDES": {
        "UnitKindEnum": "govcounsel.organisations.choices.UnitKind",
        "UnitLevelEnum": "govcounsel.organisations.choices.UnitLevel",
        "RegionLevelEnum": "govcounsel.organisations.choices.RegionLevel",
        "AdviserKindEnum": "govcounsel.people.choices.AdviserKind",
        "CategoryEnum": "govcounsel.matters.choices.DutyCategory",
        "CourseKindEnum": "govcounsel.training.choices.CourseKind",
        "TrainingCategoryEnum": "govcounsel.training.choices.Category",
    },
}

FILTERS_EMPTY_CHOICE_LABEL = _("全部")

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False
# A field diff's correlation id is the request id (ADR 0017): made by the server, never
# taken from a header, and the same as the request id of the audit events of that request.
AUDITLOG_CID_GETTER = "govcounsel.core.context.request_id"
# An audit action nobody declared (core/audit_actions.py) raises in development and tests;
# in production it is written and logged, so the trail never loses an event.
AUDIT_STRICT_ACTIONS = env.bool("AUDIT_STRICT_ACTIONS", default=DEBUG)
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed; nobody else's.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
AXES_CLIENT_IP_CALLABLE = "govcounsel.core.context.client_address"

Q_CLUSTER = {
    "name": "govcounsel",
    "workers": env.int("Q_WORKERS", default=2),
    "timeout": 600,
    "retry": 900,
    "orm": "default",
}
# The login rate limits count in a cache every gunicorn worker shares: Redis when REDIS_URL
# is set (needs the `redis` package), else a database table created by accounts 0002.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "govcounsel_ratelimit",
    },
}
if env("REDIS_URL", default=""):
    CACHES["ratelimit"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
    }
    Q_CLUSTER.pop("orm")
    Q_CLUSTER["redis"] = env("REDIS_URL")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Issue 9: an ID number typed into a search or a URL is logged as its keyed hash.
    "filters": {"scrub_ids": {"()": "govcounsel.core.masking.ScrubIdentifiersFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["scrub_ids"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    # The development server's request lines carry the query string.
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
