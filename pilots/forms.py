"""The pilot application form and its rule: at least two different sector groups."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from leernetwerk.taxonomy.forms import RegionField
from leernetwerk.taxonomy.models import SectorGroep

from .models import Programma

MIN_SECTOR_GROUPS = 2
ORGANISATION_ROWS = 6


def check_sector_groups(sectors):
    """Raise a Dutch ValidationError unless ``sectors`` holds two or more different groups."""
    distinct = {sector.pk: sector for sector in sectors}
    if not distinct:
        raise ValidationError(
            _(
                "Vul de deelnemende organisaties in, elk met hun sectorgroep. Er moeten "
                "organisaties uit ten minste twee verschillende sectorgroepen meedoen."
            ),
            code="no_organisations",
        )
    if len(distinct) < MIN_SECTOR_GROUPS:
        (only,) = distinct.values()
        raise ValidationError(
            _(
                "Alle organisaties horen nu bij dezelfde sectorgroep (%(sector)s). Een pilot "
                "vraagt om samenwerking tussen organisaties uit ten minste twee verschillende "
                "sectorgroepen."
            ),
            code="one_sector_group",
            params={"sector": only.name},
        )


class AanmeldingForm(forms.Form):
    regio = RegionField(
        label=_("Aanvragende regio of gemeente"),
        help_text=_(
            "Typ de naam van uw gemeente of regio en kies uit de lijst, of vul de CBS-code "
            "in (bijvoorbeeld GM0363)."
        ),
    )
    contact_name = forms.CharField(label=_("Naam contactpersoon"), max_length=150)
    contact_role = forms.CharField(label=_("Functie"), max_length=150, required=False)
    contact_email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hierheen sturen we de bevestiging."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@gemeente.nl.")},
    )
    contact_phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    programma = forms.ModelChoiceField(
        label=_("Beoogd thema"),
        queryset=Programma.objects.all(),
        empty_label=_("Kies een thema"),
    )
    motivation = forms.CharField(
        label=_("Motivatie"),
        help_text=_("Waarom wil uw regio meedoen en wat wilt u bereiken voor jongeren?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        min_length=50,
        error_messages={
            "min_length": _("Licht uw motivatie toe in ten minste %(limit_value)d tekens."),
        },
    )
    # Honeypot: hidden from people (display: none), filled in by naive bots.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["required"] = True
                field.error_messages["required"] = format_lazy(
                    _("Vul het veld '{}' in."), field.label
                )
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website")))

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]


class OrganisatieForm(forms.Form):
    name = forms.CharField(label=_("Naam organisatie"), max_length=200, required=False)
    sector = forms.ModelChoiceField(
        label=_("Sectorgroep"),
        queryset=SectorGroep.objects.all(),
        required=False,
        empty_label=_("Kies een sectorgroep"),
        error_messages={"invalid_choice": _("Kies een sectorgroep uit de lijst.")},
    )

    def clean(self):
        data = super().clean()
        name, sector = data.get("name"), data.get("sector")
        if name and not sector and "sector" not in self.errors:
            self.add_error("sector", _("Kies de sectorgroep van deze organisatie."))
        if sector and not name:
            self.add_error("name", _("Vul de naam van de organisatie in."))
        return data


class BaseOrganisatieFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        check_sector_groups(
            [form.cleaned_data["sector"] for form in self.forms if form.cleaned_data.get("name")]
        )

    def organisations(self):
        return [
            (form.cleaned_data["name"], form.cleaned_data["sector"])
            for form in self.forms
            if form.cleaned_data.get("name")
        ]


OrganisatieFormSet = forms.formset_factory(
    OrganisatieForm,
    formset=BaseOrganisatieFormSet,
    extra=ORGANISATION_ROWS,
    max_num=ORGANISATION_ROWS,
    validate_max=True,
    absolute_max=ORGANISATION_ROWS,
)
