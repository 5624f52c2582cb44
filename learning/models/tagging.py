"""Shared taxonomy tagging for every kennisbank page type."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from leernetwerk.taxonomy.models import Kennisbron

from .fields import ChoiceListField


class TaxonomyMixin(models.Model):
    """Life domains (either scheme), target groups, sectors, region, knowledge sources.

    The through tables are per page type; the search reads the denormalised
    ``FacetValue`` rows instead, so facet counts cost one query for all types.
    """

    levensgebieden = ParentalManyToManyField(
        "taxonomy.Levensgebied",
        blank=True,
        related_name="+",
        verbose_name=_("levensgebieden"),
        help_text=_("Kies uit de acht levensgebieden of de Big 5; beide indelingen vinden het."),
    )
    doelgroepen = ParentalManyToManyField(
        "taxonomy.Doelgroep", blank=True, related_name="+", verbose_name=_("doelgroepen")
    )
    sectoren = ParentalManyToManyField(
        "taxonomy.SectorGroep", blank=True, related_name="+", verbose_name=_("sectorgroepen")
    )
    regio = models.ForeignKey(
        "taxonomy.Regio",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("regio"),
    )
    kennisbronnen = ChoiceListField(
        _("kennisbronnen"), max_length=100, blank=True, choices=Kennisbron.choices
    )

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("levensgebieden", widget=forms.CheckboxSelectMultiple),
                FieldPanel("doelgroepen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectoren", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regio"),
                FieldPanel("kennisbronnen"),
                FieldPanel("tags"),
            ],
            heading=_("Indeling"),
        )
    ]

    class Meta:
        abstract = True

    def kennisbron_labels(self):
        labels = dict(Kennisbron.choices)
        return [labels.get(value, value) for value in self.kennisbronnen]
