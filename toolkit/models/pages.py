from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from taggit.models import Tag
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from leernetwerk.core.blocks import BaseStreamBlock, DocumentBlock
from leernetwerk.core.models import BasePage, SectionIndexPage
from leernetwerk.sitesearch.analysis import plain_text

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ToolIndexPage(SectionIndexPage):
    """The section's landing page (overzicht hulpmiddelen)."""

    page_cache = False  # tools, plans and forms answer per visitor (leernetwerk.pagecache)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["toolkit.ToolPage"]

    class Meta:
        verbose_name = _("overzicht hulpmiddelen")


class ToolPage(BasePage):
    """Information page of one tool: what it is, for whom, how to use it, downloads."""

    page_cache = False  # tools, plans and forms answer per visitor (leernetwerk.pagecache)

    class Tool(models.TextChoices):
        PARTICIPATIEWIEL = "participatiewiel", _("Participatiewiel")
        PARTICIPATIESCAN = "participatiescan", _("Participatiescan")
        OMGEKEERDE_TOETS = "omgekeerde_toets", _("Omgekeerde toets")
        ARRANGEMENTENWAAIER = "arrangementenwaaier", _("Arrangementenwaaier")

    TOOL_URLS = {
        Tool.PARTICIPATIEWIEL: "toolkit:wiel_invullen",
        Tool.PARTICIPATIESCAN: "toolkit:scan_lijst",
        Tool.OMGEKEERDE_TOETS: "toolkit:toets",
        Tool.ARRANGEMENTENWAAIER: "toolkit:waaier",
    }

    tool = models.CharField(
        _("interactief hulpmiddel"),
        max_length=30,
        choices=Tool.choices,
        blank=True,
        help_text=_("Welk interactief deel bij deze pagina hoort (knop 'Aan de slag')."),
    )
    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    what = RichTextField(_("wat is het"), blank=True, features=TEXT_FEATURES)
    for_whom = RichTextField(_("voor wie"), blank=True, features=TEXT_FEATURES)
    how_to = RichTextField(_("zo gebruikt u het"), blank=True, features=TEXT_FEATURES)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("verdere inhoud"))
    downloads = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("downloads")
    )

    content_panels = Page.content_panels + [
        FieldPanel("tool"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("what"), FieldPanel("for_whom"), FieldPanel("how_to")],
            heading=_("Uitleg"),
        ),
        FieldPanel("body"),
        FieldPanel("downloads"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("what"),
        index.SearchField("for_whom"),
        index.SearchField("how_to"),
        index.SearchField("body"),
    ]
    parent_page_types = ["toolkit.ToolIndexPage"]
    subpage_types = ["toolkit.ArrangementPage"]

    class Meta:
        verbose_name = _("hulpmiddel")
        verbose_name_plural = _("hulpmiddelen")

    def tool_url(self):
        name = self.TOOL_URLS.get(self.tool)
        return reverse(name) if name else ""


class Financieringsbron(models.Model):
    """A funder or law an arrangement draws on (for example Wmo 2015 or Participatiewet)."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    description = models.TextField(_("toelichting"), blank=True)
    law_url = models.URLField(
        _("wettekst"),
        blank=True,
        validators=[URLValidator(schemes=["https"])],
        help_text=_(
            "Voor een wet: de link naar de geldende tekst op wetten.overheid.nl, "
            "bijvoorbeeld https://wetten.overheid.nl/BWBR0035362 (Wmo 2015)."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("law_url")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("financieringsbron")
        verbose_name_plural = _("financieringsbronnen")

    def __str__(self):
        return self.name


class ArrangementPage(BasePage):
    """One arrangement of the waaier: a combined package of support across domains and funders."""

    page_cache = False  # tools, plans and forms answer per visitor (leernetwerk.pagecache)

    summary = models.TextField(_("korte omschrijving"), max_length=600)
    levensgebieden = ParentalManyToManyField(
        "taxonomy.Levensgebied", blank=True, verbose_name=_("levensgebieden")
    )
    doelgroepen = ParentalManyToManyField(
        "taxonomy.Doelgroep", blank=True, verbose_name=_("doelgroepen")
    )
    sectorgroepen = ParentalManyToManyField(
        "taxonomy.SectorGroep", blank=True, verbose_name=_("sectorgroepen")
    )
    financiering = ParentalManyToManyField(
        Financieringsbron, blank=True, verbose_name=_("financieringsbronnen en wetten")
    )
    conditions = RichTextField(_("voorwaarden"), blank=True, features=TEXT_FEATURES)
    example = RichTextField(_("voorbeeld"), blank=True, features=TEXT_FEATURES)
    contact = models.CharField(_("contact"), max_length=255, blank=True)
    regio = models.ForeignKey(
        "taxonomy.Regio",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("regio"),
    )
    body = StreamField(
        [("paragraph", blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Tekst")))],
        blank=True,
        verbose_name=_("toelichting"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("levensgebieden"),
                FieldPanel("doelgroepen"),
                FieldPanel("sectorgroepen"),
                FieldPanel("financiering"),
            ],
            heading=_("Wat het combineert"),
        ),
        FieldPanel("conditions"),
        FieldPanel("example"),
        FieldPanel("contact"),
        FieldPanel("regio"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("conditions"),
        index.SearchField("example"),
        index.SearchField("body"),
        index.RelatedFields("financiering", [index.SearchField("name")]),
    ]
    parent_page_types = ["toolkit.ToolPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementen")

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    # Taking part in the kennisbank search (learning.search.indexing and its
    # Elasticsearch documents): a page type takes part by offering these.
    search_kind = "arrangement"
    kennisbronnen: tuple = ()  # arrangements are practice, not a knowledge source

    @property
    def sectoren(self):
        return self.sectorgroepen

    @property
    def tags(self):
        return Tag.objects.none()

    def get_search_date(self):
        moment = self.last_published_at or self.first_published_at
        return moment.date() if moment else None

    def search_text(self):
        parts = [self.summary, plain_text(self.conditions), plain_text(self.example)]
        parts += [plain_text(str(block.value)) for block in self.body]
        return " ".join(part for part in parts if part)
