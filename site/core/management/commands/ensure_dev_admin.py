"""Create a local administrator for `make run` and print its credentials.

The password is generated once and kept in var/ (never committed), so each run
prints the same login. Refuses to run with DEBUG off: not for production.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from leernetwerk.core.demo import local_password


class Command(BaseCommand):
    help = "Maakt een lokale beheerder 'admin' aan (alleen voor ontwikkeling)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Alleen bedoeld voor lokale ontwikkeling (DEBUG staat uit).")
        password = local_password("admin-password.txt")
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        # allauth asks for a confirmed address before login; this one is known.
        EmailAddress.objects.get_or_create(
            user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Beheer: http://127.0.0.1:8000/cms/  gebruiker: admin  wachtwoord: " + password
            )
        )
        self.stdout.write(
            "Bij de eerste keer inloggen stel je tweestapsverificatie in (een authenticator-app)."
        )
