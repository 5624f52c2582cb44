"""The network's events: the agenda section, event pages, their seat counter and the
registrations (personal data: ACCOUNT_DATA and BEFORE_ACCOUNT_DELETE in wagtail_hooks)."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from leernetwerk.core.models import BasePage, SectionIndexPage

RICH_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul"]
# The report of an event is a learning circle in the kennisbank, named by string: the
# agenda does not import another feature app.
REPORT_PAGE_TYPE = "learning.Leercirkel"
ICAL_FILENAME = "agenda.ics"  # /agenda/agenda.ics and /agenda/<event>/agenda.ics


class EventKind(models.TextChoices):
    LEERCIRKEL = "leercirkel", _("Leercirkel")
    WERKSESSIE = "werksessie", _("Werksessie")
    VERDIEPINGSSESSIE = "verdiepingssessie", _("Verdiepingssessie")
    WEBINAR = "webinar", _("Webinar")


class AgendaIndexPage(SectionIndexPage):
    """The agenda at /agenda/: upcoming and past events, a kind filter and an iCal feed."""

    page_cache = False  # places left change with every registration (leernetwerk.pagecache)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["agenda.EventPage"]

    class Meta:
        verbose_name = _("agenda")

    def events(self):
        """Live events under this index with their seat counter, in one query."""
        return EventPage.objects.live().public().child_of(self).select_related("seats")

    def get_context(self, request, *args, **kwargs):
        from .views import agenda_context

        # Skip SectionIndexPage's generic child listing: upcoming and past replace it.
        context = BasePage.get_context(self, request, *args, **kwargs)
        context.update(agenda_context(self, request))
        return context

    def ical_url(self):
        # Served by agenda.urls: Wagtail's page URLs end in a slash, a calendar file not.
        return self.url + ICAL_FILENAME


def validate_web_url(value):
    if urlsplit(value).scheme.lower() not in ("http", "https"):
        raise ValidationError(
            _("Gebruik een webadres dat begint met https:// of http://."), code="scheme"
        )


class EventPage(RoutablePageMixin, BasePage):
    """One event: when, where (an address, an online link or both), how many places, and
    the registration form on the page itself."""

    page_cache = False  # a registration form and the places left, per visitor

    kind = models.CharField(
        _("soort"), max_length=20, choices=EventKind.choices, default=EventKind.LEERCIRKEL
    )
    start = models.DateTimeField(_("begint op"), help_text=_("Nederlandse tijd."))
    end = models.DateTimeField(_("eindigt op"), help_text=_("Nederlandse tijd."))
    place = models.CharField(
        _("plaats"),
        max_length=255,
        blank=True,
        help_text=_("Adres en plaats, bijvoorbeeld: Catharijnesingel 47, Utrecht."),
    )
    online_url = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        validators=[validate_web_url],
        help_text=_("De link naar de online bijeenkomst (https://…)."),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), default=30, validators=[MinValueValidator(1)]
    )
    registration_closes = models.DateTimeField(
        _("aanmelden kan tot"),
        help_text=_("Uiterlijk het begin van de bijeenkomst."),
    )
    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    body = RichTextField(_("programma en uitleg"), blank=True, features=RICH_FEATURES)
    organiser_email = models.EmailField(
        _("e-mailadres organisator"),
        blank=True,
        help_text=_("Voor vragen van deelnemers; staat in de bevestigingsmail."),
    )
    report_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verslag"),
        help_text=_("De leercirkel in de kennisbank met het verslag van deze bijeenkomst."),
    )

    parent_page_types = ["agenda.AgendaIndexPage"]
    subpage_types: list = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("online_url"),
            ],
            heading=_("Wanneer en waar"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_closes")]),
                FieldPanel("organiser_email"),
            ],
            heading=_("Aanmelden"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        PageChooserPanel("report_page", page_type=REPORT_PAGE_TYPE),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Het einde moet na het begin liggen.")
        if self.start and self.registration_closes and self.registration_closes > self.start:
            errors["registration_closes"] = _(
                "Aanmelden moet sluiten voor of op het moment dat de bijeenkomst begint."
            )
        if not (self.place or "").strip() and not self.online_url:
            errors["place"] = _("Vul een adres in, een online link, of allebei.")
        if self.report_page_id and not _is_report_type(self.report_page):
            errors["report_page"] = _("Kies een leercirkel uit de kennisbank als verslag.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Every event has its counter row, so claiming a place is a single UPDATE.
        EventSeats.objects.get_or_create(event_id=self.pk)

    # --- Dates -------------------------------------------------------------------------

    @property
    def date(self):
        """The event's own (Dutch) date: cards and lists show and sort by it."""
        return timezone.localtime(self.start).date()

    def is_past(self, now=None):
        return self.end <= (now or timezone.now())

    def has_started(self, now=None):
        return self.start <= (now or timezone.now())

    def is_multi_day(self):
        return timezone.localtime(self.start).date() != timezone.localtime(self.end).date()

    # --- Places ------------------------------------------------------------------------

    @cached_property
    def seats_taken(self):
        try:
            return self.seats.taken
        except EventSeats.DoesNotExist:
            return 0

    @property
    def places_left(self):
        return max(self.capacity - self.seats_taken, 0)

    def registration_open(self, now=None):
        now = now or timezone.now()
        return now < self.registration_closes and not self.has_started(now)

    def availability(self, now=None):
        """ "gesloten" (no registration), "vol" (waiting list) or "open"."""
        if not self.registration_open(now):
            return "gesloten"
        return "vol" if self.places_left == 0 else "open"

    def report(self):
        """The live report page, only once the event is over."""
        if self.report_page_id and self.is_past() and self.report_page.live:
            return self.report_page
        return None

    # --- Routes ------------------------------------------------------------------------

    def ical_url(self):
        return self.url + ICAL_FILENAME

    @path("")
    def index_route(self, request):
        # The page itself holds the registration form (GET shows it, POST registers).
        from .views import event_view

        return event_view(self, request)

    @path("afmelden/<str:token>/", name="cancel")
    def cancel(self, request, token):
        from .views import cancel_view

        return cancel_view(self, request, token)


