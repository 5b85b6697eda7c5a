"""Django settings, read from the environment.

Defaults are safe for production: debug is off and the settings that must be
chosen by whoever deploys (secret key, host names) are required. ``make demo``
and the tests switch debug on explicitly. See ``docs/configuration.md``.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on", "ya"}:
        return True
    if value in {"0", "false", "no", "off", "tidak"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: use 1/0, true/false, yes/no or on/off")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. It is required when SAKIP_DEBUG is off (production); "
            "see docs/configuration.md."
        )
    return value


DEBUG = env_bool("SAKIP_DEBUG")

# Data that the installation writes (SQLite file, uploaded evidence, generated reports).
VAR_DIR = Path(os.environ.get("SAKIP_VAR_DIR", BASE_DIR / "var")).resolve()

if DEBUG:
    SECRET_KEY = os.environ.get("SAKIP_SECRET_KEY", "") or "sakip-debug-only-not-secret"
    ALLOWED_HOSTS = env_list("SAKIP_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
else:
    SECRET_KEY = env_required("SAKIP_SECRET_KEY")
    ALLOWED_HOSTS = env_list("SAKIP_ALLOWED_HOSTS") or env_required("SAKIP_ALLOWED_HOSTS").split(
        ","
    )

CSRF_TRUSTED_ORIGINS = env_list("SAKIP_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First, so its admin templates (branding, stylesheet) take precedence.
    "sakip.core",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "django_htmx",
    "bootstrap",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "sakip.organisasi",
    "sakip.perencanaan",
    "sakip.perjanjian",
    "sakip.pengukuran",
    "sakip.anggaran",
    "sakip.evaluasi",
    "sakip.survei",
    "sakip.profil",
    "sakip.impor",
    "sakip.laporan",
    "sakip.dasbor",
    "sakip.publik",
    "sakip.periksa",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sakip.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sakip.core.konteks.navigasi",
                "sakip.core.pengingat.spanduk",
            ],
        },
    },
]

WSGI_APPLICATION = "sakip.wsgi.application"


def default_database_url() -> str:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{VAR_DIR / 'sakip.sqlite3'}"


DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or default_database_url(),
        conn_max_age=int(os.environ.get("SAKIP_DB_CONN_MAX_AGE", "0")),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username/address before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sakip.organisasi.backends.PeranBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface is Indonesian for everyone: many office browsers are set to English,
# and a planner should not get a half-translated screen because of that.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = os.environ.get("SAKIP_TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

LOGIN_URL = "masuk"
LOGIN_REDIRECT_URL = "beranda"

# Password guessing (django-axes): after this many failures for one username from one
# address, that pair is locked for the cool-off time; an admin can unlock it earlier.
AXES_FAILURE_LIMIT = int(os.environ.get("SAKIP_MASUK_GAGAL_MAKS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SAKIP_MASUK_KUNCI_MENIT", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
# Behind the production proxy the client address is in X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("SAKIP_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# The issuer shown in authenticator apps next to the user name.
OTP_TOTP_ISSUER = os.environ.get("SAKIP_NAMA_INSTANSI", "sakip")

# A shared office computer left signed in is the usual leak: a session ends after
# this many minutes without a request (each request extends it).
SESSION_COOKIE_AGE = int(os.environ.get("SAKIP_SESSION_MENIT", "60")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
LOGOUT_REDIRECT_URL = "masuk"

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
if DEBUG:
    # Production creates these with collectstatic and the deployment; a demo has no such step.
    for folder in (STATIC_ROOT, MEDIA_ROOT):
        folder.mkdir(parents=True, exist_ok=True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Background work (report builds from the app): rows in the database, run by
# `sakip db_worker`, so SQLite needs no extra server (DESIGN.md).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("SAKIP_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Charts of the reports kept on disk by their inputs (sakip.laporan.tembolok): a folder,
# or 0 to draw every chart anew; by default VAR_DIR/tembolok/grafik.
_tembolok = os.environ.get("SAKIP_TEMBOLOK_GRAFIK", "").strip()
SAKIP_TEMBOLOK_GRAFIK: str | bool | None = (
    False if _tembolok.lower() in {"0", "false", "no", "off", "tidak"} else (_tembolok or None)
)

# E-mail (TW reminders): the console in development and the demo, SMTP in production.
EMAIL_BACKEND = os.environ.get(
    "SAKIP_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("SAKIP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SAKIP_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SAKIP_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SAKIP_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SAKIP_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("SAKIP_EMAIL_FROM", "sakip <sakip@localhost>")
# The address people open the app at, for links in e-mails.
SAKIP_URL = os.environ.get("SAKIP_URL", "http://127.0.0.1:8000").rstrip("/")
# Days before a TW deadline on which `sakip kirim_pengingat` e-mails units still missing data.
SAKIP_PENGINGAT_HARI = [int(h) for h in env_list("SAKIP_PENGINGAT_HARI", "7,3,1,0")]

# LibreOffice for PDF; found on PATH when not set.
SAKIP_LIBREOFFICE = os.environ.get("SAKIP_LIBREOFFICE", "")

# Demo logins (password "demo") may only be created where this is true.
SAKIP_DEMO = env_bool("SAKIP_DEMO", default=DEBUG)

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SAKIP_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SAKIP_SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SAKIP_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SAKIP_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SAKIP_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SAKIP_LOG_LEVEL", "INFO")},
}
