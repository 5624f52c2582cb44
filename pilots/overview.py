"""The pilot overview at /pilots/: filters, the map and the list share one queryset."""

from django import forms
from django.utils.translation import gettext_lazy as _

from leernetwerk.taxonomy.models import Provincie, SectorGroep

from .mapdata import build_map
from .models import PilotOproepPage, Programma
from .models.pages import SHOWN_STATUSES, with_current_status


class PilotFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    programma = forms.ChoiceField(label=_("Programma"), required=False)
    provincie = forms.ChoiceField(label=_("Provincie"), required=False)
    sector = forms.ChoiceField(label=_("Sectorgroep"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Alle"))]
        self.fields["status"].choices = everything + SHOWN_STATUSES
        self.fields["programma"].choices = everything + list(
            Programma.objects.values_list("slug", "name")
        )
        self.fields["provincie"].choices = everything + list(Provincie.choices)
        self.fields["sector"].choices = everything + list(
            SectorGroep.objects.values_list("slug", "name")
        )

    def filter(self, queryset):
        """Apply the valid filters; an unknown value is ignored rather than an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("status"):
            queryset = with_current_status(queryset).filter(current_status_value=data["status"])
        if data.get("programma"):
            queryset = queryset.filter(programma__slug=data["programma"])
        # Subqueries keep one row per pilot when several regions or organisations match.
        if data.get("provincie"):
            queryset = queryset.filter(
                pk__in=queryset.model.objects.filter(regions__province=data["provincie"]).values(
                    "pk"
                )
            )
        if data.get("sector"):
            queryset = queryset.filter(
                pk__in=queryset.model.objects.filter(
                    organisations__sector__slug=data["sector"]
                ).values("pk")
            )
        return queryset

    def active_filters(self):
        data = getattr(self, "cleaned_data", {})
        return [
            (self.fields[name].label, dict(self.fields[name].choices)[data[name]])
            for name in self.fields
            if data.get(name)
        ]


def overview_context(index_page, request):
    form = PilotFilterForm(request.GET or None)
    pilots = list(form.filter(index_page.pilots()))
    oproepen = list(
        PilotOproepPage.objects.live().public().child_of(index_page).order_by("-opens_on")
    )
    return {
        "filter_form": form,
        "active_filters": form.active_filters() if form.is_bound else [],
        "pilots": pilots,
        "pilot_map": build_map(pilots),
        "oproepen": oproepen,
    }
