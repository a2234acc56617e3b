"""Porth settings, driven by environment variables (see README "Configuration").

Defaults suit a local run: SQLite in WAL mode under var/, console e-mail, DEBUG off.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.sso import providers_from_env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTH_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret_key() -> str:
    """A key generated once and kept under var/, so sessions survive a restart of a local run."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG")
# PORTH_DEPLOYMENT=production: a real service. It refuses to start without a SECRET_KEY and a SITE_URL, and
# the HTTPS settings default to on (each can still be set from the environment, see README "Configuration").
PRODUCTION = os.environ.get("PORTH_DEPLOYMENT", "local").strip().lower() == "production"
if PRODUCTION:
    for required in ("SECRET_KEY", "SITE_URL", "ALLOWED_HOSTS"):
        if not os.environ.get(required):
            raise ImproperlyConfigured(f"PORTH_DEPLOYMENT=production needs {required} to be set.")
SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# The one address every link Porth writes starts with: e-mails, exports, feeds, the API and the open data.
# Locally it follows PORT, as `make run` does.
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}").rstrip("/")

INSTALLED_APPS = [
    "auditlog",  # first, so that it has registered the models before porth.site trims the list (its ready())
    "porth.core",
    "porth.accounts",
    "porth.directory",
    "porth.standards",
    "porth.routing",
    "porth.frontdoor",
    "porth.site",
    "porth.portfolio",
    "porth.similarity",
    "porth.insight",
    "porth.capability",
    "porth.skills",
    "simple_history",
    "ninja",  # for its own copy of Swagger UI's files: the API docs load nothing from a CDN
    "csp",
    "django_ratelimit",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.forms",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "porth.core.middleware.UnprefixedLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the language and the user are known, so that its refusals are pages in the reader's language.
    "porth.core.middleware.RequestGuardMiddleware",
    "porth.core.middleware.ApiRateLimitMiddleware",
    "porth.accounts.api_auth.ApiTokenMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "porth.core.context_processors.shell",
            ],
        },
    },
]
# Porth's form templates (GOV.UK Frontend markup) live in templates/forms/.
FORM_RENDERER = "porth.core.forms.GovukFormRenderer"

SQLITE_PATH = VAR_DIR / "porth.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True)
    if os.environ.get("DATABASE_URL")
    else {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": SQLITE_PATH,
        "CONN_MAX_AGE": 600,
        "OPTIONS": {
            # WAL lets readers work while one writer writes; IMMEDIATE makes writers queue for the lock
            # up front (for `timeout` seconds) instead of failing half-way with "database is locked".
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A server that does not answer fails the request (and /healthz) in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",  # single sign-on (OpenID Connect)
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "porth.accounts.validators.UserAttributeSimilarityValidator"},
    {"NAME": "porth.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "porth.accounts.validators.CommonPasswordValidator"},
    {"NAME": "porth.accounts.validators.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "directory:home"
LOGOUT_REDIRECT_URL = "directory:home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cy", _("Welsh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static" / "build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "porth.core.storage.StaticStorage"},
}

# The similar-project index snapshot the background worker writes and every web process opens (see
# porth/similarity/service.py). A question never builds one, except where this is on (the test settings).
SIMILARITY_DIR = Path(os.environ.get("SIMILARITY_DIR", VAR_DIR / "similarity"))
SIMILARITY_BUILD_ON_QUESTION = False
SIMILARITY_LOOK_EVERY = 1.0

# Background work (e-mails) goes through Django's task API; the database backend's worker runs beside the web
# server (`manage.py db_worker`, started by `make run`).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SUPPORT_EMAIL = os.environ.get("SUPPORT_EMAIL", "porth@localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Porth <porth@localhost>")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "porth.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
if env_bool("BEHIND_TLS_PROXY"):
    # The proxy in front terminates TLS and says so; only set this when it strips the header from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The audit log (django-auditlog): who changed what in which record, for every write through the ORM, read by
# site administrators in the admin. Plumbing without people's data is left out, and so are the
# simple_history copies (porth/site/apps.py); secrets are never written to it.
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions",
    "contenttypes",
    "admin",
    "auth.permission",
    "django_tasks_database",
    "porth_site",
    "account",
    "socialaccount",
)
AUDITLOG_EXCLUDE_TRACKING_FIELDS = (
    "password",
    "key_hash",
    "last_login",
    "last_used_at",
    "search_title",
    "search_body",
)
AUDITLOG_DISABLE_REMOTE_ADDR = True  # who, not from where: no more personal data than needed

# Caches. "default" is shared by every process (a database table, made by `setup_local`), for figures that
# are expensive to work out. "limits" counts requests for the rate limits in files, so that counting writes
# nothing to the database on a busy path. No memcached or Redis is needed.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "porth_cache"},
    "limits": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "limits",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
# Rate limits (django-ratelimit; the limits themselves are in porth/core/limits.py). A file cache's increment
# is not atomic, so requests racing within the same moment can each be counted once less: a flood is still
# stopped within a few requests of the limit, which is what the limits are for.
RATELIMIT_USE_CACHE = "limits"
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)  # off only for benchmarks (bench/harness.py)
PORTH_API_RATE = os.environ.get("PORTH_API_RATE", "300/m")
# Front-door requests a day: naming one contact address other than the sender's own, and per person.
PORTH_REQUESTS_PER_DAY_PER_CONTACT = int(os.environ.get("PORTH_REQUESTS_PER_DAY_PER_CONTACT", "5"))
PORTH_REQUESTS_PER_DAY_PER_ACCOUNT = int(os.environ.get("PORTH_REQUESTS_PER_DAY_PER_ACCOUNT", "20"))
RATELIMIT_VIEW = "porth.core.views.rate_limited"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# Behind a proxy, the client's address is the first in X-Forwarded-For (set RATELIMIT_IP_META_KEY there).
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]

# Single sign-on by OpenID Connect (django-allauth), providers from PORTH_OIDC_PROVIDERS (see config/sso.py).
# Porth's own pages sign people in with a password and register them; allauth does only the single sign-on.
SSO = providers_from_env(os.environ.get("PORTH_OIDC_PROVIDERS", ""))
SOCIALACCOUNT_ONLY = True
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": SSO.allauth_apps, "OAUTH_PKCE_ENABLED": True}}
SOCIALACCOUNT_ADAPTER = "porth.accounts.sso.SocialAccountAdapter"
ACCOUNT_ADAPTER = "porth.accounts.sso.AccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_REQUIRED = True
# Linking to an existing account by address is done by Porth (porth/accounts/sso.py), for trusted
# domains only.
SOCIALACCOUNT_STORE_TOKENS = False
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_RATE_LIMITS = False  # Porth's own limits apply (porth/core/limits.py)

# Content-Security-Policy (django-csp): scripts, styles and images only from Porth itself, no inline script.
# Sign-in forms may send people on to the single sign-on providers.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF, *SSO.origins],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
