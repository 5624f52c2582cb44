"""The page cache middleware: sits right after WhiteNoise, before the session middleware.

See the package docstring for what it serves and stores.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from .purge import GENERATION_KEY, new_generation

logger = logging.getLogger(__name__)

SEARCH_PARAM = "q"
MAX_QUERY_STRING = 512
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage.cookie_name
CSRF_FIELD = b'name="csrfmiddlewaretoken"'
# Not stored: set per request by the outer middleware, or by Django's handler.
SKIPPED_HEADERS = {"set-cookie", "x-request-id", "x-cache", "date"}
_PAGE_ATTR = "pagecache_page"


def mark_page(request, page):
    """Called by the before_serve_page hook: this response is a Wagtail page."""
    setattr(request, _PAGE_ATTR, page)


def _cache():
    return cache


class _Outage:
    """Log a cache outage at most once a minute; the site is served uncached meanwhile."""

    last = 0.0

    def report(self, what):
        now = time.monotonic()
        if now - self.last > 60:
            self.last = now
            logger.warning("Paginacache niet bereikbaar (%s); pagina's ongecachet", what)


_outage = _Outage()


def page_key(request):
    # get_host() also validates the host against ALLOWED_HOSTS (a bad one gives a 400).
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def excluded(page):
    """Page types never cached: those with ``page_cache = False`` (apps mark their own
    personal and form pages) and those PAGECACHE_EXCLUDE names by app or model label."""
    page_class = page.specific_class or type(page)
    if getattr(page_class, "page_cache", True) is False:
        return True
    names = {label.lower() for label in settings.PAGECACHE_EXCLUDE}
    return page_class._meta.app_label in names or page_class._meta.label_lower in names


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_read(request):
            return self.mark_personal(request, self.get_response(request))
        key = page_key(request)
        try:
            generation, entry = self.lookup(key)
        except Exception:
            _outage.report("lezen")
            return self.mark_personal(request, self.get_response(request))
        if entry is not None and entry[0] == generation:
            return self.hit(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and self.may_store(request, response):
            return self.store(request, response, key, generation)
        return self.mark_personal(request, response)

    # Reading -------------------------------------------------------------------------

    @staticmethod
    def may_read(request):
        if not settings.PAGECACHE_ENABLED or settings.DEBUG:
            return False
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
            return False  # maybe logged in, or a message waits: render for this visitor
        query = request.META.get("QUERY_STRING", "")
        return len(query) <= MAX_QUERY_STRING and SEARCH_PARAM not in request.GET

    @staticmethod
    def lookup(key):
        cache = _cache()
        found = cache.get_many([GENERATION_KEY, key])  # one round trip
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = new_generation()  # first request, or the cache lost the token
        return generation, found.get(key)

    @staticmethod
    def hit(request, entry):
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    # Storing -------------------------------------------------------------------------

    @staticmethod
    def may_store(request, response):
        page = getattr(request, _PAGE_ATTR, None)
        if page is None or excluded(page):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        if "*" in response.get("Vary", "") or "nonce-" in response.get(
            "Content-Security-Policy", ""
        ):
            return False
        if len(get_messages(request)) or CSRF_FIELD in response.content:
            return False
        return not page.get_view_restrictions().exists()

    @staticmethod
    def store(request, response, key, generation):
        proxy_max_age = settings.PAGECACHE_PROXY_MAX_AGE
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        if proxy_max_age:
            patch_cache_control(response, s_maxage=proxy_max_age)
        set_response_etag(response)
        headers = [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS]
        entry = (generation, response.status_code, headers, response.content)
        try:
            _cache().set(key, entry, settings.PAGECACHE_TIMEOUT)
        except Exception:
            _outage.report("schrijven")
        response["X-Cache"] = "MISS"
        return get_conditional_response(request, etag=response["ETag"], response=response)

    # Everything else -----------------------------------------------------------------

    @staticmethod
    def mark_personal(request, response):
        """What was rendered for one visitor must not be kept by a proxy or CDN."""
        if "Cache-Control" in response:
            return response
        user = getattr(request, "user", None)
        if response.cookies or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
        return response