def _is_report_type(page):
    content_type = page.content_type
    return f"{content_type.app_label}.{content_type.model}" == REPORT_PAGE_TYPE.lower()


class EventSeats(models.Model):
    """The number of confirmed places of an event, in a row of its own: a place is
    claimed with one conditional UPDATE (services.claim_place), and publishing a page
    revision never writes an old count back over it."""

    event = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, primary_key=True, related_name="seats"
    )
    taken = models.PositiveIntegerField(_("bezette plaatsen"), default=0)

    class Meta:
        verbose_name = _("plaatsen van een bijeenkomst")

    def __str__(self):
        return f"{self.event_id}: {self.taken}"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "bevestigd", _("Bevestigd")
    WAITING = "wachtlijst", _("Wachtlijst")
    CANCELLED = "geannuleerd", _("Geannuleerd")


def new_token():
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """Someone's registration for an event: confirmed, on the waiting list or cancelled.
    The cancel link carries ``token`` (random, 256 bits, unique)."""

    event = models.ForeignKey(
        EventPage,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("bijeenkomst"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_registrations",
        verbose_name=_("account"),
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))  # stored in lower case
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now, editable=False)
    promoted_at = models.DateTimeField(_("van wachtlijst naar bevestigd"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("herinnering verstuurd"), null=True, blank=True)

    panels = [
        FieldPanel("event", read_only=True),
        FieldPanel("status", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("organisation", read_only=True),
        FieldPanel("created_at", read_only=True),
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("aanmelding voor een bijeenkomst")
        verbose_name_plural = _("aanmeldingen voor bijeenkomsten")
        constraints = [
            # One live registration per e-mail address per event (cancelled ones aside).
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="geannuleerd"),
                name="agenda_one_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    def event_title(self):
        return self.event.title

    event_title.short_description = _("bijeenkomst")

    def event_start(self):
        return timezone.localtime(self.event.start).strftime("%Y-%m-%d %H:%M")

    event_start.short_description = _("begint op")

    def cancel_url(self):
        return self.event.url + self.event.reverse_subpage("cancel", args=[self.token])
