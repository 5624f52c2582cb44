"""Guidelines, professional profiles and field norms, with a review date."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from leernetwerk.core.blocks import BaseStreamBlock
from leernetwerk.core.models import BasePage
from leernetwerk.sitesearch.analysis import plain_text

from ..api import (
    TAXONOMY_API_FIELDS,
    TAXONOMY_PREFETCH,
    ChangesSerializer,
    DownloadsSerializer,
    LinkedPagesSerializer,
    RecommendationsSerializer,
    RichTextSerializer,
)
from ..page_forms import RichtlijnPageForm
from ..pdf import page_pdf
from ..workflow import guideline_workflow
from .tagging import TaxonomyMixin

REVIEW_WARNING_DAYS = 30


class RichtlijnTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning.Richtlijn", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Richtlijn(RoutablePageMixin, TaxonomyMixin, BasePage):
    accepts_reactions = True  # the reactions panel shows below it (PAGE_PANELS)

    class Kind(models.TextChoices):
        RICHTLIJN = "richtlijn", _("Richtlijn")
        BEROEPSPROFIEL = "beroepsprofiel", _("Beroepsprofiel")
        VELDNORM = "veldnorm", _("Veldnorm")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")
        VERLOPEN = "verlopen", _("Verlopen")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.RICHTLIJN)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    version = models.CharField(_("versie"), max_length=20, default="1.0")
    adoption_date = models.DateField(_("vastgesteld op"), null=True, blank=True)
    review_date = models.DateField(_("herzieningsdatum"), null=True, blank=True)
    responsible = models.CharField(_("eigenaar"), max_length=200)
    summary = models.TextField(_("samenvatting"), max_length=600)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("inhoud"))
    tags = ClusterTaggableManager(through=RichtlijnTag, blank=True, verbose_name=_("thema's"))
    verantwoording = RichTextField(
        _("verantwoording"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "Hoe de richtlijn tot stand kwam: wie meeschreven, welke bronnen en welke "
            "afwegingen de werkgroep maakte."
        ),
    )
    # The recommendations' texts, kept on save so search_text() needs no query.
    search_extra = models.TextField(editable=False, blank=True, default="")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("status"),
                FieldPanel("version"),
                FieldPanel("adoption_date"),
                FieldPanel("review_date"),
                FieldPanel("responsible"),
            ],
            heading=_("Vaststelling"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("recommendations", label=_("Aanbevelingen")),
        FieldPanel("verantwoording"),
        InlinePanel("changes", label=_("Wijzigingen per versie")),
        InlinePanel("documents", label=_("Downloads")),
        InlinePanel("related_lessons", label=_("Gerelateerde lessen")),
        *TaxonomyMixin.taxonomy_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("responsible"),
        index.SearchField("verantwoording"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.SearchField("search_extra"),  # the recommendations and their onderbouwing
        index.FilterField("review_date"),
    ]
    base_form_class = RichtlijnPageForm
    parent_page_types = ["learning.KennisbankPage"]
    api_fields = [
        APIField("kind"),
        APIField("status"),
        APIField("version"),
        APIField("adoption_date"),
        APIField("review_date"),
        APIField("responsible"),
        APIField("summary"),
        APIField("body"),
        APIField("recommendations", serializer=RecommendationsSerializer()),
        APIField("verantwoording", serializer=RichTextSerializer()),
        APIField("changes", serializer=ChangesSerializer()),
        APIField("documents", serializer=DownloadsSerializer()),
        APIField("related_lessons", serializer=LinkedPagesSerializer("les")),
        *TAXONOMY_API_FIELDS,
    ]
    API_PREFETCH = [
        *TAXONOMY_PREFETCH,
        "documents__document",
        "related_lessons__les",
        "recommendations",
        "changes",
    ]
    subpage_types: list = []

    search_kind = "richtlijn"

    class Meta:
        verbose_name = _("richtlijn")
        verbose_name_plural = _("richtlijnen")

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    def get_search_date(self):
        return self.adoption_date

    def clean(self):
        super().clean()
        versions = [change.version.strip() for change in self.changes.all()]
        doubles = sorted({version for version in versions if versions.count(version) > 1})
        if doubles:
            raise ValidationError(
                _("Elke versie komt maar één keer in de wijzigingen voor: %(versions)s.")
                % {"versions": ", ".join(doubles)}
            )

    def save(self, *args, **kwargs):
        self.search_extra = " ".join(
            f"{row.text} {plain_text(row.justification)}" for row in self.recommendations.all()
        )
        return super().save(*args, **kwargs)

    def search_text(self):
        body = " ".join(plain_text(str(block.value)) for block in self.body)
        parts = [self.summary, body, self.search_extra, plain_text(self.verantwoording)]
        return " ".join(part for part in parts if part)

    def changes_newest_first(self):
        return sorted(
            self.changes.all(), key=lambda row: (row.date, row.sort_order or 0), reverse=True
        )

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The guideline as a PDF, made from the page (next to the uploaded downloads)."""
        context = {
            "page": self,
            "recommendations": list(self.recommendations.all()),
            "changes": self.changes_newest_first(),
        }
        return page_pdf(request, self, "learning/pdf/richtlijn.html", context, "richtlijn")

    def get_workflow(self):
        """Guidelines always go through the Redactie NJi review before publication."""
        return guideline_workflow() or super().get_workflow()

    @property
    def review_overdue(self):
        return bool(self.review_date and self.review_date < timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = [
            link.les for link in self.related_lessons.select_related("les") if link.les.live
        ]
        context["downloads"] = list(self.documents.select_related("document"))
        context["recommendations"] = list(self.recommendations.all())
        context["changes"] = self.changes_newest_first()
        return context


def review_due(today=None, days=REVIEW_WARNING_DAYS):
    """Guidelines (draft or adopted) past their review date or due within ``days``."""
    today = today or timezone.localdate()
    return (
        Richtlijn.objects.filter(review_date__lte=today + datetime.timedelta(days=days))
        .exclude(status=Richtlijn.Status.VERLOPEN)
        .order_by("review_date", "title")
    )


class RichtlijnDocument(Orderable):
    richtlijn = ParentalKey(Richtlijn, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]


class RichtlijnLes(Orderable):
    richtlijn = ParentalKey(Richtlijn, on_delete=models.CASCADE, related_name="related_lessons")
    les = models.ForeignKey(
        "learning.Les", on_delete=models.CASCADE, related_name="+", verbose_name=_("les")
    )

    panels = [PageChooserPanel("les")]


class RichtlijnAanbeveling(Orderable):
    """One recommendation of a guideline, with its strength and its grounds."""

    class Sterkte(models.TextChoices):
        STERK = "sterk", _("Sterke aanbeveling")
        VOORWAARDELIJK = "voorwaardelijk", _("Voorwaardelijke aanbeveling")
        CONSENSUS = "consensus", _("Goede praktijk (consensus in het veld)")

    richtlijn = ParentalKey(Richtlijn, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("aanbeveling"), max_length=1000)
    strength = models.CharField(
        _("sterkte"),
        max_length=20,
        choices=Sterkte.choices,
        default=Sterkte.CONSENSUS,
        help_text=_(
            "Sterk: onderzoek en praktijk wijzen dezelfde kant op. Voorwaardelijk: doe het, "
            "tenzij de situatie van de jongere iets anders vraagt. Goede praktijk: de "
            "werkgroep is het eens, maar onderzoek ontbreekt."
        ),
    )
    justification = RichTextField(
        _("onderbouwing"), blank=True, features=["bold", "italic", "link", "ul"]
    )

    panels = [FieldPanel("text"), FieldPanel("strength"), FieldPanel("justification")]

    class Meta(Orderable.Meta):
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")


class RichtlijnWijziging(Orderable):
    """What changed in one version of a guideline."""

    richtlijn = ParentalKey(Richtlijn, on_delete=models.CASCADE, related_name="changes")
    version = models.CharField(_("versie"), max_length=20)
    date = models.DateField(_("datum"))
    description = models.TextField(_("wat is er veranderd"), max_length=2000)

    panels = [FieldPanel("version"), FieldPanel("date"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
