"""Tables that support the kennisbank search.

``SearchEntry`` and ``FacetValue`` are a denormalised copy of each live page's
sort date and facet values, written when a page is published, whatever its type.
The search snapshot of each process reads them whole (search/snapshot.py), so
beyond the page key they need no indexes, which keeps bulk imports cheap.
``SearchState`` versions the in-memory search snapshot of each process.
``SearchOutbox`` keeps index updates that Elasticsearch missed while it was down.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    kind = models.CharField(max_length=30)
    date = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["date"])]


class FacetValue(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="facet_values"
    )
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=150)
    label = models.CharField(max_length=255)


class SearchState(models.Model):
    """The version of what the database search keeps in memory per process
    (search/snapshot.py): every change to live pages, their facets or their
    visibility writes a new random ``token``, in the same transaction."""

    name = models.CharField(max_length=30, primary_key=True)
    token = models.CharField(max_length=32)


class SearchOutbox(models.Model):
    """A page whose Elasticsearch update failed; ``reindex`` replays and empties it."""

    class Action(models.TextChoices):
        INDEX = "index", _("Indexeren")
        DELETE = "delete", _("Verwijderen")

    page_id = models.BigIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Synoniemgroep(index.Indexed, models.Model):
    """Words and expressions that mean the same in a search (editor-managed)."""

    terms = models.TextField(
        _("termen"),
        help_text=_(
            "Eén term of uitdrukking per regel, bijvoorbeeld ‘AMV’ en ‘alleenstaande "
            "minderjarige vreemdeling’. Zoeken op de ene vindt ook de andere."
        ),
    )

    panels = [FieldPanel("terms")]
    search_fields = [index.SearchField("terms")]

    class Meta:
        verbose_name = _("synoniemgroep")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return " ↔ ".join(self.term_list)

    @property
    def term_list(self):
        return [line.strip() for line in self.terms.replace(",", "\n").splitlines() if line.strip()]
