"""Settings shared by every environment. Environment-specific modules import this.

Every value that differs per machine comes from ``leernetwerk.config.config``.
"""

from datetime import timedelta
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
    "leernetwerk.notifications",
    "learning",
    "pilots",
    "personas",
    "toolkit",
    "plans",
    "agenda",  # before the newsletter: its demo puts coming events in an issue
    "newsletter",
    "reactions",
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
    # First: django-axes refuses a locked account on every login path (users/lockout.py).
    "leernetwerk.users.lockout.LockoutBackend",
    # django-allauth: log in with the user name or the e-mail address.
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
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
# NL Design System CSS from npm, copied there by scripts/install-node-packages (make install);
# required: the pages link it, and the install fails loudly without npm.
STATICFILES_DIRS = [BASE_DIR / "static", ("nlds", BASE_DIR / "var/node/static/nlds")]
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

# Background tasks (site/celery.py). Without CELERY_BROKER_URL every task runs at once in
# the calling process, so `make run` and the tests need no worker; production sets the
# broker (Redis) and runs a worker and beat (docs/deployment.md).
CELERY_BROKER_URL = config("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
# A worker that dies mid-task leaves the task to another (tasks are idempotent), and takes
# one task at a time, so a long newsletter send does not hold back the mail behind it.
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

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
# Page types set ``page_cache = False`` themselves (tools, plans, forms); a deployment
# may exclude more here (app labels or model labels).
PAGECACHE_EXCLUDE = []
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


# --- Accounts and security (issue 15) ----------------------------------------------------
# Login lockout (django-axes), CSP (django-csp), idle timeout for plan accounts and the
# shared rate limits. Kept in one block; see README "Accounts and security".
INSTALLED_APPS += ["axes"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "leernetwerk.core.csp.SiteCSPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "plans.middleware.IdleTimeoutMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as axes asks

# Five failed logins lock the ACCOUNT (not the address) for 15 minutes; counters in the
# database, shared by all workers. The locked answer equals a wrong password's.
AXES_FAILURE_LIMIT = config("LOGIN_FAILURE_LIMIT", default=5, cast=int)
AXES_COOLOFF_TIME = timedelta(minutes=config("LOGIN_LOCKOUT_MINUTES", default=15, cast=int))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "leernetwerk.users.lockout.account_key"
AXES_LOCKOUT_CALLABLE = "leernetwerk.users.lockout.same_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # keep failures only, no log of every login
AXES_VERBOSE = False  # no identifiers in the application log
# axes.W006 wants the IP address in the lockout too. The issue asks for a lock per account
# (rotating addresses or user agents does not reset it); a lock per address would also
# shut out a whole office behind one NAT address. Addresses are rate-limited elsewhere.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# django-allauth: registration with e-mail verification, e-mail change, password reset,
# TOTP two-factor authentication with recovery codes (leernetwerk.users).
INSTALLED_APPS += ["allauth", "allauth.account", "allauth.mfa"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "allauth.account.middleware.AccountMiddleware",
)
ACCOUNT_ADAPTER = "leernetwerk.users.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "leernetwerk.users.forms.ProfessionalSignupForm"
ACCOUNT_FORMS = {"login": "leernetwerk.users.login_form.LoginForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address; a new one is verified before it replaces the old
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Leernetwerk 16-27] "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # no mail to addresses without an account
# allauth's own failed-login limit would answer differently from a wrong password and is
# not atomic; django-axes does the per-account lock (above). allauth's other limits stay.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "leernetwerk.users.middleware.TwoFactorRequiredMiddleware",
)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Leernetwerk 16-27"
# CMS users and every account with access to a plan must use TOTP (users.middleware).
TWO_FACTOR_REQUIRED = config("TWO_FACTOR_REQUIRED", default=True, cast=as_bool)

# The plans access log (NEN 7513): entries are kept this long, then purge_plans removes them.
ACCESS_LOG_RETENTION_DAYS = config("ACCESS_LOG_RETENTION_DAYS", default=5 * 365, cast=int)

# Newsletter: an unconfirmed subscription (and its confirmation link) expires after this many days.
NEWSLETTER_CONFIRM_DAYS = config("NEWSLETTER_CONFIRM_DAYS", default=7, cast=int)

# Participatiescan: no breakdown for a group smaller than this.
PARTICIPATIESCAN_MIN_GROUP = config("PARTICIPATIESCAN_MIN_GROUP", default=3, cast=int)

# Open plans that nobody changes are closed after this many days; the owner is warned
# PLANS_IDLE_WARNING_DAYS before (purge_plans).
PLANS_IDLE_CLOSE_DAYS = config("PLANS_IDLE_CLOSE_DAYS", default=365, cast=int)
PLANS_IDLE_WARNING_DAYS = config("PLANS_IDLE_WARNING_DAYS", default=30, cast=int)

# Plans keep the newest this many revisions (older snapshots are dropped on save).
PLANS_MAX_REVISIONS = config("PLANS_MAX_REVISIONS", default=100, cast=int)

# Accounts that can read a toekomstplan are logged out after this many idle minutes.
PLANS_IDLE_TIMEOUT_MINUTES = config("PLANS_IDLE_TIMEOUT_MINUTES", default=30, cast=int)

# Shared, atomic rate limits (leernetwerk.core.ratelimits, django-ratelimit).
RATE_LIMITS = {
    "aanmelding": "5/h",  # stored pilot applications per address
    "wachtwoord": "5/h",  # password-reset requests per address and per e-mail address
    "registratie": "5/h",  # sign-ups per address
    "uitnodiging": "20/d",  # plan invitations sent per account
    "nieuwsbrief": "5/h",  # newsletter subscriptions per address and per e-mail address
    "reactie": "10/h",  # reactions posted per account
    "melding": "20/h",  # reactions reported per account
    "volgen": "60/h",  # follow/unfollow clicks per account
    "bijeenkomst": "10/h",  # agenda registrations per address (a team may register together)
}

# Content-Security-Policy without 'unsafe-inline' for the site; the Wagtail admin needs
# inline scripts and styles and gets its own policy (leernetwerk.core.csp).
_CSP_BASE = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_BASE}
# No avatars from gravatar.com: that would send a hash of every editor's e-mail address to a
# third party, and the CMS policy allows no images from elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
CMS_PATH_PREFIX = "/cms/"
CMS_CONTENT_SECURITY_POLICY = {
    **_CSP_BASE,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}

# Regions: the data migration loads every municipality, province, labour-market and
# youth-care region from site/taxonomy/data/regions.json (manage.py load_regions does
# the same later). The test settings switch this off so each test sets up its own.
REGIONS_LOAD_ON_MIGRATE = True
