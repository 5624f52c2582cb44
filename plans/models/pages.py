"""Public CMS pages: the section index and the editor-built plan templates."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from leernetwerk.core.models import BasePage, SectionIndexPage

from ..blocks import TemplateSectionsBlock


class ToekomstplanIndexPage(SectionIndexPage):
    """The section's landing page (toekomstplan-sectie)."""

    page_cache = False  # tools, plans and forms answer per visitor (leernetwerk.pagecache)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["plans.ToekomstplanTemplatePage"]

    class Meta:
        verbose_name = _("toekomstplan-sectie")


class ToekomstplanTemplatePage(RoutablePageMixin, BasePage):
    """A template professionals start plans from; also printable as a blank paper form."""

    page_cache = False  # tools, plans and forms answer per visitor (leernetwerk.pagecache)

    class Scheme(models.TextChoices):
        LEVENSGEBIEDEN = "levensgebieden", _("Acht levensgebieden")
        BIG5 = "big5", _("Big 5")

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    scheme = models.CharField(
        _("indeling"), max_length=20, choices=Scheme.choices, default=Scheme.LEVENSGEBIEDEN
    )
    sections = StreamField(
        TemplateSectionsBlock(), blank=True, verbose_name=_("onderdelen van het plan")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("scheme"),
        FieldPanel("sections"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["plans.ToekomstplanIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("toekomstplan-sjabloon")
        verbose_name_plural = _("toekomstplan-sjablonen")

    def get_context(self, request, *args, **kwargs):
        from ..access import can_start_plans

        context = super().get_context(request, *args, **kwargs)
        context["can_start"] = can_start_plans(request.user)
        return context

    def blocks_of(self, block_type):
        return [block.value for block in self.sections if block.block_type == block_type]

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from ..pdf import render_pdf

        return render_pdf(
            "plans/pdf/blank_template.html",
            {"page": self, "sections": self.sections},
            filename=f"toekomstplan-{self.slug}-leeg.pdf",
        )
