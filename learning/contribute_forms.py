"""The "Les delen" form: the structure of a lesson in plain text, the kennisbank's own
vocabulary, and consent to be named."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from leernetwerk.taxonomy.forms import RegionField
from leernetwerk.taxonomy.models import Doelgroep, Levensgebied, SectorGroep

TEXT_MAX = 5000
MAX_THEMES = 8
THEME_MAX = 50
CHOICE_ERRORS = {
    "invalid_choice": _("Kies alleen uit de lijst."),
    "invalid_pk_value": _("Kies alleen uit de lijst."),
}


def _text(label, help_text, required=False):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": _("Maak deze tekst korter: er passen %(limit_value)d tekens in.")
        },
    )


def _choices(label, queryset):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )


class ContributionForm(forms.Form):
    # aria-required instead of required: an empty required textarea would show as
    # invalid (red) before anything was typed; the server checks everything anyway.
    use_required_attribute = False

    title = forms.CharField(
        label=_("Titel van de les"),
        max_length=200,
        help_text=_("Kort en concreet, bijvoorbeeld: Begin het toekomstplan op je zestiende."),
    )
    summary = forms.CharField(
        label=_("Samenvatting"),
        max_length=600,
        help_text=_("In twee of drie zinnen: wat is de les? Maximaal 600 tekens."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Maak de samenvatting korter: maximaal 600 tekens.")},
    )
    context = _text(_("De situatie"), _("Waar speelde het, met welke jongeren en wie deden mee?"))
    approach = _text(
        _("Aanpak"), _("Wat hebben jullie gedaan? Beschrijf de stappen."), required=True
    )
    worked = _text(_("Wat werkte"), _("Wat ging goed, en waaraan merkten jullie dat?"))
    did_not_work = _text(_("Wat werkte niet"), _("Wat liep anders dan gedacht?"))
    tips = _text(_("Tips"), _("Wat zou je een collega meegeven die hiermee begint?"))
    levensgebieden = _choices(
        _("Levensgebieden"),
        Levensgebied.objects.filter(scheme=Levensgebied.Scheme.LEVENSGEBIEDEN),
    )
    doelgroepen = _choices(_("Doelgroepen"), Doelgroep.objects.all())
    sectoren = _choices(_("Sectoren"), SectorGroep.objects.all())
    regio = RegionField(label=_("Regio"), required=False)
    themes = forms.CharField(
        label=_("Thema's"),
        required=False,
        max_length=400,
        help_text=_("Een paar trefwoorden, gescheiden door komma's, bijvoorbeeld: wonen, 18-/18+."),
    )
    credit_consent = forms.BooleanField(
        label=_("Noem mijn naam en organisatie bij de gepubliceerde les"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["aria-required"] = "true"
                field.error_messages["required"] = format_lazy(
                    _("Vul het veld '{}' in."), field.label
                )
        for name in ("title", "summary", "approach"):
            self.fields[name].strip = True

    def clean_themes(self):
        themes = []
        for part in self.cleaned_data["themes"].split(","):
            theme = " ".join(part.split()).lower()
            if theme and theme not in themes:
                themes.append(theme)
        if len(themes) > MAX_THEMES:
            raise forms.ValidationError(
                _("Noem hoogstens %(max)d thema's."), params={"max": MAX_THEMES}
            )
        if any(len(theme) > THEME_MAX for theme in themes):
            raise forms.ValidationError(
                _("Een thema is hoogstens %(max)d tekens lang."), params={"max": THEME_MAX}
            )
        return themes
