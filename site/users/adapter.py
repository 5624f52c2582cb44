"""django-allauth adapter: one generic login error for every failure (wrong password,
unknown account, locked account), and no second password prompt for the FIRST two-factor
set-up (adding protection needs no proof; changing or removing it still does).

``allauth.core.context.request`` is the request allauth is handling; the adapter hook
``is_reauthentication_required`` receives no request of its own.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

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
        if (
            app in ("mfa", "allauth.mfa")
            and user is not None
            and user.is_authenticated
            and not is_mfa_enabled(user, [Authenticator.Type.TOTP])
        ):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)
