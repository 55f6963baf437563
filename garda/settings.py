"""Garda settings, read from the environment.

Secure by default: no debug, strict CSP, frames denied, HSTS and secure cookies once served over HTTPS
(GARDA_HTTPS=1). Everything the application writes lives under GARDA_DATA_DIR (default ./var).
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("GARDA_DATA_DIR") or "var").resolve()
# The data directory holds personal data, TOTP seeds, password hashes and the channel's keys: whatever a Garda
# process creates is its account's alone (the SQLite files were world-readable, 0644), and a directory or database
# left readable by an older version is closed on start.
os.umask(0o077)
DATA_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)


def _make_private(directory: Path) -> None:
    try:
        directory.chmod(0o700)
        for path in directory.glob("*.sqlite3*"):
            path.chmod(0o600)
    except OSError:  # not ours to change (a shared, read-only or foreign-owned directory): left as it is
        pass


_make_private(DATA_DIR)


def _secret_key() -> str:
    """GARDA_SECRET_KEY, or a key generated once into the data directory (readable by the owner only)."""
    if key := os.environ.get("GARDA_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("GARDA_DEBUG")
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("GARDA_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h.strip()
]
HTTPS = _env_bool("GARDA_HTTPS")
# The address the public reaches this installation at: letters print it (and its QR code) for verification, so it
# is configuration and never the address a request happened to come in on.
PUBLIC_URL = (os.environ.get("GARDA_PUBLIC_URL") or "http://localhost:8000").rstrip("/")
# The emblem on the letterhead (a PNG or SVG file the office provides); without it the letterhead is text only.
LETTER_LOGO = os.environ.get("GARDA_LETTER_LOGO", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks_db",
    "garda.core",
    "garda.identity",
    "garda.screening",
    "garda.intel",
    "garda.decisions",
    "garda.stats",
    "garda.whistle",
    "garda.oversight",
    "garda.partners",
    "garda.public",
    "garda.outreach",
    "garda.training",
    "garda.search",
    "ninja",  # its Swagger UI files are served from here, not from a CDN
    "oauth2_provider",
    "garda.synthetic",  # the `garda demo` command
]

# The partners' API: OAuth2 client credentials (django-oauth-toolkit), scopes per client within the organisation's
# agreement (partners.oauth), tokens for an hour; secrets are stored hashed and shown once.
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER_ACCESS_TOKEN_MODEL = "oauth2_provider.AccessToken"  # noqa: S105 (a model name)
OAUTH2_PROVIDER = {
    "SCOPES": {
        "reports:read": "Membaca laporan instansi sendiri dan statusnya",
        "reports:write": "Mengirim dan memperbarui laporan",
        "persons:status": "Menanyakan status seseorang",
        "referrals:read": "Membaca rujukan",
        "referrals:write": "Menjawab dan mengirim rujukan",
    },
    "DEFAULT_SCOPES": [],
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    "OAUTH2_VALIDATOR_CLASS": "garda.partners.oauth.ClientValidator",
    "PKCE_REQUIRED": True,
}

MIDDLEWARE = [
    # First, so it compresses what everything below produced (pages and WhiteNoise's files alike).
    "garda.core.middleware.PageGZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "garda.core.middleware.RequestIdMiddleware",
    "garda.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "garda.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "garda.core.middleware.RequireTwoFactorMiddleware",
    "garda.core.middleware.OfficeTimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "garda.urls"
WSGI_APPLICATION = "garda.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "garda.core.context_processors.navigation",
            ],
        },
    }
]

# --- Database: embedded SQLite by default, PostgreSQL through DATABASE_URL ---------------------------
_SQLITE_OPTIONS = {
    # IMMEDIATE: every transaction takes the write lock at its start, so appends to the audit chain
    # are serialised and never fork; WAL lets readers go on meanwhile.
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
    # The page cache (GARDA_SQLITE_CACHE_MB, default 256) holds the person index's hot pages: a national history
    # of millions of applications is written into random places of that index.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
    f"PRAGMA cache_size=-{int(os.environ.get('GARDA_SQLITE_CACHE_MB', '256')) * 1024}; "
    # Reads of up to 2 GB of the file through memory mapping (SQLite's own ceiling): at a million applications a
    # batch screening spends a third less time in system calls than with 1 GB.
    "PRAGMA mmap_size=2147418112; PRAGMA temp_store=MEMORY; "
    # Checkpoints every 40 MB of WAL instead of 4 MB: one commit in hundreds pays for it, not one in thirty
    # (the counter's p99), at the cost of a longer pause when it comes.
    "PRAGMA wal_autocheckpoint=10000;",
}
if database_url := os.environ.get("DATABASE_URL"):
    _db = dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)
else:
    _db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DATA_DIR / "garda.sqlite3")}
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["OPTIONS"] = {**_SQLITE_OPTIONS, **_db.get("OPTIONS", {})}
    _db["CONN_MAX_AGE"] = 0
    # Tests that run the command line or a second process need a database on disk.
    _db["TEST"] = {"NAME": str(DATA_DIR / "test_garda.sqlite3")}
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -----------------------------------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
OTP_TOTP_ISSUER = "Garda"
OTP_TOTP_THROTTLE_FACTOR = 1

# Lock an account (by user name, whatever the address) after repeated failures, for a while.
AXES_FAILURE_LIMIT = int(os.environ.get("GARDA_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("GARDA_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked.html"
AXES_VERBOSE = False
# Lockout is per account on purpose (the issue: "repeated failures lock the account"); axes warns about it.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Sessions end after inactivity and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("GARDA_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"

# --- Security headers ------------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent only on HTTPS responses by SecurityMiddleware, so this is safe on the plain-HTTP demo too.
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# --- Language and time ---------------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

# --- Files ------------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Served straight from the package by WhiteNoise: no collectstatic step before the first start.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "files"
FILE_UPLOAD_TEMP_DIR = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- Whistleblowing channel ---------------------------------------------------------------------------------
# Argon2id cost of receipts and of handlers' keys: "interactive" (libsodium's, ~0.2 s, 64 MiB); the tests use
# "minimal". The cost is stored beside each derived key, so changing it later breaks nothing.
WHISTLE_KDF = os.environ.get("GARDA_WBS_KDF", "interactive")
# Slowing down receipt guessing and flooding. Counted in this process's memory only, per client by a keyed hash
# of its address that is never written anywhere, and for everyone together (Tor users share one address).
WHISTLE_LIMITS = {
    "receipt_failures_per_client": int(os.environ.get("GARDA_WBS_RECEIPT_FAILURES", "5")),
    "receipt_failures_total": int(os.environ.get("GARDA_WBS_RECEIPT_FAILURES_TOTAL", "200")),
    "receipt_window_seconds": 15 * 60,
    "submissions_per_client": int(os.environ.get("GARDA_WBS_SUBMISSIONS", "10")),
    "submissions_total": int(os.environ.get("GARDA_WBS_SUBMISSIONS_TOTAL", "600")),
    "submission_window_seconds": 60 * 60,
    "failure_seconds": float(os.environ.get("GARDA_WBS_FAILURE_SECONDS", "1.0")),
}
WHISTLE_MAX_FILE_BYTES = 10 * 1024 * 1024
WHISTLE_MAX_FILES = 5
# The largest request body the server reads at all (a report with its files and some room): `garda serve` refuses
# anything bigger before reading it, and holds what it reads in memory, never in a temporary file.
MAX_REQUEST_BYTES = WHISTLE_MAX_FILES * WHISTLE_MAX_FILE_BYTES + 2 * 1024 * 1024
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "garda"}}

# --- Background tasks ------------------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Mail: the inbox digests (`garda inbox digest`); without a mail server they go to standard output ----------
_MAIL_BACKEND = os.environ.get("GARDA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _MAIL_BACKEND,
        "OPTIONS": {
            "host": os.environ.get("GARDA_EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("GARDA_EMAIL_PORT", "25")),
            "username": os.environ.get("GARDA_EMAIL_USER", ""),
            "password": os.environ.get("GARDA_EMAIL_PASSWORD", ""),
            "use_tls": _env_bool("GARDA_EMAIL_TLS"),
        }
        if _MAIL_BACKEND.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("GARDA_EMAIL_FROM", "garda@localhost")

# --- Logging: to standard error; never client addresses or user agents ------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("GARDA_LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint narrates every step of every PDF at INFO; its warnings (a missing font) still show.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django.server logs each request line; waitress logs none. Neither carries an address here.
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
