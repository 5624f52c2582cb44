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
    """Words and expressions that mean the same in a search, or are related
    (editor-managed; seeded from learning/data/lexicon.json and related.json)."""

    class Kind(models.TextChoices):
        SAME = "gelijk", _("Zelfde betekenis (synoniem of afkorting)")
        RELATED = "verwant", _("Verwant (telt minder zwaar)")

    kind = models.CharField(
        _("soort"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.SAME,
        help_text=_(
            "Zelfde betekenis: zoeken op de ene term vindt de andere even goed. Verwant: "
            "de andere termen worden ook gevonden, maar komen lager in de resultaten."
        ),
    )
    terms = models.TextField(
        _("termen"),
        help_text=_(
            "Eén term of uitdrukking per regel, bijvoorbeeld ‘AMV’ en ‘alleenstaande "
            "minderjarige vreemdeling’. Zoeken op de ene vindt ook de andere."
        ),
    )

    panels = [FieldPanel("kind"), FieldPanel("terms")]
    search_fields = [index.SearchField("terms")]

    class Meta:
        verbose_name = _("synoniemgroep")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return " ↔ ".join(self.term_list)

    @property
    def term_list(self):
        return [line.strip() for line in self.terms.replace(",", "\n").splitlines() if line.strip()]


class SearchDocument(models.Model):
    """What the full-text index holds of one live page (search/postings.py): its terms,
    to take the page out of their posting lists again, its distinct words, for the
    vocabulary, and the number of terms per field, for the length norms."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    terms = models.TextField()  # space-separated
    words = models.TextField()  # space-separated
    title_length = models.PositiveIntegerField(default=0)
    summary_length = models.PositiveIntegerField(default=0)
    taxonomy_length = models.PositiveIntegerField(default=0)
    body_length = models.PositiveIntegerField(default=0)


class TermPostings(models.Model):
    """The posting list of one search term: the ids of the pages that contain it and
    each page's impact (its BM25F weight for the term without the idf), as packed
    arrays (int32 ids in ascending order, float32 impacts). One row per term, so a
    search reads a row per query term, on SQLite and PostgreSQL alike."""

    term = models.CharField(max_length=100, primary_key=True)
    pages = models.BinaryField()
    impacts = models.BinaryField()


class SearchWord(models.Model):
    """A word of the indexed texts, its search term and in how many pages it occurs:
    the vocabulary for typo tolerance and "bedoelt u"."""

    word = models.CharField(max_length=100, primary_key=True)
    term = models.CharField(max_length=100)
    pages = models.PositiveIntegerField(default=0)
