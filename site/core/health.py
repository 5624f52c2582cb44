"""GET /health/: is this app server able to serve? For load balancers and monitoring.

Checks the database (``SELECT 1``) and the cache (a write and a read of a short-lived
key), nothing else, so a probe every few seconds costs three round trips. 200 with JSON
when both answer, 503 when one does not; never cached, no session, no details of the
failure in the response (they go to the log).
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, FAILED = "ok", "fout"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    token = secrets.token_hex(8)
    key = f"health:{token}"
    cache.set(key, token, 10)
    if cache.get(key) != token:
        raise RuntimeError("de cache gaf een andere waarde terug")


def _run(name, check):
    try:
        check()
    except Exception as exc:
        logger.error("Gezondheidscontrole %s mislukt: %s: %s", name, type(exc).__name__, exc)
        return FAILED
    return OK


@never_cache
@require_safe
def health(request):
    checks = {"database": _run("database", _database), "cache": _run("cache", _cache)}
    healthy = all(result == OK for result in checks.values())
    return JsonResponse(
        {"status": OK if healthy else FAILED, "checks": checks}, status=200 if healthy else 503
    )
