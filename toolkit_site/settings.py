"""Settings for Intersector, read from the environment.

Everything a deployment changes is an environment variable (see the README). With nothing set,
the app runs in development mode on an embedded SQLite database and prints mail to the console.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, as it requires: the toolkit's stages and tools in each language.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_tasks_db",
    # The project's apps, bottom up: each may use those above it in this list, never those
    # below (tests/test_architecture.py keeps it so).
    "collaborations",
    "stages",
    "charts",
    "support",
    "health",
    "dashboards",
    "reports",
    "notifications",
    "transfer",
    "demo",
]

MIDDLEWARE = [
    # First, so the request id covers every line logged and the time covers everything below.
    "toolkit_site.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compress 8-60 times; static files are compressed ahead by WhiteNoise and never
    # get this far. Django's gzip, at GZIP_LEVEL below, pads each response at random, which
    # defeats BREACH guessing of the CSRF token.
    "toolkit_site.compression.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A signed-in person's language (or a visitor's choice) over the browser's.
    "collaborations.language.PersonLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so it sees a view's database errors before any other middleware's handling.
    "toolkit_site.errors.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "toolkit_site.urls"
WSGI_APPLICATION = "toolkit_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "toolkit_site.requestlog.request_id",
                "stages.context_processors.toolkit",
                "collaborations.access.page",
                "notifications.context_processors.unread",
            ],
            # The site's own template tags, which link to every app (toolkit_site/).
            "libraries": {"site_navigation": "toolkit_site.navigation"},
        },
    },
]

# SQLite by default, tuned for many people autosaving at once: WAL lets readers carry on
# during a write, and IMMEDIATE transactions take the write lock up front instead of failing
# with "database is locked" half-way through. Persistent PostgreSQL connections are checked
# before a request reuses one, so a restarted database costs a reconnect, not a failed request.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every app server, so sign-in throttling holds behind a load balancer.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "intersector_cache",
    }
}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts: the email address is the sign-in name.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "collaboration-list"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "collaborations.forms.SignupNameForm"
# Joins a pending invitation after sign-up or sign-in (collaborations/accounts.py).
ACCOUNT_ADAPTER = "collaborations.accounts.AccountAdapter"
# allauth names people by their user name unless told otherwise: name them as pages do.
ACCOUNT_USER_DISPLAY = "collaborations.templatetags.people.person"
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Repeated failed sign-ins are throttled per address and per client.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# Behind load balancers or reverse proxies every request comes from a proxy's address, so the
# per-client limits above would count everyone together. Name how many proxies in front of the
# app append to X-Forwarded-For (the client is the address that many entries from the end), or
# a header a trusted proxy sets to the client's address (e.g. X-Real-IP). Neither is trusted
# by default, because a client can send either header itself.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None

# Mail goes through SMTP when a host is configured. Without one it goes to the console in
# development, and in production it is not sent: each message is logged (recipients and
# subject only) and invitation links are copied from the members page instead.
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                # A mail server that hangs must not hold a web worker.
                "timeout": int(os.environ.get("EMAIL_TIMEOUT", "10")),
            },
        }
    }
elif DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {"default": {"BACKEND": "toolkit_site.mail.LogOnlyEmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Intersector <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's address as people reach it, for links in mail sent by the task worker.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# English and Spanish. A visitor gets the first of them their browser asks for; a signed-in
# person gets the language they chose (collaborations.language). The site's own catalog lives
# in locale/, the toolkit's in stages/locale/ (makemessages sends each app's strings there).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Spanish as it is written in the United States (es-US): dates in Spanish ("29 de mayo de
# 2026") with the decimal point and thousands comma people here read and type ("$250,000").
FORMAT_MODULE_PATH = ["toolkit_site.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
# The toolkit's content (stages/translation.py) has a column per language: name_en, name_es…
# Fixed here rather than read from LANGUAGES, so that a language offered later needs a
# migration of its own. A blank translation shows the English source.
MODELTRANSLATION_LANGUAGES = ("en", "es")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap comes from its npm package at install time (package-lock.json pins it).
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
# Files the app makes (report PDFs) go to MEDIA_ROOT, or to an S3-compatible object store when
# a bucket is named, so any number of app servers and workers share them.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Reports are private: nothing is public in the bucket, and the app streams each
            # file to members only.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security headers. The policy allows only the app's own scripts (plus nonce-tagged ones)
# and styles, so user text can never run as code.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The app uses none of the browser's powerful features; nothing embedded may either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Load balancers probe each app server over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SESSION_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Lets the domain be submitted to the browsers' preload list; a deployment that does not
    # want that turns it off, and the deployment checklist then stops asking for it.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Background work (report PDFs, mail) runs on Django's task framework. Tasks are stored in the
# database and run by `manage.py db_worker` (`make run` starts one beside the web server), so
# no message broker is needed. TASKS_BACKEND=immediate runs them inside the request instead.
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("TASKS_BACKEND") == "immediate"
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "reports"],
    }
}

# A finished report PDF is kept this many days after it was last downloaded
# (`manage.py clean_report_files`).
REPORT_FILES_KEEP_DAYS = int(os.environ.get("REPORT_FILES_KEEP_DAYS", "30"))

# How hard pages are compressed, 1 (fastest) to 9 (smallest): toolkit_site/compression.py.
GZIP_LEVEL = os.environ.get("GZIP_LEVEL", "1")
if GZIP_LEVEL not in {str(level) for level in range(1, 10)}:
    raise ImproperlyConfigured("GZIP_LEVEL must be a whole number from 1 to 9.")
GZIP_LEVEL = int(GZIP_LEVEL)

# Amounts are in this currency unless a collaboration chooses another (ISO 4217 code).
DEFAULT_CURRENCY = os.environ.get("DEFAULT_CURRENCY", "USD")

# Invitations stay valid this long.
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "14"))

# Logs go to the standard error stream, one line per request (see toolkit_site/requestlog.py)
# plus whatever else is logged, each with the request's id; as JSON objects when
# LOG_FORMAT=json, for log collectors. Server errors are mailed to ADMINS when it is set.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'text' or 'json'.")
ADMINS = env_list("ADMINS")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "toolkit_site.requestlog.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "skip_deliberate_503": {"()": "toolkit_site.requestlog.DeliberateUnavailableFilter"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # The request line above already says which pages were not found or refused.
        "django.request": {"level": "ERROR", "filters": ["skip_deliberate_503"]},
        # The development server's own access lines repeat the request line.
        "django.server": {"handlers": [], "level": "WARNING"},
        # The PDF renderer reports every step of every report at INFO; keep its warnings only.
        "weasyprint.progress": {"level": "WARNING"},
        # The task worker's lines (a task started, finished), once each.
        "django.tasks": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django_tasks_db": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
