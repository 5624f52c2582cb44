"""django-allauth adapter: one generic login error for every failure (wrong password,
unknown account, locked account), and no second password prompt for the FIRST two-factor
set-up (adding protection needs no proof; changing or removing it still does), nor for
the recovery codes in the minutes right after that set-up.

``allauth.core.context.request`` is the request allauth is handling; the adapter hook
``is_reauthentication_required`` receives no request of its own.
"""

import time

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

from .middleware import SETUP_AT_KEY, SETUP_GRACE_SECONDS

LOGIN_FAILED = (
    "Inloggen is niet gelukt. Controleer je gebruikersnaam of e-mailadres en je wachtwoord. "
    "Na vijf mislukte pogingen kun je een kwartier niet inloggen; je kunt dan je wachtwoord "
    "opnieuw instellen."
)


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": LOGIN_FAILED,
        "email_password_mismatch": LOGIN_FAILED,
    }

    def is_reauthentication_required(self, app=None, **kwargs):
        request = getattr(context, "request", None)
        user = getattr(request, "user", None)
        if app in ("mfa", "allauth.mfa") and user is not None and user.is_authenticated:
            if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
                return False
            # The session that just proved a code while setting up TOTP may see its new
            # recovery codes without typing the password again.
            setup_at = request.session.get(SETUP_AT_KEY) or 0
            if time.time() - setup_at < SETUP_GRACE_SECONDS:
                return False
        return super().is_reauthentication_required(app=app, **kwargs)
