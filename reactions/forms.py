"""The reaction and report forms: plain text, stripped, with Dutch messages."""

from django import forms
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from .models import REASON_MAX_LENGTH, TEXT_MAX_LENGTH

NULL_MESSAGE = _(
    "De tekst bevat een teken dat niet is toegestaan. Haal het weg en probeer opnieuw."
)


def _plain_text_field(label, max_length, required_message, too_long_message, rows):
    field = forms.CharField(
        label=label,
        max_length=max_length,
        strip=True,
        # aria-required, not required: an empty required textarea shows as invalid (red)
        # before anything is typed; the server checks it.
        widget=forms.Textarea(attrs={"rows": rows, "aria-required": "true"}),
        error_messages={"required": required_message},
    )
    # Dutch messages of our own for the length and for control characters.
    field.validators = [
        ProhibitNullCharactersValidator(message=NULL_MESSAGE),
        MaxLengthValidator(max_length, message=too_long_message),
    ]
    return field


class ReactionForm(forms.Form):
    use_required_attribute = False
    text = _plain_text_field(
        _("Je reactie"),
        TEXT_MAX_LENGTH,
        _("Schrijf eerst je reactie; een lege reactie kan niet worden geplaatst."),
        _(
            "Je reactie is te lang: er passen %(limit_value)d tekens in, je schreef er "
            "%(show_value)d. Maak hem korter."
        ),
        rows=5,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "reactie")
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _(
            "Alleen platte tekst, maximaal %(max)d tekens. Webadressen worden klikbare links. "
            "Je naam en organisatie staan bij je reactie."
        ) % {"max": TEXT_MAX_LENGTH}


class ReportForm(forms.Form):
    use_required_attribute = False
    reason = _plain_text_field(
        _("Waarom meld je deze reactie?"),
        REASON_MAX_LENGTH,
        _("Vul in waarom je deze reactie meldt, zodat de moderator weet waar het om gaat."),
        _("Je toelichting is te lang: er passen %(limit_value)d tekens in. Maak hem korter."),
        rows=3,
    )

    def __init__(self, *args, reaction=None, **kwargs):
        if reaction is not None:
            kwargs.setdefault("prefix", f"melding-{reaction.pk}")
        super().__init__(*args, **kwargs)
