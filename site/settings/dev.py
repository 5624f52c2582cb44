"""Local development on the embedded SQLite database (`make run`)."""

from leernetwerk.config import config

from .base import *  # noqa: F403

DEBUG = config("DEBUG", default=True, cast=as_bool)  # noqa: F405
# A fixed key is fine on a developer's laptop; production refuses it (production.py).
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
