from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from leernetwerk.core.blocks import BaseStreamBlock
from leernetwerk.core.models import BasePage, SectionIndexPage
from leernetwerk.taxonomy.forms import RegionSelectMultiple

RICH_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul"]
# A pilot starts during a learning circle in the kennisbank, named by content type: the
# pilots do not import another feature app (the leercirkel page shows them through
# the PAGE_PANELS hook in wagtail_hooks.py).
STARTED_AT_TYPE = ("learning", "leercirkel")


class PilotStatus(models.TextChoices):
    # Empty: the status follows from the period, so a pilot that ended years ago is never
    # left "lopend" because nobody edited it. An editor may still set one explicitly.
    VOLGENS_PERIODE = "", _("Volgens de periode (automatisch)")
    AANMELDING = "aanmelding", _("Aanmelding")
    GESTART = "gestart", _("Gestart")
    LOPEND = "lopend", _("Lopend")
    AFGEROND = "afgerond", _("Afgerond")


RUNNING_STATUSES = (PilotStatus.GESTART, PilotStatus.LOPEND)
STATUS_BADGES = {
    PilotStatus.GESTART: "active",
    PilotStatus.LOPEND: "active",
    PilotStatus.AFGEROND: "inactive",
}
# The statuses a visitor sees and filters on (the automatic one resolves to one of them).
SHOWN_STATUSES = [(s.value, s.label) for s in PilotStatus if s != PilotStatus.VOLGENS_PERIODE]


def status_for_period(start_date, end_date, today):
    if start_date is None or start_date > today:
        return PilotStatus.AANMELDING
    if end_date is not None and end_date < today:
        return PilotStatus.AFGEROND
    return PilotStatus.LOPEND


def with_current_status(queryset, today=None):
    """Annotate ``current_status_value``: the same rule as ``status_for_period``, in SQL,
    so the overview filters on what visitors see."""
    today = today or timezone.localdate()
    return queryset.annotate(
        current_status_value=Case(
            When(~Q(status=""), then=F("status")),
            When(Q(start_date__isnull=True) | Q(start_date__gt=today), then=Value("aanmelding")),
            When(end_date__lt=today, then=Value("afgerond")),
            default=Value("lopend"),
            output_field=models.CharField(),
        )
    )


