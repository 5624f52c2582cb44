"""Front-end account pages with Dutch paths: django-allauth's views under allauth's own
URL names (so its redirects and e-mails find them), plus the profile pages.

Only the allauth views the site uses are listed; the CMS login (/cms/login/) redirects
to the login here, so every login passes the same lockout and two-factor check.
"""

from allauth.account import views as account_views
from allauth.mfa.totp import views as totp_views
from django.urls import include, path, re_path

from leernetwerk.core.ratelimits import limit_posts

from . import views
from .middleware import marks_setup

urlpatterns = [
    path("inloggen/", account_views.login, name="account_login"),
    path("uitloggen/", account_views.logout, name="account_logout"),
    path("inactief/", account_views.account_inactive, name="account_inactive"),
    path(
        "registreren/",
        limit_posts("registratie")(account_views.signup),
        name="account_signup",
    ),
    path("opnieuw-inloggen/", account_views.reauthenticate, name="account_reauthenticate"),
    path(
        "opnieuw-inloggen/code/",
        account_views.request_reauthentication_code,
        name="account_request_reauthentication_code",
    ),
    path(
        "opnieuw-inloggen/code/bevestigen/",
        account_views.confirm_reauthentication_code,
        name="account_confirm_reauthentication_code",
    ),
    path("e-mail/", account_views.email, name="account_email"),
    path(
        "e-mail/bevestigen/",
        account_views.email_verification_sent,
        name="account_email_verification_sent",
    ),
    re_path(
        r"^e-mail/bevestigen/(?P<key>[-:\w]+)/$",
        account_views.confirm_email,
        name="account_confirm_email",
    ),
    path("wachtwoord/", account_views.password_change, name="account_change_password"),
    path("wachtwoord/instellen/", account_views.password_set, name="account_set_password"),
    path(
        "wachtwoord-vergeten/",
        limit_posts("wachtwoord", keys=("ip", "email"))(account_views.password_reset),
        name="account_reset_password",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        account_views.password_reset_done,
        name="account_reset_password_done",
    ),
    re_path(
        r"^wachtwoord-herstellen/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        account_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        account_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    # allauth's TOTP set-up, wrapped so that the session that set it up counts as verified.
    path(
        "tweestapsverificatie/totp/activate/",
        marks_setup(totp_views.activate_totp),
        name="mfa_activate_totp",
    ),
    path("tweestapsverificatie/", include("allauth.mfa.urls")),
    path("profiel/", views.profile, name="account_profile"),
    path("profiel/mijn-gegevens.json", views.download_data, name="account_data"),
    path("profiel/verwijderen/", views.delete_account, name="account_delete"),
]
