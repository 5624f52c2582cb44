"""Login throttling for accounts with access to a plan (they can read special personal data).

After ``MAX_FAILURES`` failed logins within ``WINDOW_SECONDS`` such an account is locked for
the rest of the window. Wire it up by putting ``"plans.throttling.PlanLoginThrottleBackend"``
FIRST in ``AUTHENTICATION_BACKENDS``; the failure counting runs through Django's auth signals.
"""

from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.dispatch import receiver

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


def _key(identifier):
    return f"plans:login-failures:{(identifier or '').strip().lower()}"


def _has_plan_access(identifier):
    if not identifier:
        return False
    from .models import Membership

    return (
        Membership.objects.active()
        .filter(Q(user__username__iexact=identifier) | Q(user__email__iexact=identifier))
        .exists()
    )


def is_locked(identifier):
    return cache.get(_key(identifier), 0) >= MAX_FAILURES


class PlanLoginThrottleBackend(BaseBackend):
    """Refuses (and stops the chain) while a plan account is locked; otherwise passes."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and is_locked(username):
            raise PermissionDenied("Te veel mislukte inlogpogingen")
        return None

    def get_user(self, user_id):
        # As the first backend it is named in sessions made by login() without an
        # explicit backend (force_login); resolve those users as the model backend does.
        return ModelBackend().get_user(user_id)


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    identifier = credentials.get("username")
    if not _has_plan_access(identifier):
        return
    key = _key(identifier)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)


@receiver(user_logged_in)
def reset_failures(sender, user, request=None, **kwargs):
    cache.delete_many([_key(user.get_username()), _key(user.email)])
