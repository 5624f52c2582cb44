"""The arrangementenwaaier: all live arrangements as a fan of cards, filterable on
every attribute. Filters are GET parameters so results can be bookmarked."""

from django import forms
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from leernetwerk.core.models import paginate
from leernetwerk.taxonomy.forms import RegionField
from leernetwerk.taxonomy.models import Doelgroep, Levensgebied, Regio, SectorGroep

from ..models import ArrangementPage, Financieringsbron


class WaaierFilterForm(forms.Form):
    levensgebied = forms.ModelChoiceField(
        Levensgebied.objects.all(),
        required=False,
        label=_("Levensgebied"),
        empty_label=_("Alle levensgebieden"),
        to_field_name="slug",
    )
    doelgroep = forms.ModelChoiceField(
        Doelgroep.objects.all(),
        required=False,
        label=_("Doelgroep"),
        empty_label=_("Alle doelgroepen"),
        to_field_name="slug",
    )
    sectorgroep = forms.ModelChoiceField(
        SectorGroep.objects.all(),
        required=False,
        label=_("Sectorgroep"),
        empty_label=_("Alle sectorgroepen"),
        to_field_name="slug",
    )
    financiering = forms.ModelChoiceField(
        Financieringsbron.objects.all(),
        required=False,
        label=_("Financiering of wet"),
        empty_label=_("Alle financieringsbronnen"),
    )
    regio = RegionField(
        Regio.objects.exclude(kind=Regio.Kind.GEMEENTE),
        required=False,
        label=_("Regio"),
        help_text=_("Leeg voor alle regio's. Typ om te zoeken."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Deze keuze bestaat niet (meer).")

    def filter(self, queryset):
        cd = self.cleaned_data
        if cd.get("levensgebied"):
            domains = Levensgebied.objects.filter(pk=cd["levensgebied"].pk).with_equivalents()
            queryset = queryset.filter(levensgebieden__in=domains)
        for name, lookup in (
            ("doelgroep", "doelgroepen"),
            ("sectorgroep", "sectorgroepen"),
            ("financiering", "financiering"),
        ):
            if cd.get(name):
                queryset = queryset.filter(**{lookup: cd[name]})
        if cd.get("regio"):
            queryset = queryset.filter(regio=cd["regio"])
        return queryset.distinct()


def arrangementen():
    return (
        ArrangementPage.objects.live()
        .public()
        .select_related("regio")
        .prefetch_related(
            Prefetch(
                "levensgebieden", queryset=Levensgebied.objects.order_by("scheme", "sort_order")
            ),
            "doelgroepen",
            "sectorgroepen",
            "financiering",
        )
        .order_by("title")
    )


def waaier(request):
    form = WaaierFilterForm(request.GET or None)
    queryset = arrangementen()
    status = 200
    if form.is_bound:
        if form.is_valid():
            queryset = form.filter(queryset)
        else:
            status = 400
            queryset = queryset.none()
    items = paginate(request, queryset)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "toolkit/waaier.html",
        {"form": form, "items": items, "query_prefix": query.urlencode()},
        status=status,
    )
