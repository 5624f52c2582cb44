"""The registration form on an event page and the kind filter of the agenda."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import EventKind


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de bevestiging met de agenda-afspraak."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.")},
    )
    organisation = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    # Honeypot: hidden from people, filled in by naive bots.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        if user is not None and user.is_authenticated:
            kwargs.setdefault(
                "initial",
                {
                    "name": user.get_full_name() or user.get_username(),
                    "email": user.email,
                    "organisation": user.organisation,
                },
            )
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["required"] = True
                field.error_messages["required"] = format_lazy(
                    _("Vul het veld '{}' in."), field.label
                )
            field.error_messages["max_length"] = format_lazy(
                _("Gebruik voor '{}' ten hoogste %(limit_value)d tekens."), field.label
            )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Vul het veld 'Naam' in."), code="required")
        return name

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website")))

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]


class KindFilterForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort bijeenkomst"),
        required=False,
        choices=[("", _("Alle soorten")), *EventKind.choices],
    )

    def kind(self):
        """The chosen kind, or "" for a missing or unknown value (never an error page)."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["soort"]
        return ""
