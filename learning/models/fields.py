"""A multiple-choice field stored as comma-separated text (works on SQLite and PostgreSQL)."""

from django import forms
from django.db import models


class ChoiceListField(models.CharField):
    """A list of choice values, edited as checkboxes, stored as 'a,b,c'."""

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return list(value)
        return [item for item in value.split(",") if item]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def validate(self, value, model_instance):
        valid = {key for key, _label in self.choices}
        for item in self.to_python(value):
            if item not in valid:
                raise forms.ValidationError(f"Ongeldige keuze: {item}")
        if not self.blank and not value:
            raise forms.ValidationError(self.error_messages["blank"])

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
