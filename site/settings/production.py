"""Production: PostgreSQL via DATABASE_URL, HTTPS only, a real secret key."""

from django.core.exceptions import ImproperlyConfigured

from leernetwerk.config import config

from .base import *  # noqa: F403

DEBUG = False

_INSECURE_MARKERS = ("insecure", "changeme", "dev-only", "test-only")


def _checked_secret_key(key: str) -> str:
    # Refuse to start with a missing, short or obviously placeholder key.
    if len(key) < 50 or len(set(key)) < 5 or any(m in key.lower() for m in _INSECURE_MARKERS):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random value of at least 50 characters in production."
        )
    return key


SECRET_KEY = _checked_secret_key(SECRET_KEY)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", default=True, cast=as_bool)  # noqa: F405
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", default=31536000, cast=int)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break
# editing; SAMEORIGIN still blocks framing by other sites.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W019"]  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Serving (issue 19): local plain HTTP for make serve, JSON logs, request log --------
# LOCAL_HTTP=true is what `make serve` sets to run these settings over plain HTTP on this
# machine: no HTTPS redirect, no HSTS, cookies without Secure. It refuses any host name
# but the loopback ones, so it cannot switch HTTPS off on a public server.
LOCAL_HTTP = config("LOCAL_HTTP", default=False, cast=as_bool)  # noqa: F405
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
if LOCAL_HTTP:
    if not set(ALLOWED_HOSTS) <= _LOOPBACK:  # noqa: F405
        raise ImproperlyConfigured("LOCAL_HTTP is alleen voor 127.0.0.1/localhost.")
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# Load balancers probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# SQLite as the embedded default under several worker processes (make serve): WAL lets
# readers go on while one writes, IMMEDIATE takes the write lock at the start of a
# transaction instead of failing half-way, and a writer waits up to 20 s for it.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        transaction_mode="IMMEDIATE",
        timeout=20,
    )
# A Redis that does not answer must not hold a worker: the page cache and the health
# check then carry on or report within a second.
if REDIS_URL:  # noqa: F405
    CACHES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        socket_connect_timeout=1, socket_timeout=1
    )

# One JSON object per log line on stderr, each with the request id (django-guid).
LOGGING["filters"] = {  # noqa: F405
    "request_id": {
        "()": "django_guid.log_filters.CorrelationId",
        "correlation_id_field": "request_id",
    }
}
LOGGING["formatters"] = {  # noqa: F405
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
        "rename_fields": {"levelname": "level", "name": "logger"},
        "timestamp": "time",  # ISO 8601 in UTC
    }
}
LOGGING["handlers"]["console"].update(formatter="json", filters=["request_id"])  # noqa: F405
LOGGING["loggers"]["leernetwerk.request"] = {"level": "INFO"}  # noqa: F405
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django_guid.middleware.guid_middleware") + 1,  # noqa: F405
    "leernetwerk.core.request_log.RequestLogMiddleware",
)
# --- end of serving block --------------------------------------------------------------
