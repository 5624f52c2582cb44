"""Region pickers that scale to every Dutch region and work without JavaScript.

``RegionField`` is a text input with a ``<datalist>`` of all regions: the browser offers
and filters the names as one types, and the server accepts a name, a CBS code (also
the code of a merged municipality) or the label from the list. ``RegionSelectMultiple``
is a multiple select grouped per kind, for the CMS, with a filter box added by script.
"""

from itertools import groupby

from django import forms
from django.utils.translation import gettext_lazy as _

from .lookup import RegionLookup, RegionNotFound, label
from .models import Regio


class RegionInput(forms.TextInput):
    template_name = "taxonomy/widgets/region_input.html"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        self.queryset = Regio.objects.none()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id') or name}-lijst"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["list_id"] = list_id
        # One query for the whole list, whatever its length.
        context["widget"]["options"] = [
            (label(region), region.cbs_code)
            for region in self.queryset.only("name", "kind", "cbs_code")
        ]
        return context


class RegionField(forms.Field):
    """A region typed or picked from the list; cleans to a Regio from ``queryset``."""

    widget = RegionInput
    default_error_messages = {"required": _("Kies een regio.")}

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Typ om te zoeken, bijvoorbeeld Amsterdam of de CBS-code GM0363."),
        )
        super().__init__(**kwargs)
        self.queryset = Regio.objects.all() if queryset is None else queryset

    @property
    def queryset(self):
        return self._queryset

    @queryset.setter
    def queryset(self, queryset):
        self._queryset = queryset
        self.widget.queryset = queryset

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.queryset = self._queryset.all()
        return result

    def prepare_value(self, value):
        if isinstance(value, Regio):
            return label(value)
        if isinstance(value, int):
            region = self._queryset.filter(pk=value).first()
            return label(region) if region else ""
        return value

    def to_python(self, value):
        if isinstance(value, Regio):
            return value
        if value in self.empty_values or not str(value).strip():
            return None
        try:
            return RegionLookup(self._queryset).find(value)
        except RegionNotFound as exc:
            # A form may word it for its own list ("Kies een arbeidsmarktregio ...").
            message = self.error_messages.get("invalid_choice") or str(exc)
            raise forms.ValidationError(message, code="invalid_choice") from None

    def has_changed(self, initial, data):
        return self.prepare_value(initial) != (data or "")


class RegionSelectMultiple(forms.SelectMultiple):
    """Options grouped per kind; ``region-filter.js`` adds a search box above it."""

    template_name = "taxonomy/widgets/region_select_multiple.html"

    class Media:
        js = ["taxonomy/region-filter.js"]

    def __init__(self, attrs=None):
        super().__init__({"size": 12, "data-region-filter": "", **(attrs or {})})

    def optgroups(self, name, value, attrs=None):
        chosen = {str(v) for v in value}
        options = []
        for index, (option_value, option_label) in enumerate(self.choices):
            instance = getattr(option_value, "instance", None)
            kind = instance.get_kind_display() if instance is not None else ""
            selected = str(option_value) in chosen
            option = self.create_option(name, option_value, option_label, selected, index)
            if instance is not None and instance.cbs_code:
                option["attrs"]["data-code"] = instance.cbs_code
            options.append((kind, option))
        options.sort(key=lambda item: item[0])
        return [
            (kind, [option for _kind, option in group], index)
            for index, (kind, group) in enumerate(groupby(options, key=lambda item: item[0]))
        ]
