"""Settings shared by every environment. Environment-specific modules import this.

Every value that differs per machine comes from ``leernetwerk.config.config``.
"""

from pathlib import Path

import dj_database_url
import dj_email_url

from leernetwerk.config import as_bool, as_list, config

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/
BASE_DIR = PROJECT_DIR.parent  # repository root
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = config("SECRET_KEY", default="")
DEBUG = config("DEBUG", default=False, cast=as_bool)
ALLOWED_HOSTS = config("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"], cast=as_list)
CSRF_TRUSTED_ORIGINS = config("CSRF_TRUSTED_ORIGINS", default=[], cast=as_list)

INSTALLED_APPS = [
    # Project apps first so their templates and management commands win.
    "leernetwerk.core",
    "leernetwerk.users",
    "leernetwerk.images",
    "leernetwerk.taxonomy",
    "leernetwerk.news",
    "leernetwerk.sitesearch",
    "learning",
    "personas",
    "pilots",
    "toolkit",
    "plans",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "leernetwerk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "leernetwerk.wsgi.application"

# The embedded default is SQLite under var/; production sets DATABASE_URL to PostgreSQL.
DATABASE_URL = config("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(exist_ok=True)  # the embedded default works on a fresh clone
else:
    # PostgreSQL's default random_page_cost (4) assumes spinning disks; with it the
    # planner reads the whole full-text index table instead of using its GIN index
    # for searches that match a few thousand pages (150 instead of 25 ms at 20,000
    # lessons, docs/benchmarks.md). 1.1 is the usual value for SSDs and cached data.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={config('PG_RANDOM_PAGE_COST', default=1.1, cast=float)}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    # First: locks accounts with access to a toekomstplan after repeated failed logins.
    "plans.throttling.PlanLoginThrottleBackend",
    "leernetwerk.users.backends.EmailOrUsernameBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = config("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = config("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: EMAIL_URL such as smtp://user:pass@host:587/?tls=True or console://.
EMAIL_URL = config("EMAIL_URL", default="console://")
vars().update(dj_email_url.parse(EMAIL_URL))
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", default="Leernetwerk 16-27 <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

REDIS_URL = config("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Wagtail
WAGTAIL_SITE_NAME = "Leernetwerk 16-27"
WAGTAILADMIN_BASE_URL = config("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_HITS_MAX_AGE = 30
TAGGIT_CASE_INSENSITIVE = True

# Database search with Dutch analysis on both SQLite and PostgreSQL; see
# leernetwerk.sitesearch.backends. Elasticsearch (learning app) is optional.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "leernetwerk.sitesearch.backends",
        "SEARCH_CONFIG": "dutch",
        "AUTOCOMPLETE_SEARCH_CONFIG": "simple",
    }
}
ELASTICSEARCH_URL = config("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX = config("ELASTICSEARCH_INDEX", default="leernetwerk-kennisbank")
PLANS_RETENTION_DAYS = config("PLANS_RETENTION_DAYS", default=365, cast=int)  # after closing

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview uses an iframe
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Serving: request ids and the anonymous page cache (issue 19) -----------------------
# Kept in one block; production.py adds JSON logs and the request log on top.
# docs/deployment.md explains the page cache and what its purge reaches.
INSTALLED_APPS += ["django_guid", "leernetwerk.pagecache"]
# Outermost: every line logged while handling a request carries its id.
MIDDLEWARE.insert(0, "django_guid.middleware.guid_middleware")
# Right after WhiteNoise (static files) and SecurityMiddleware (HTTPS redirect), before
# the session: a cached page is served without touching the session or the database.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "leernetwerk.pagecache.middleware.PageCacheMiddleware",
)
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",  # honoured when it is a UUID (hex or dashed)
    "VALIDATE_GUID": True,  # anything else is replaced: no log injection through the header
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,  # no cross-origin API readers
}
# Only with a cache shared by every worker: with the per-process local-memory cache a
# purge would reach one worker. Never while DEBUG is on (the middleware checks).
PAGECACHE_ENABLED = config("PAGECACHE_ENABLED", default=bool(REDIS_URL), cast=as_bool)
PAGECACHE_TIMEOUT = config("PAGECACHE_TIMEOUT", default=600, cast=int)  # seconds per page
# s-maxage for a proxy or CDN in front (0: it must revalidate, which the ETag makes cheap).
PAGECACHE_PROXY_MAX_AGE = config("PAGECACHE_PROXY_MAX_AGE", default=0, cast=int)
# Page types never cached (app labels or model labels): personal or form pages.
PAGECACHE_EXCLUDE = ["toolkit", "plans", "pilots.PilotOproepPage"]
# Besides pages, snippets and site settings: models whose change purges the cache.
PAGECACHE_PURGE_MODELS = [
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "images.customimage",
    "wagtaildocs.document",
    "taggit.tag",
]
# Wagtail's frontend cache invalidation for a caching proxy (Varnish, nginx) in front:
# it sends PURGE for a page's URLs when that page is published or unpublished.
FRONTEND_CACHE_URL = config("FRONTEND_CACHE_URL", default="")
if FRONTEND_CACHE_URL:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
# --- end of serving block --------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Background-task and page-action chatter is not useful on the console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},  # one INFO line per request
        "django_guid": {"level": "WARNING"},  # one INFO line per request (serving block)
    },
}
