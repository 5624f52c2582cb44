"""A demo professional with one toekomstplan, for `make loadtest` on the demo database.

Prints JSON: the login, the TOTP secret (plan accounts need two-factor login) and the
plan's URL. The password and the secret are generated once and kept in var/ (never
committed). Runs only on the embedded SQLite database, which holds demo content, never
on a PostgreSQL production database.

The authenticator is made with allauth's ``TOTP.activate`` (allauth.mfa's internal
module: its public flow needs a request and a code typed from the secret); covered by
tests/plans/test_demo_plan.py.
"""

import base64
import json
import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from leernetwerk.core.demo import local_password
from leernetwerk.core.roles import PROFESSIONAL
from plans.models import Plan, ToekomstplanTemplatePage
from plans.writes import create_plan

USERNAME = "demo-professional"


class Command(BaseCommand):
    help = "Maakt een demo-professional met een toekomstplan (voor make loadtest)."

    def handle(self, *args, **options):
        if connection.vendor != "sqlite":
            raise CommandError("Alleen voor de demodatabase (SQLite), niet voor productie.")
        template = ToekomstplanTemplatePage.objects.live().order_by("path").first()
        if template is None:
            raise CommandError("Geen toekomstplan-sjabloon: draai eerst manage.py load_demo.")
        password = local_password("demo-professional-password.txt")
        user, _ = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": f"{USERNAME}@example.org"}
        )
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=PROFESSIONAL))
        # Approved and verified as an editor would (approve() would also send a mail).
        user.professional = user.Professional.GOEDGEKEURD
        user.approved_at = user.approved_at or timezone.now()
        user.save(update_fields=["professional", "approved_at"])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        secret = local_password(
            "demo-professional-totp.txt",
            make=lambda: base64.b32encode(secrets.token_bytes(20)).decode().rstrip("="),
        )
        Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
        TOTP.activate(user, secret)
        plan = Plan.objects.filter(created_by=user, template=template).first()
        if plan is None:
            values = {"first_name": "Demo", "date_of_birth": None, "under_16": False}
            plan = create_plan(template, values, user)
        url = reverse("plans:detail", kwargs={"reference": plan.reference})
        self.stdout.write(
            json.dumps({"username": USERNAME, "password": password, "totp": secret, "plan": url})
        )
