"""Guidelines, professional profiles and field norms, with a review date."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from leernetwerk.core.blocks import BaseStreamBlock
from leernetwerk.core.models import BasePage
from leernetwerk.sitesearch.analysis import plain_text

from ..api import (
    TAXONOMY_API_FIELDS,
    TAXONOMY_PREFETCH,
    DownloadsSerializer,
    LinkedPagesSerializer,
)
from ..workflow import guideline_workflow
from .tagging import TaxonomyMixin

REVIEW_WARNING_DAYS = 30


class RichtlijnTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning.Richtlijn", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Richtlijn(TaxonomyMixin, BasePage):
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
        InlinePanel("documents", label=_("Downloads")),
        InlinePanel("related_lessons", label=_("Gerelateerde lessen")),
        *TaxonomyMixin.taxonomy_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("responsible"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("review_date"),
    ]
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
        APIField("documents", serializer=DownloadsSerializer()),
        APIField("related_lessons", serializer=LinkedPagesSerializer("les")),
        *TAXONOMY_API_FIELDS,
    ]
    API_PREFETCH = [*TAXONOMY_PREFETCH, "documents__document", "related_lessons__les"]
    subpage_types: list = []

    search_kind = "richtlijn"

    class Meta:
        verbose_name = _("richtlijn")
        verbose_name_plural = _("richtlijnen")

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    def get_search_date(self):
        return self.adoption_date

    def search_text(self):
        body = " ".join(plain_text(str(block.value)) for block in self.body)
        return " ".join([self.summary, body])

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
