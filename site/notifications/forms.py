from django import forms

from .kinds import CHOICES


class PreferencesForm(forms.Form):
    """One radio group per registered kind."""

    def __init__(self, kinds, current, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds.values():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=CHOICES,
                initial=current.get(kind.key, kind.default),
                widget=forms.RadioSelect,
                error_messages={"required": "Kies hoe je deze melding wilt krijgen."},
            )