class PilotIndexPage(RoutablePageMixin, SectionIndexPage):
    """The section's landing page (pilotoverzicht): map, filters and the list of pilots."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["pilots.PilotPage", "pilots.PilotOproepPage"]

    class Meta:
        verbose_name = _("pilotoverzicht")

    def pilots(self):
        """Live pilots under this index with everything the overview shows, in a fixed
        number of queries whatever their count."""
        return (
            PilotPage.objects.live()
            .public()
            .child_of(self)
            .select_related("programma")
            .prefetch_related(
                "regions",
                Prefetch(
                    "organisations",
                    queryset=PilotOrganisatie.objects.select_related("sector"),
                ),
            )
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from ..overview import overview_context

        # Skip SectionIndexPage's generic child listing: the overview replaces it.
        context = BasePage.get_context(self, request, *args, **kwargs)
        context.update(overview_context(self, request))
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from ..feeds import AllPilotsRssFeed

        return AllPilotsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import AllPilotsAtomFeed

        return AllPilotsAtomFeed(self)(request)


class PilotPage(RoutablePageMixin, BasePage):
    """One pilot: who takes part, what it wants to achieve and how it goes (timeline)."""

    programma = models.ForeignKey(
        "pilots.Programma",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilots",
        verbose_name=_("programma of thema"),
    )
    regions = ParentalManyToManyField(
        "taxonomy.Regio", blank=True, related_name="pilots", verbose_name=_("regio's")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PilotStatus.choices,
        default=PilotStatus.VOLGENS_PERIODE,
        blank=True,
        help_text=_(
            "Automatisch: aanmelding tot de startdatum, lopend tot en met de einddatum, "
            "daarna afgerond. Kies alleen een status als die afwijkt van de periode."
        ),
    )
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    goal = RichTextField(_("doel"), blank=True, features=RICH_FEATURES)
    target_group = RichTextField(_("doelgroep"), blank=True, features=RICH_FEATURES)
    doelgroepen = ParentalManyToManyField(
        "taxonomy.Doelgroep", blank=True, related_name="pilots", verbose_name=_("doelgroepen")
    )
    approach = RichTextField(_("aanpak"), blank=True, features=RICH_FEATURES)
    started_at = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gestart tijdens"),
        help_text=_("De leercirkel of sessie waar de pilot officieel van start ging."),
    )
    # The startfoto: the baseline (figures, goals, who is responsible) the region
    # measures its progress against. The rows are the inlines below the class.
    startfoto_date = models.DateField(
        _("datum startfoto"),
        null=True,
        blank=True,
        help_text=_("Wanneer de regio de uitgangssituatie vastlegde."),
    )
    measurement_date = models.DateField(
        _("volgende meting"),
        null=True,
        blank=True,
        help_text=_("Wanneer de regio opnieuw meet hoe het ervoor staat."),
    )
    startfoto = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("toelichting op de startfoto"),
        help_text=_("De gezamenlijke analyse van de uitgangssituatie in de regio, in woorden."),
    )
    plan_van_aanpak = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("plan van aanpak"),
        help_text=_("Het plan op maat: wat de regio gaat doen, met wie en wanneer."),
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    contact_organisation = models.CharField(_("organisatie"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)

    parent_page_types = ["pilots.PilotIndexPage"]
    subpage_types = ["pilots.VoortgangsberichtPage"]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("programma"),
                FieldPanel("regions", widget=RegionSelectMultiple),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Kenmerken"),
        ),
        InlinePanel("organisations", label=_("Deelnemende organisaties"), min_num=1),
        FieldPanel("goal"),
        FieldPanel("target_group"),
        FieldPanel("doelgroepen"),
        FieldPanel("approach"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("startfoto_date"), FieldPanel("measurement_date")]),
                InlinePanel("baseline_figures", label=_("Cijfers bij de start")),
                InlinePanel("startfoto_goals", label=_("Doelen")),
                InlinePanel("startfoto_owners", label=_("Wie is verantwoordelijk")),
                FieldPanel("startfoto"),
            ],
            heading=_("Startfoto"),
        ),
        PageChooserPanel("started_at", page_type="learning.Leercirkel"),
        FieldPanel("plan_van_aanpak"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_organisation"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("goal"),
        index.SearchField("target_group"),
        index.SearchField("approach"),
        index.SearchField("startfoto"),
        index.RelatedFields("baseline_figures", [index.SearchField("indicator")]),
        index.RelatedFields("startfoto_goals", [index.SearchField("goal")]),
        index.SearchField("plan_van_aanpak"),
        index.FilterField("status"),
        index.RelatedFields("organisations", [index.SearchField("name")]),
        index.RelatedFields("regions", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")

    def clean(self):
        super().clean()
        errors = {}
        if self.started_at_id:
            target = Page.objects.filter(pk=self.started_at_id).select_related("content_type")
            target = target.first()
            if (
                target is None
                or (
                    target.content_type.app_label,
                    target.content_type.model,
                )
                != STARTED_AT_TYPE
            ):
                errors["started_at"] = _("Kies een leercirkel, verdiepings- of werksessie.")
        if (
            self.startfoto_date
            and self.measurement_date
            and self.measurement_date < self.startfoto_date
        ):
            errors["measurement_date"] = _(
                "De volgende meting kan niet vóór de datum van de startfoto liggen."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def current_status(self):
        """What visitors see: the editor's status, or the one the period gives."""
        if self.status:
            return PilotStatus(self.status)
        return status_for_period(self.start_date, self.end_date, timezone.localdate())

    @property
    def current_status_label(self):
        return self.current_status.label

    @property
    def current_status_badge(self):
        """The NL Design System status badge modifier (utrecht-status-badge--…)."""
        return STATUS_BADGES.get(self.current_status, "neutral")

    @property
    def is_running(self):
        return self.current_status in RUNNING_STATUSES

    @cached_property
    def sector_groups(self):
        """The distinct sector groups of the participating organisations, in their order."""
        groups = {org.sector.number: org.sector for org in self.organisations.all()}
        return [groups[number] for number in sorted(groups)]

    def get_listing_summary(self):
        return self.listing_summary or self.search_description

    def updates(self):
        return (
            VoortgangsberichtPage.objects.live()
            .public()
            .child_of(self)
            .prefetch_related("leerpunten__link_page")
            .order_by("-date", "-pk")
        )

    def permissions_for_user(self, user):
        from ..permissions import PilotPermissionTester

        return PilotPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["updates"] = self.updates()
        context["organisations"] = self.organisations.select_related("sector")
        started_at = self.started_at
        context["started_at"] = started_at if started_at and started_at.live else None
        startfoto = {
            "figures": list(self.baseline_figures.all()),
            "goals": list(self.startfoto_goals.all()),
            "owners": list(self.startfoto_owners.all()),
        }
        shown = any(startfoto.values()) or self.startfoto_date or self.measurement_date
        context["startfoto"] = startfoto if shown or self.startfoto else None
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from ..feeds import PilotRssFeed

        return PilotRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import PilotAtomFeed

        return PilotAtomFeed(self)(request)


