"""Per-account login lockout with django-axes, on every login path.

- **One account, one counter.** ``account_key`` maps whatever was typed (user name or
  e-mail address, any case) to the account it names, so failures with the user name
  and with the e-mail address add up. Text that names no account is counted under a
  hash of itself (no e-mail addresses in the lockout table).
- **Shared.** Axes keeps its counters in the database (``AxesDBHandler``), so every
  worker process sees the same count.
- **Nothing to learn from the answer.** A locked account gets the same form and the
  same message as a wrong password (``same_response``), and ``LockoutBackend`` spends
  one password hash before it refuses, as a real password check or Django's check for
  an unknown account does, so the timing does not tell a locked account apart either.
"""

import hashlib

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import Q

IDENTIFIER_FIELDS = ("username", "email", "login")


def typed_identifier(request, credentials):
    for source in (credentials or {}, getattr(request, "POST", {}) or {}):
        for name in IDENTIFIER_FIELDS:
            value = source.get(name)
            if value:
                return str(value).strip().lower()
    return ""


def account_key(request, credentials):
    """AXES_USERNAME_CALLABLE: the account behind the identifier, or a hash of the text."""
    typed = typed_identifier(request, credentials)
    if not typed:
        return ""
    pk = (
        get_user_model()
        ._default_manager.filter(Q(username__iexact=typed) | Q(email__iexact=typed))
        .values_list("pk", flat=True)
        .first()
    )
    if pk is not None:
        return f"account:{pk}"
    return "onbekend:" + hashlib.sha256(typed.encode()).hexdigest()[:32]


def same_response(request, original_response, credentials=None):
    """AXES_LOCKOUT_CALLABLE: keep the login form's own answer (the generic error)."""
    return original_response


class LockoutBackend(AxesStandaloneBackend):
    """Axes' backend (first in AUTHENTICATION_BACKENDS), plus one hash when refusing."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            return super().authenticate(request, username=username, password=password, **kwargs)
        except AxesBackendPermissionDenied:
            make_password(password or "")  # the cost of the password check it skips
            raise
