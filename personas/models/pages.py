"""The persona pages and the filterable overview ("waaier") above them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from leernetwerk.core.models import BasePage, SectionIndexPage, paginate
from leernetwerk.taxonomy.models import Levensgebied
from leernetwerk.taxonomy.related import expand, related_pages

from .figures import Kenmerk

PORTRAIT_CARD = "fill-320x320"
PORTRAIT_PAGE = "fill-480x480"
TEXT_FEATURES = ["bold", "italic", "link", "ul"]
# Lessons, tools and pilots shown on a persona page: the pinned ones, then those sharing
# the most life domains and target groups, up to this many in all.
RELATED_LIMIT = 6


class PersonaIndexPage(SectionIndexPage):
    """The section's landing page: all personas as a filterable fan."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["personas.PersonaPage"]

    class Meta:
        verbose_name = _("persona-overzicht")

    def get_listing_queryset(self, request, filters=None):
        images = get_image_model().objects.prefetch_renditions(PORTRAIT_CARD)
        personas = (
            PersonaPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related(
                Prefetch("portrait", queryset=images),
                Prefetch("kenmerken", queryset=Kenmerk.objects.order_by("label")),
            )
            .order_by("age", "title")
        )
        if filters and filters.get("levensgebied"):
            domains = Levensgebied.objects.filter(pk=filters["levensgebied"].pk).with_equivalents()
            personas = personas.filter(situations__levensgebied__in=domains)
        if filters and filters.get("kenmerk"):
            personas = personas.filter(kenmerken=filters["kenmerk"])
        return personas.distinct()

    def get_context(self, request, *args, **kwargs):
        from ..forms import PersonaFilterForm

        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        form = PersonaFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        items = paginate(request, self.get_listing_queryset(request, filters), per_page=24)
        query = request.GET.copy()
        query.pop("pagina", None)
        context.update(
            items=items,
            filter_form=form,
            is_filtered=bool(filters and any(filters.values())),
            query_prefix=query.urlencode(),
        )
        return context


class PersonaPage(BasePage):
    age = models.PositiveSmallIntegerField(
        _("leeftijd"), validators=[MinValueValidator(16), MaxValueValidator(27)]
    )
    portrait = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("portret"),
        help_text=_("Vul bij de afbeelding een beschrijving in: die wordt de alt-tekst."),
    )
    quote = models.CharField(_("citaat"), max_length=300)
    story = RichTextField(_("verhaal"), features=TEXT_FEATURES)
    kenmerken = ParentalManyToManyField(Kenmerk, blank=True, verbose_name=_("kenmerken"))
    doelgroepen = ParentalManyToManyField(
        "taxonomy.Doelgroep",
        blank=True,
        related_name="+",
        verbose_name=_("doelgroepen"),
        help_text=_(
            "Met de levensgebieden van de situaties bepalen deze welke lessen, hulpmiddelen "
            "en pilots bij de persona staan, en bij welke pagina's de persona staat."
        ),
    )
    helps = RichTextField(_("wat helpt"), blank=True, features=TEXT_FEATURES)
    does_not_help = RichTextField(_("wat helpt niet"), blank=True, features=TEXT_FEATURES)
    region = models.ForeignKey(
        "taxonomy.Regio",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("woonplaats"),
        help_text=_("Deze regio staat als eerste gekozen bij de cijfers."),
    )
    dataset = models.ForeignKey(
        "personas.Dataset",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="personas",
        verbose_name=_("dataset voor de cijfers"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("age"),
        FieldPanel("portrait"),
        FieldPanel("quote"),
        FieldPanel("story"),
        InlinePanel("situations", label=_("Situatie per levensgebied")),
        MultiFieldPanel(
            [
                FieldPanel("kenmerken"),
                FieldPanel("doelgroepen"),
                FieldPanel("region"),
                FieldPanel("dataset"),
            ],
            heading=_("Kenmerken en cijfers"),
        ),
        FieldPanel("helps"),
        FieldPanel("does_not_help"),
        InlinePanel(
            "related_pages",
            label=_("Vastgepinde lessen, hulpmiddelen en pilots"),
            help_text=_(
                "Deze staan altijd bovenaan. Daarna vult de site aan met pagina's die "
                "levensgebieden of doelgroepen met de persona delen."
            ),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("quote"),
        index.SearchField("story"),
        index.SearchField("helps"),
    ]

    parent_page_types = ["personas.PersonaIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("persona")
        verbose_name_plural = _("persona's")

    def get_listing_summary(self):
        return self.listing_summary or self.quote

    def related_items(self, limit=RELATED_LIMIT):
        """Pinned pages first (in the editor's order), then pages sharing the persona's
        life domains and target groups; no page twice, at most ``limit`` computed ones
        fill up. A fixed number of queries however many pages there are."""
        pinned_ids = list(
            self.related_pages.order_by("sort_order").values_list("page_id", flat=True)
        )
        live = Page.objects.live().public().filter(pk__in=pinned_ids).specific()
        by_id = {page.pk: page for page in live}
        pinned = [by_id[pk] for pk in dict.fromkeys(pinned_ids) if pk in by_id]
        for page in pinned:
            page.pinned = True
        terms = expand(
            self.situations.values_list("levensgebied_id", flat=True),
            self.doelgroepen.values_list("id", flat=True),
        )
        computed = related_pages(
            terms,
            limit=limit - len(pinned),
            exclude_ids=pinned_ids,
            exclude_models=(PersonaPage,),
        )
        return pinned + computed

    @cached_property
    def sorted_kenmerken(self):
        return sorted(self.kenmerken.all(), key=lambda k: k.code)

    def get_context(self, request, *args, **kwargs):
        from ..charts.page import figures_context

        context = super().get_context(request, *args, **kwargs)
        context["situations"] = self.situations.select_related("levensgebied")
        context["related"] = self.related_items()
        context.update(figures_context(self, request))
        return context


class PersonaSituation(Orderable):
    persona = ParentalKey(PersonaPage, on_delete=models.CASCADE, related_name="situations")
    levensgebied = models.ForeignKey(
        Levensgebied, on_delete=models.CASCADE, related_name="+", verbose_name=_("levensgebied")
    )
    text = models.TextField(_("situatie"))

    panels = [FieldPanel("levensgebied"), FieldPanel("text")]


class PersonaRelatedPage(Orderable):
    persona = ParentalKey(PersonaPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("pagina")
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("vastgepinde pagina")
        verbose_name_plural = _("vastgepinde pagina's")
