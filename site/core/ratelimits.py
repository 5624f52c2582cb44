"""Rate limits that hold across worker processes: django-ratelimit on the shared cache.

Each hit is one atomic ``cache.add`` or ``cache.incr`` (SET NX / INCR on Redis), so
twenty simultaneous posts against a limit of five let exactly five through, whichever
worker serves them. The limits per form are in ``settings.RATE_LIMITS``; production
refuses a cache that is not shared (``leernetwerk.E002``).
"""

import functools

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

LIMITED_TEMPLATE = "includes/rate_limited.html"


def _client_ip(group, request):
    return request.META.get("REMOTE_ADDR") or "onbekend"


def _posted_email(group, request):
    return (request.POST.get("email") or "").strip().lower()


def _user(group, request):
    return str(request.user.pk) if request.user.is_authenticated else _client_ip(group, request)


KEYS = {"ip": _client_ip, "email": _posted_email, "user": _user}


def hit(request, group, key="ip"):
    """Count one use of ``group`` for this client; True when it is over the limit."""
    return is_ratelimited(
        request,
        group=f"leernetwerk.{group}.{key}",
        key=KEYS[key],
        rate=settings.RATE_LIMITS[group],
        increment=True,
    )


def limited_response(request, status=429):
    return render(request, LIMITED_TEMPLATE, status=status)


def limit_posts(group, keys=("ip",)):
    """View decorator: every POST counts; over the limit the view is not run (429)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                # Count every key, so a limit on one of them cannot be dodged by another.
                over = [hit(request, group, key) for key in keys]
                if any(over):
                    return limited_response(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
