"""A learning circle, deepening session or work session, and the lessons it produced."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from leernetwerk.core.blocks import BaseStreamBlock
from leernetwerk.core.models import BasePage
from leernetwerk.sitesearch.analysis import plain_text

from ..api import (
    TAXONOMY_API_FIELDS,
    TAXONOMY_PREFETCH,
    LinesSerializer,
    LinkedPagesSerializer,
    RichTextSerializer,
)
from .les import Les
from .tagging import TaxonomyMixin


class LeercirkelTag(TaggedItemBase):
    content_object = ParentalKey(
        "learning.Leercirkel", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Leercirkel(TaxonomyMixin, BasePage):
    accepts_reactions = True  # the reactions panel shows below it (PAGE_PANELS)

    class Kind(models.TextChoices):
        LEERCIRKEL = "leercirkel", _("Leercirkel")
        VERDIEPING = "verdiepingssessie", _("Verdiepingssessie")
        WERKSESSIE = "werksessie", _("Werksessie")

    kind = models.CharField(
        _("soort"), max_length=20, choices=Kind.choices, default=Kind.LEERCIRKEL
    )
    date = models.DateField(_("datum"))
    location = models.CharField(_("locatie"), max_length=200, blank=True)
    theme = models.CharField(_("thema"), max_length=200)
    programme = RichTextField(
        _("programma"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    report = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("verslag"))
    organisations = models.TextField(
        _("organisaties"), blank=True, help_text=_("Eén organisatie per regel.")
    )
    workgroups = models.TextField(
        _("werkgroepen"), blank=True, help_text=_("Eén werkgroep per regel.")
    )
    tags = ClusterTaggableManager(through=LeercirkelTag, blank=True, verbose_name=_("thema's"))

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("location"),
        FieldPanel("theme"),
        FieldPanel("programme"),
        FieldPanel("report"),
        InlinePanel("pilots", label=_("Betrokken pilots")),
        FieldPanel("organisations"),
        FieldPanel("workgroups"),
        *TaxonomyMixin.taxonomy_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("theme", boost=2),
        index.SearchField("programme"),
        index.SearchField("report"),
        index.SearchField("organisations"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    parent_page_types = ["learning.KennisbankPage"]
    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("location"),
        APIField("theme"),
        APIField("programme", serializer=RichTextSerializer()),
        APIField("report"),
        APIField("pilots", serializer=LinkedPagesSerializer("page")),
        APIField("organisations", serializer=LinesSerializer()),
        APIField("workgroups", serializer=LinesSerializer()),
        *TAXONOMY_API_FIELDS,
    ]
    API_PREFETCH = [*TAXONOMY_PREFETCH, "pilots__page"]
    subpage_types: list = []

    search_kind = "leercirkel"

    class Meta:
        verbose_name = _("leercirkel of sessie")
        verbose_name_plural = _("leercirkels en sessies")

    def get_listing_summary(self):
        return self.listing_summary or self.theme

    def get_search_date(self):
        return self.date

    def search_text(self):
        report = " ".join(plain_text(str(block.value)) for block in self.report)
        return " ".join([self.theme, plain_text(self.programme), report])

    @property
    def organisation_list(self):
        return [line.strip() for line in self.organisations.splitlines() if line.strip()]

    @property
    def workgroup_list(self):
        return [line.strip() for line in self.workgroups.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = (
            Les.objects.live().public().filter(learned_at=self).order_by("-date", "title")
        )
        context["pilot_pages"] = [
            link.page for link in self.pilots.select_related("page") if link.page.live
        ]
        return context


class LeercirkelPilot(Orderable):
    leercirkel = ParentalKey(Leercirkel, on_delete=models.CASCADE, related_name="pilots")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("pilot")
    )

    panels = [PageChooserPanel("page")]
