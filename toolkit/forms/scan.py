from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leernetwerk.taxonomy.forms import RegionField
from leernetwerk.taxonomy.models import Regio

from ..models import Actiepunt, OrganisatieType, ScanFactor

SCORE_ERRORS = {
    "required": _("Geef een score van 0 tot en met 100."),
    "invalid": _("Vul een heel getal van 0 tot en met 100 in."),
    "min_value": _("De score is minimaal 0."),
    "max_value": _("De score is maximaal 100."),
}


class NieuweScanForm(forms.Form):
    title = forms.CharField(
        label=_("Titel van de scan"),
        max_length=160,
        error_messages={"required": _("Geef de scan een titel.")},
    )
    regio = RegionField(
        Regio.objects.filter(kind=Regio.Kind.ARBEIDSMARKTREGIO),
        label=_("Arbeidsmarktregio"),
        help_text=_("Typ om te zoeken, bijvoorbeeld Groot Amsterdam of de CBS-code AM18."),
        error_messages={
            "required": _("Kies de arbeidsmarktregio van de scan."),
            "invalid_choice": _("Kies een arbeidsmarktregio uit de lijst."),
        },
    )
    organisatie_type = forms.ChoiceField(
        label=_("Uw soort organisatie"),
        choices=OrganisatieType.choices,
        error_messages={
            "required": _("Kies uw soort organisatie."),
            "invalid_choice": _("Kies een soort organisatie uit de lijst."),
        },
    )


class UitnodigingForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres deelnemer"),
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        },
    )
    organisatie_type = forms.ChoiceField(
        label=_("Soort organisatie"),
        choices=OrganisatieType.choices,
        error_messages={
            "required": _("Kies de soort organisatie."),
            "invalid_choice": _("Kies een soort organisatie uit de lijst."),
        },
    )

    def __init__(self, *args, scan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scan = scan

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if self.scan and self.scan.deelnemers.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Dit e-mailadres doet al mee aan deze scan."))
        return email


WEET_NIET = "_weet_niet"


class ScoreForm(forms.Form):
    """One slider (0-100) per success factor plus the overall picture, each with a
    "weet ik niet" box. The box is ticked for whatever the participant has not scored
    yet, so an untouched slider (it has to stand somewhere) never counts as a score."""

    def __init__(self, *args, themas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.themas = themas
        for thema in themas:
            for factor in thema.factoren.all():
                self._add_score(f"factor_{factor.pk}", factor.name, factor.norm)
        self._add_score(
            "algemeen_beeld",
            _("Algemeen beeld"),
            _("Hoe goed gaat de samenwerking in de regio als geheel?"),
        )

    def _add_score(self, name, label, help_text):
        self.fields[name] = forms.IntegerField(
            label=label,
            help_text=help_text,
            min_value=0,
            max_value=100,
            required=False,
            error_messages=SCORE_ERRORS,
        )
        self.fields[name + WEET_NIET] = forms.BooleanField(
            label=_("Weet ik niet"), required=False, initial=self.initial.get(name) is None
        )

    def clean(self):
        cleaned = super().clean()
        for name in list(self.fields):
            if name.endswith(WEET_NIET):
                continue
            if cleaned.get(name + WEET_NIET):
                # "weet niet" wins: whatever the slider says is not a score
                self.errors.pop(name, None)
                cleaned[name] = None
            elif name not in self.errors and cleaned.get(name) is None:
                self.add_error(name, SCORE_ERRORS["required"])
        return cleaned

    def pair(self, name):
        return self[name], self[name + WEET_NIET]

    def grouped(self):
        return [
            (thema, [self.pair(f"factor_{f.pk}") for f in thema.factoren.all()])
            for thema in self.themas
        ]

    def overall(self):
        return self.pair("algemeen_beeld")

    def scores(self):
        """{factor_id: score or None}; None is "weet niet"."""
        return {
            int(name.removeprefix("factor_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("factor_") and not name.endswith(WEET_NIET)
        }


class ActiepuntForm(forms.ModelForm):
    class Meta:
        model = Actiepunt
        fields = ["factor", "description", "trekker", "trekker_email", "deadline"]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "factor": {
                "required": _("Kies de succesfactor waar de actie bij hoort."),
                "invalid_choice": _("Kies een succesfactor uit de lijst."),
            },
            "description": {"required": _("Beschrijf de actie.")},
            "trekker": {"required": _("Vul in wie de trekker is.")},
            "trekker_email": {
                "required": _("Vul het e-mailadres van de trekker in."),
                "invalid": _("Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
            },
            "deadline": {
                "required": _("Kies een datum waarop de actie klaar moet zijn."),
                "invalid": _("Vul een geldige datum in (dag-maand-jaar)."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["factor"].queryset = ScanFactor.objects.select_related("thema").order_by(
            "thema__sort_order", "sort_order"
        )
        self.fields["deadline"].input_formats = ["%Y-%m-%d", "%d-%m-%Y"]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in het verleden."))
        return deadline
