"""The public subscription form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Subscriber, normalize_email


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=Subscriber._meta.get_field("email").max_length,
        help_text=_("Hierheen sturen we eerst een mail om je aanmelding te bevestigen."),
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
            "max_length": _("Dit e-mailadres is te lang."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Naam (mag je leeg laten)"),
        max_length=Subscriber._meta.get_field("name").max_length,
        required=False,
        error_messages={"max_length": _("Gebruik voor je naam hoogstens 100 tekens.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if any(ord(char) < 32 for char in name):
            raise forms.ValidationError(_("Je naam bevat tekens die we niet kunnen gebruiken."))
        return name
