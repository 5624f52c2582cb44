"""The omgekeerde toets as one form: the current step's questions are visible, the
answers of the other steps travel along as hidden fields (nothing stored server-side)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..privacy import personal_data_warning

MAX_ANSWER_LENGTH = 4000

ACTION_PREVIOUS = "vorige"
ACTION_NEXT = "volgende"
ACTION_SAVE = "opslaan"
ACTION_RESULT = "onderbouwing"
ACTIONS = {ACTION_PREVIOUS, ACTION_NEXT, ACTION_SAVE, ACTION_RESULT}


def step_from(data, steps):
    """The requested step number, clamped to the existing steps (bad input falls back to 1)."""
    try:
        number = int(data.get("stap", 1))
    except (TypeError, ValueError):
        number = 1
    numbers = [s.number for s in steps]
    return number if number in numbers else (numbers[0] if numbers else 1)


class ToetsForm(forms.Form):
    stap = forms.IntegerField(widget=forms.HiddenInput)
    omschrijving = forms.CharField(
        label=_("Korte omschrijving (zonder naam)"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld: 'aanvraag begeleiding naar werk, wijkteam Noord'."),
    )
    geen_persoonsgegevens = forms.BooleanField(
        label=_("Ik heb gecontroleerd dat mijn antwoorden geen persoonsgegevens bevatten."),
        required=False,
    )

    def __init__(self, steps, current, *args, can_save=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.steps = steps
        self.current = current
        self.privacy_warning = False
        self.fields["stap"].initial = current
        if not can_save:
            del self.fields["omschrijving"]
        for step in steps:
            for vraag in step.vragen.all():
                visible = step.number == current
                self.fields[vraag.field_name] = forms.CharField(
                    label=vraag.label,
                    help_text=vraag.help_text,
                    required=False,
                    max_length=MAX_ANSWER_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 4}) if visible else forms.HiddenInput,
                    error_messages={
                        "max_length": _("Houd het antwoord korter dan %(limit_value)d tekens.")
                    },
                )

    def current_step(self):
        return next((s for s in self.steps if s.number == self.current), None)

    def current_fields(self):
        step = self.current_step()
        return [self[v.field_name] for v in step.vragen.all()] if step else []

    def validate_for(self, action):
        """Extra checks that depend on the button pressed; returns ``is_valid()``."""
        if not self.is_valid():
            return False
        if action not in (ACTION_NEXT, ACTION_RESULT, ACTION_SAVE):
            return True  # going back or editing never blocks
        if action in (ACTION_NEXT, ACTION_RESULT):
            to_check = [s for s in self.steps if s.number <= self.current]
            if action == ACTION_RESULT:
                to_check = self.steps
            for step in to_check:
                for vraag in step.vragen.all():
                    if vraag.required and not self.cleaned_data.get(vraag.field_name, "").strip():
                        self.add_error(
                            vraag.field_name if step.number == self.current else None,
                            _("Beantwoord de vraag '%(vraag)s' om verder te gaan.")
                            % {"vraag": vraag.label},
                        )
        if not self.cleaned_data.get("geen_persoonsgegevens"):
            for step in self.steps:
                for vraag in step.vragen.all():
                    warning = personal_data_warning(self.cleaned_data.get(vraag.field_name, ""))
                    if warning:
                        self._warn(step, vraag, warning)
            warning = personal_data_warning(self.cleaned_data.get("omschrijving", ""))
            if warning:
                self.privacy_warning = True
                self.add_error("omschrijving", warning)
        return not self.errors

    def _warn(self, step, vraag, warning):
        self.privacy_warning = True
        if step.number == self.current:
            self.add_error(vraag.field_name, warning)
        else:
            self.add_error(None, f"{_('Stap')} {step.number}, '{vraag.label}': {warning}")

    def answers(self):
        return {
            str(v.pk): self.cleaned_data.get(v.field_name, "").strip()
            for s in self.steps
            for v in s.vragen.all()
            if self.cleaned_data.get(v.field_name, "").strip()
        }


def initial_from_answers(steps, answers):
    return {v.field_name: answers.get(str(v.pk), "") for s in steps for v in s.vragen.all()}
