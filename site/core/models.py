"""Site-wide page types: the abstract base page, section index pages, the home page
and the navigation setting."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .feeds import sitemap_lastmod
from .hooks import HOME_SECTIONS, HomeSection, collect

LISTING_PAGE_SIZE = 12


class ListingMixin(models.Model):
    """How a page looks when another page lists it (cards, search results)."""

    listing_title = models.CharField(
        _("titel in overzichten"),
        max_length=255,
        blank=True,
        help_text=_("Laat leeg om de paginatitel te gebruiken."),
    )
    listing_summary = models.TextField(
        _("samenvatting in overzichten"),
        max_length=400,
        blank=True,
    )
    listing_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("afbeelding in overzichten"),
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading=_("Weergave in overzichten"),
        )
    ]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title

    def get_listing_summary(self):
        return self.listing_summary or getattr(self, "search_description", "")


class SeoMixin(models.Model):
    social_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("afbeelding voor delen"),
    )
    noindex = models.BooleanField(
        _("verbergen voor zoekmachines"),
        default=False,
        help_text=_("Voegt noindex toe; gebruik dit voor pagina's die niet in Google horen."),
    )

    seo_panels = [FieldPanel("social_image"), FieldPanel("noindex")]

    class Meta:
        abstract = True


class BasePage(ListingMixin, SeoMixin, Page):
    """Every page type of the platform inherits from this one."""

    show_in_menus_default = False
    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Algemeen")),
        *ListingMixin.listing_panels,
        MultiFieldPanel(SeoMixin.seo_panels, heading=_("Zoekmachines en delen")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("listing_summary"),
        index.SearchField("search_description"),
    ]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        """lastmod is the content's own date (a 2019 lesson stays 2019), not the moment
        it was loaded into this site (``leernetwerk.core.feeds.sitemap_lastmod``)."""
        urls = super().get_sitemap_urls(request)
        lastmod = sitemap_lastmod(self)
        for url in urls:
            url["lastmod"] = lastmod
        return urls


def paginate(request, items, per_page=LISTING_PAGE_SIZE):
    """Return the requested page of ``items``; bad or out-of-range numbers fall back safely."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("pagina", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class SectionIndexPage(BasePage):
    """Abstract index page of a section: an introduction and its live child pages."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    max_count = 1

    class Meta:
        abstract = True

    def get_listing_queryset(self, request):
        return self.get_children().live().public().specific().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = paginate(request, self.get_listing_queryset(request))
        return context


class HomePage(BasePage):
    intro = models.CharField(_("kopregel"), max_length=255, blank=True)
    lead = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("lead"),
        InlinePanel(
            "featured_items",
            label=_("Uitgelichte lessen"),
            help_text=_("Lessen of andere pagina's om op de homepage te tonen."),
        ),
        FieldPanel("body"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("homepage")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = HomeSection(
            "lessen",
            _("Uitgelichte lessen"),
            [
                item.page.specific
                for item in self.featured_items.select_related("page").filter(page__live=True)
            ],
            empty_text=_("Er zijn nog geen lessen uitgelicht."),
            order=20,
        )
        # News, tools and what else apps add (HOME_SECTIONS), in their order.
        sections = [featured, *collect(HOME_SECTIONS, self, request)]
        context["sections"] = sorted(filter(None, sections), key=lambda section: section.order)
        return context


class HomeFeaturedItem(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("pagina")
    )

    panels = [FieldPanel("page")]


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting, ClusterableModel):
    """Main menu and footer, editable per site under Instellingen."""

    footer_text = RichTextField(
        _("tekst in de voettekst"), blank=True, features=["bold", "italic", "link"]
    )

    panels = [
        InlinePanel("main_menu", label=_("Hoofdmenu")),
        InlinePanel("footer_links", label=_("Links in de voettekst")),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("navigatie")


class MenuItem(Orderable):
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("pagina"),
    )
    link_url = models.CharField(_("of adres"), max_length=255, blank=True)
    label = models.CharField(
        _("label"),
        max_length=80,
        blank=True,
        help_text=_("Laat leeg om de paginatitel te gebruiken."),
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def url(self):
        return self.link_page.url if self.link_page_id else self.link_url

    @property
    def text(self):
        if self.label:
            return self.label
        return self.link_page.title if self.link_page_id else self.link_url


class MainMenuItem(MenuItem):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="main_menu")


class FooterLink(MenuItem):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_links")


# --- Trust pages (issue 15): privacy, accessibility, contact, colofon ----------------------


class InfoPage(BasePage):
    """A fixed information page such as contact or the colofon."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["core.HomePage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("informatiepagina")


class PrivacyStatementPage(BasePage):
    """The privacy statement. Consent (accounts, plans) records the live version."""

    version = models.CharField(
        _("versie"),
        max_length=20,
        help_text=_(
            "Verhoog de versie bij elke inhoudelijke wijziging, bijvoorbeeld 2026-2. "
            "Toestemming wordt vastgelegd met de versie die op dat moment gepubliceerd is."
        ),
    )
    effective_from = models.DateField(_("geldig vanaf"))
    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [
        FieldPanel("version"),
        FieldPanel("effective_from"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["core.HomePage"]
    subpage_types: list = []
    max_count = 1

    class Meta:
        verbose_name = _("privacyverklaring")


class AccessibilityStatementPage(BasePage):
    """Toegankelijkheidsverklaring after the Digitoegankelijk model: status, scope,
    research, known problems, measures and how to report a problem."""

    class Status(models.TextChoices):
        A = "A", _("A: voldoet volledig")
        B = "B", _("B: voldoet gedeeltelijk")
        C = "C", _("C: eerste maatregelen genomen")
        D = "D", _("D: geen maatregelen genomen")
        E = "E", _("E: geen verklaring")

    organisation = models.CharField(_("organisatie"), max_length=200)
    status = models.CharField(_("status"), max_length=1, choices=Status.choices)
    statement_date = models.DateField(_("datum van de verklaring"))
    last_reviewed = models.DateField(_("laatst herzien op"), null=True, blank=True)
    scope = RichTextField(_("reikwijdte"), features=["bold", "italic", "link", "ul"])
    research = RichTextField(
        _("onderzoek en resultaten"), features=["bold", "italic", "link", "ul"]
    )
    known_issues = RichTextField(
        _("bekende problemen en maatregelen"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    contact = RichTextField(_("contact en klachten"), features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("status"),
        FieldPanel("statement_date"),
        FieldPanel("last_reviewed"),
        FieldPanel("scope"),
        FieldPanel("research"),
        FieldPanel("known_issues"),
        FieldPanel("contact"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types: list = []
    max_count = 1

    class Meta:
        verbose_name = _("toegankelijkheidsverklaring")


@register_setting(icon="lock")
class TrustSettings(BaseSiteSetting):
    """The trust pages the footer and the consent texts link to."""

    privacy_page = models.ForeignKey(
        "core.PrivacyStatementPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacyverklaring"),
    )
    accessibility_page = models.ForeignKey(
        "core.AccessibilityStatementPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("toegankelijkheidsverklaring"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact"),
    )
    colofon_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("colofon"),
    )

    panels = [
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_page"),
        FieldPanel("colofon_page"),
    ]

    class Meta:
        verbose_name = _("vertrouwenspagina's")

    def links(self):
        pages = [self.privacy_page, self.accessibility_page, self.contact_page, self.colofon_page]
        return [page for page in pages if page is not None and page.live]