class PilotOrganisatie(Orderable):
    pilot = ParentalKey(PilotPage, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("naam"), max_length=200)
    sector = models.ForeignKey(
        "taxonomy.SectorGroep",
        on_delete=models.PROTECT,
        related_name="pilot_organisations",
        verbose_name=_("sectorgroep"),
    )
    role = models.CharField(_("rol in de pilot"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("sector"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("deelnemende organisatie")
        verbose_name_plural = _("deelnemende organisaties")

    def __str__(self):
        return self.name


class StartfotoCijfer(Orderable):
    """One baseline figure of a pilot's startfoto: what was measured, how much, when, where."""

    pilot = ParentalKey(PilotPage, on_delete=models.CASCADE, related_name="baseline_figures")
    indicator = models.CharField(
        _("indicator"),
        max_length=200,
        help_text=_("Wat is er geteld, bijvoorbeeld: jongeren zonder startkwalificatie."),
    )
    value = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    unit = models.CharField(
        _("eenheid"), max_length=50, blank=True, help_text=_("Bijvoorbeeld: jongeren, %, weken.")
    )
    reference_date = models.DateField(_("peildatum"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=255, blank=True)

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("reference_date"), FieldPanel("source")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cijfer bij de start")
        verbose_name_plural = _("cijfers bij de start")

    def __str__(self):
        return self.indicator

    @property
    def value_display(self):
        """The value without trailing zeros: 312, 41,5."""
        text = format(self.value.normalize(), "f")
        return text.replace(".", ",")


class StartfotoDoel(Orderable):
    """A goal of the startfoto, with the target that shows whether it was reached."""

    pilot = ParentalKey(PilotPage, on_delete=models.CASCADE, related_name="startfoto_goals")
    goal = models.CharField(_("doel"), max_length=255)
    target = models.CharField(
        _("meetbaar streefcijfer"),
        max_length=255,
        help_text=_(
            "Waaraan de regio ziet dat het doel bereikt is, bijvoorbeeld: 80% heeft een plan."
        ),
    )
    target_date = models.DateField(_("streefdatum"), null=True, blank=True)

    panels = [FieldPanel("goal"), FieldPanel("target"), FieldPanel("target_date")]

    class Meta(Orderable.Meta):
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self):
        return self.goal


class StartfotoEigenaar(Orderable):
    """Who is responsible for (part of) the startfoto's goals: an organisation and a role."""

    pilot = ParentalKey(PilotPage, on_delete=models.CASCADE, related_name="startfoto_owners")
    organisation = models.CharField(_("organisatie"), max_length=200)
    role = models.CharField(
        _("rol of verantwoordelijkheid"),
        max_length=255,
        help_text=_("Bijvoorbeeld: trekker van de pilot, eigenaar van de monitoring."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("verantwoordelijke")
        verbose_name_plural = _("verantwoordelijken")

    def __str__(self):
        return f"{self.organisation}: {self.role}"


class Fase(models.TextChoices):
    VOORBEREIDING = "voorbereiding", _("Voorbereiding")
    STARTFOTO = "startfoto", _("Startfoto")
    PLAN = "plan-van-aanpak", _("Plan van aanpak")
    UITVOERING = "uitvoering", _("Uitvoering")
    EVALUATIE = "evaluatie", _("Evaluatie")
    BORGING = "borging", _("Borging")


class VoortgangsberichtPage(BasePage):
    """A dated progress update of a pilot; regional editors publish these themselves."""

    date = models.DateField(_("datum"), default=timezone.localdate)
    phase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    intro = models.TextField(_("samenvatting"), max_length=600)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("tekst"))

    parent_page_types = ["pilots.PilotPage"]
    subpage_types: list = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("phase")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "leerpunten",
            label=_("Geleerde lessen"),
            help_text=_(
                "Wat heeft de regio geleerd? Verwijs zo nodig naar een les in de kennisbank."
            ),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("leerpunten", [index.SearchField("title"), index.SearchField("text")]),
    ]

    class Meta:
        verbose_name = _("voortgangsbericht")
        verbose_name_plural = _("voortgangsberichten")

    def get_listing_summary(self):
        return self.listing_summary or self.intro

    @cached_property
    def pilot(self):
        return PilotPage.objects.parent_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pilot"] = self.pilot
        context["leerpunten"] = self.leerpunten.select_related("link_page")
        return context


class Leerpunt(Orderable):
    """A lesson learned, told in the update itself and optionally linked to a kennisbank page,
    so the lesson is found by the site search either way."""

    update = ParentalKey(VoortgangsberichtPage, on_delete=models.CASCADE, related_name="leerpunten")
    title = models.CharField(_("les in één zin"), max_length=255)
    text = models.TextField(_("toelichting"), blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("les in de kennisbank"),
        help_text=_("Kies de bijbehorende les in de kennisbank, als die er is."),
    )
    create_les = models.BooleanField(
        _("als les in de kennisbank plaatsen"),
        default=False,
        help_text=_(
            "Maakt bij publiceren een les in de kennisbank met deze tekst, als er nog geen "
            "les gekozen is."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        PageChooserPanel("link_page", page_type="learning.Les"),
        FieldPanel("create_les"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("geleerde les")
        verbose_name_plural = _("geleerde lessen")

    def __str__(self):
        return self.title
