"""Settings for pytest: fast hasher, locmem cache and mail, isolated media."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="leernetwerk-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The suite runs on the database backend; the search contract tests switch to
# Elasticsearch themselves (in-memory osmem peer, plus a real server when
# ELASTICSEARCH_URL is set: tests/learning/conftest.py).
ELASTICSEARCH_URL = ""
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True  # serve from the finders; no collectstatic needed
# Page cache off for the suite (a local-memory cache outlives each test); the page cache
# tests switch it on themselves. Independent of REDIS_URL in the developer's environment.
PAGECACHE_ENABLED = False

# Two-factor authentication is switched on by the tests that are about it (override_settings);
# the rest log in with force_login. check --deploy refuses this in production (E003).
TWO_FACTOR_REQUIRED = False

# Tests start without the ~430 regions; the regions tests load the real file themselves.
REGIONS_LOAD_ON_MIGRATE = False

# Tasks run in the test's own process and transaction; tests/core/test_task_queue.py runs a
# real worker against Redis.
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
