"""Two-factor authentication is required for CMS users and for every account with access
to a toekomstplan (``TWO_FACTOR_REQUIRED``).

- Without a TOTP authenticator such an account can only reach the pages that set one
  up (and log out); everything else redirects to the set-up, and back afterwards.
- With one, the session must have passed the TOTP step: allauth records that step in the
  session (``get_authentication_records``, public API), and ``marks_setup`` marks the
  session in which the account set it up (it proved the code there). A session without
  either (for instance a login through another path) is logged out.
"""

import functools
import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from leernetwerk.core.hooks import REQUIRES_TWO_FACTOR, any_true

VERIFIED_KEY = "two_factor_verified"
SETUP_AT_KEY = "two_factor_setup_at"
SETUP_GRACE_SECONDS = 300  # right after the set-up, the recovery codes need no new password
NEXT_KEY = "two_factor_next"
TOTP = [Authenticator.Type.TOTP]


def requires_two_factor(user):
    """CMS users always; apps add their own (``REQUIRES_TWO_FACTOR``: plan members)."""
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True) or not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        return True
    return any_true(REQUIRES_TWO_FACTOR, user)


def session_passed_two_factor(request):
    if request.session.get(VERIFIED_KEY):
        return True
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def marks_setup(view):
    """Wraps allauth's TOTP activation: a successful set-up verifies this session."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method == "POST" and request.user.is_authenticated:
            if is_mfa_enabled(request.user, TOTP):
                request.session[VERIFIED_KEY] = True
                request.session[SETUP_AT_KEY] = time.time()
        return response

    return wrapper


def _exempt(path):
    prefixes = [
        reverse("account_logout"),
        reverse("account_reauthenticate"),
        reverse("mfa_index"),  # set-up, recovery codes
        settings.STATIC_URL,
    ]
    return path.startswith(tuple(prefixes))


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and not _exempt(request.path) and requires_two_factor(user):
            if not is_mfa_enabled(user, TOTP):
                if request.method == "GET":
                    request.session[NEXT_KEY] = request.get_full_path()
                messages.info(
                    request,
                    "Je account geeft toegang tot het CMS of tot een toekomstplan. Stel daarom "
                    "eerst tweestapsverificatie in met een app op je telefoon.",
                )
                return redirect("mfa_activate_totp")
            if not session_passed_two_factor(request):
                logout(request)
                messages.info(request, "Log opnieuw in, met je verificatiecode.")
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)
