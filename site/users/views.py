"""The profile: change your data, download it, delete your account. E-mail address,
password and two-factor authentication are allauth's own pages, linked from here."""

import json

from allauth.account.models import EmailAddress
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from leernetwerk.core.hooks import (
    ACCOUNT_DATA,
    ACCOUNT_DELETION_NOTICES,
    BEFORE_ACCOUNT_DELETE,
    collect,
)

from .forms import DeleteAccountForm, ProfileForm


@login_required
@never_cache
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Je gegevens zijn opgeslagen.")
        return redirect("account_profile")
    context = {
        "form": form,
        "emails": EmailAddress.objects.filter(user=request.user),
        "mfa_enabled": is_mfa_enabled(request.user),
    }
    return render(request, "account/profile.html", context, status=400 if form.errors else 200)


def account_data(user):
    """Everything the platform keeps about the account; apps add their part (``ACCOUNT_DATA``)."""
    data = {
        "uitgevoerd_op": timezone.now(),
        "account": {
            "gebruikersnaam": user.username,
            "voornaam": user.first_name,
            "achternaam": user.last_name,
            "e-mailadres": user.email,
            "organisatie": user.organisation,
            "functie": user.function,
            "regio": user.region.name if user.region_id else "",
            "professional": user.get_professional_display(),
            "goedgekeurd_op": user.approved_at,
            "aangemaakt_op": user.date_joined,
            "laatst_ingelogd": user.last_login,
            "privacyverklaring": {
                "versie": user.privacy_statement_version,
                "geaccepteerd_op": user.privacy_accepted_at,
            },
            "jonger_dan_16_bij_registratie": user.under_16,
            "ouder_of_voogd": user.parental_consent_name,
            "groepen": sorted(user.groups.values_list("name", flat=True)),
            "tweestapsverificatie": is_mfa_enabled(user),
        },
        "e-mailadressen": [
            {"adres": e.email, "bevestigd": e.verified, "primair": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
    }
    for part in collect(ACCOUNT_DATA, user):
        data.update(part)
    return data


@login_required
@never_cache
def download_data(request):
    body = json.dumps(
        account_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mijn-account.json"'
    return response


@login_required
@never_cache
@sensitive_post_parameters("password")
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            collect(BEFORE_ACCOUNT_DELETE, user)
            user.delete()
        logout(request)
        messages.success(request, "Je account is verwijderd.")
        return redirect("/")
    context = {"form": form, "notices": collect(ACCOUNT_DELETION_NOTICES, request.user)}
    return render(request, "account/delete.html", context, status=400 if form.errors else 200)
