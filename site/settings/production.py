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
