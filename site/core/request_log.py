"""One log line per request (production): method, path, status, duration, page cache.

The request id comes from django-guid's log filter, like on every other line. Paths of
views that are not Wagtail pages are logged as their URL pattern, so tokens and plan
references in URLs stay out of the log; query strings are never logged.
"""

import logging
import time

logger = logging.getLogger("leernetwerk.request")

QUIET_PATHS = {"/health/"}  # load balancer probes: only failures are logged


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if request.path in QUIET_PATHS and response.status_code == 200:
            return response
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name == "wagtail_serve":
            path = request.path
        else:
            path = "/" + match.route
        logger.info(
            "%s %s %s",
            request.method,
            path,
            response.status_code,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "page_cache": response.get("X-Cache", ""),
            },
        )
        return response
