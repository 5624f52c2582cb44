from django import forms
from django.utils.translation import gettext_lazy as _

from leernetwerk.taxonomy.models import Levensgebied

from .models import Dataset, Kenmerk


class PersonaFilterForm(forms.Form):
    levensgebied = forms.ModelChoiceField(
        Levensgebied.objects.all(),
        required=False,
        to_field_name="slug",
        label=_("Levensgebied"),
        empty_label=_("Alle levensgebieden"),
    )
    kenmerk = forms.ModelChoiceField(
        Kenmerk.objects.all(),
        required=False,
        to_field_name="code",
        label=_("Kenmerk"),
        empty_label=_("Alle kenmerken"),
    )


class FigureUploadForm(forms.Form):
    dataset = forms.ModelChoiceField(Dataset.objects.all(), label=_("Dataset"))
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen regio, kenmerken, aantal. Regio is een CBS-code (ook de oude code van "
            "een samengevoegde gemeente), een naam of NL; "
            "kenmerken zijn codes met een plusteken ertussen, of 'totaal' voor de bevolking."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 20 MB."))
        return upload
