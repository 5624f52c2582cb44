from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from leernetwerk.core.blocks import BaseStreamBlock
from leernetwerk.core.models import BasePage


class PilotOproepPage(RoutablePageMixin, BasePage):
    """A call for pilot applications, open between two dates (both included)."""

    page_cache = False  # tools, plans and forms answer per visitor (leernetwerk.pagecache)

    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("sluit na"))
    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("voorwaarden en uitleg"))
    confirmation_text = RichTextField(
        _("bedankt-tekst"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Verschijnt na het versturen van een aanmelding."),
    )

    parent_page_types = ["pilots.PilotIndexPage"]
    subpage_types: list = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Periode")),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("confirmation_text"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("pilotoproep")
        verbose_name_plural = _("pilotoproepen")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("De sluitingsdatum ligt voor de openingsdatum.")})

    def window_state(self, today=None):
        """ "open", "nog-niet" (not yet open) or "gesloten" (closed)."""
        today = today or timezone.localdate()
        if today < self.opens_on:
            return "nog-niet"
        if today > self.closes_on:
            return "gesloten"
        return "open"

    @property
    def is_open(self):
        return self.window_state() == "open"

    @path("")
    def index_route(self, request):
        # The page itself is the application form (GET shows it, POST submits it). The
        # view module imports the models (the form), so it is imported here.
        from ..views import application_view

        return application_view(self, request)

    @path("bedankt/", name="thanks")
    def thanks(self, request):
        return TemplateResponse(
            request, "pilots/aanmelding_bedankt.html", self.get_context(request)
        )


class AanmeldingStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in-behandeling", _("In behandeling")
    GESELECTEERD = "geselecteerd", _("Geselecteerd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class Aanmelding(ClusterableModel):
    """A region's application for a pilot, with the organisations that take part."""

    oproep = models.ForeignKey(
        PilotOproepPage,
        on_delete=models.CASCADE,
        related_name="aanmeldingen",
        verbose_name=_("oproep"),
    )
    regio = models.ForeignKey(
        "taxonomy.Regio",
        on_delete=models.PROTECT,
        related_name="pilot_aanmeldingen",
        verbose_name=_("aanvragende regio"),
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    contact_role = models.CharField(_("functie"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mailadres"))
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    programma = models.ForeignKey(
        "pilots.Programma",
        null=True,
        on_delete=models.SET_NULL,
        related_name="aanmeldingen",
        verbose_name=_("beoogd thema"),
    )
    motivation = models.TextField(_("motivatie"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AanmeldingStatus.choices,
        default=AanmeldingStatus.ONTVANGEN,
    )
    submitted_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("oproep", read_only=True),
                FieldPanel("regio", read_only=True),
                FieldPanel("programma", read_only=True),
                FieldPanel("motivation", read_only=True),
            ],
            heading=_("Aanmelding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name", read_only=True),
                FieldPanel("contact_role", read_only=True),
                FieldPanel("contact_email", read_only=True),
                FieldPanel("contact_phone", read_only=True),
            ],
            heading=_("Contactpersoon"),
        ),
        InlinePanel("organisations", label=_("Deelnemende organisaties")),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("pilotaanmelding")
        verbose_name_plural = _("pilotaanmeldingen")

    def __str__(self):
        return f"{self.regio.name}: {self.contact_name}"

    @classmethod
    def from_db(cls, db, field_names, values):
        # The status as stored, so a save can tell the applicant that it changed.
        instance = super().from_db(db, field_names, values)
        instance.saved_status = instance.__dict__.get("status")
        return instance

    def sector_groups_display(self):
        names = {org.sector.number: org.sector.name for org in self.organisations.all()}
        return ", ".join(names[n] for n in sorted(names))

    sector_groups_display.short_description = _("sectorgroepen")

    def organisations_display(self):
        return "; ".join(f"{org.name} ({org.sector.name})" for org in self.organisations.all())

    organisations_display.short_description = _("organisaties")


class AanmeldingOrganisatie(models.Model):
    aanmelding = ParentalKey(Aanmelding, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("naam"), max_length=200)
    sector = models.ForeignKey(
        "taxonomy.SectorGroep",
        on_delete=models.PROTECT,
        related_name="pilot_aanmelding_organisations",
        verbose_name=_("sectorgroep"),
    )

    panels = [FieldPanel("name"), FieldPanel("sector")]

    class Meta:
        ordering = ["pk"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name
