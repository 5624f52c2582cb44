"""Accounts made before e-mail verification (by an administrator) keep logging in: their
current address counts as verified."""

from django.db import migrations


def verify_existing(apps, schema_editor):
    User = apps.get_model("users", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    known = set(EmailAddress.objects.values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        EmailAddress(user_id=pk, email=email.lower(), verified=True, primary=True)
        for pk, email in User.objects.exclude(email="").values_list("pk", "email")
        if pk not in known
    )


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0002_accounts_and_approval"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(verify_existing, migrations.RunPython.noop)]
