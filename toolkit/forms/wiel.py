"""Filling in the participatiewiel: per goal a score and activities, per activity its
legal framework. Items come from the editor-maintained WielOnderdeel snippets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import WielOnderdeel

MAX_SCORE = 10


class WielForm(forms.Form):
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        max_length=120,
        required=False,
        help_text=_(
            "Bijvoorbeeld: 'beleid participatie 2026' of 'casus wijkteam Oost'. "
            "Geen namen van personen."
        ),
    )

    def __init__(self, *args, onderdelen=None, **kwargs):
        super().__init__(*args, **kwargs)
        onderdelen = onderdelen if onderdelen is not None else list(WielOnderdeel.objects.all())
        self.doelen = [o for o in onderdelen if o.ring == WielOnderdeel.Ring.DOEL]
        self.activiteiten = [o for o in onderdelen if o.ring == WielOnderdeel.Ring.ACTIVITEIT]
        self.kaders = [o for o in onderdelen if o.ring == WielOnderdeel.Ring.KADER]
        activity_choices = [(str(a.pk), a.name) for a in self.activiteiten]
        for doel in self.doelen:
            self.fields[f"score_{doel.pk}"] = forms.IntegerField(
                label=_("Huidige situatie (0-%(max)d)") % {"max": MAX_SCORE},
                min_value=0,
                max_value=MAX_SCORE,
                required=True,
                error_messages={
                    "required": _("Geef een score van 0 tot en met %(max)d.") % {"max": MAX_SCORE},
                    "invalid": _("Vul een heel getal in."),
                    "min_value": _("De score is minimaal 0."),
                    "max_value": _("De score is maximaal %(max)d.") % {"max": MAX_SCORE},
                },
            )
            self.fields[f"activiteiten_{doel.pk}"] = forms.MultipleChoiceField(
                label=_("Ingezette activiteiten"),
                choices=activity_choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": _("Kies een activiteit uit de lijst.")},
            )
        kader_choices = [("", _("— nog geen kader —"))] + [(str(k.pk), k.name) for k in self.kaders]
        for activiteit in self.activiteiten:
            self.fields[f"kader_{activiteit.pk}"] = forms.ChoiceField(
                label=activiteit.name,
                choices=kader_choices,
                required=False,
                error_messages={"invalid_choice": _("Kies een wettelijk kader uit de lijst.")},
            )

    def goal_rows(self):
        return [(d, self[f"score_{d.pk}"], self[f"activiteiten_{d.pk}"]) for d in self.doelen]

    def kader_fields(self):
        return [(a, self[f"kader_{a.pk}"]) for a in self.activiteiten]

    def clean(self):
        cleaned = super().clean()
        used = {a for d in self.doelen for a in cleaned.get(f"activiteiten_{d.pk}", []) or []}
        for activiteit in self.activiteiten:
            if str(activiteit.pk) in used and not cleaned.get(f"kader_{activiteit.pk}"):
                self.add_error(
                    f"kader_{activiteit.pk}",
                    _("Kies het wettelijk kader waarop '%(naam)s' rust.")
                    % {"naam": activiteit.name},
                )
        return cleaned

    def data_json(self):
        cd = self.cleaned_data
        used = set()
        doelen = {}
        for d in self.doelen:
            acts = [int(a) for a in cd.get(f"activiteiten_{d.pk}", [])]
            used.update(acts)
            doelen[str(d.pk)] = {"score": cd[f"score_{d.pk}"], "activiteiten": acts}
        kaders = {
            str(a.pk): int(cd[f"kader_{a.pk}"])
            for a in self.activiteiten
            if a.pk in used and cd.get(f"kader_{a.pk}")
        }
        return {"doelen": doelen, "kaders": kaders}


def initial_from_data(data):
    initial = {}
    for doel_id, entry in (data.get("doelen") or {}).items():
        initial[f"score_{doel_id}"] = entry.get("score")
        initial[f"activiteiten_{doel_id}"] = [str(a) for a in entry.get("activiteiten", [])]
    for act_id, kader_id in (data.get("kaders") or {}).items():
        initial[f"kader_{act_id}"] = str(kader_id)
    return initial
