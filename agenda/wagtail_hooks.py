"""What the agenda adds to the foundation: its section, the registrations in the CMS
(view and export for organisers), the report panel on a learning circle, and its part of
an account's data export and deletion."""

from celery.schedules import crontab
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from leernetwerk.core.exports import FormulaSafeExportMixin
from leernetwerk.core.hooks import (
    ACCOUNT_DATA,
    ACCOUNT_DELETION_NOTICES,
    BEFORE_ACCOUNT_DELETE,
    FEEDS,
    NOTIFICATION_KINDS,
    PAGE_PANELS,
    PERIODIC_TASKS,
    SITE_SECTIONS,
    SITE_URLS,
    PeriodicTask,
    SiteSection,
)
from leernetwerk.notifications import NotificationKind

from .emails import send_promotion_mail
from .models import EventPage, Registration, RegistrationStatus
from .reminders import REMINDER_KIND
from .services import cancel


class RegistrationIndexView(FormulaSafeExportMixin, IndexView):
    """Attendee lists as CSV (formula cells escaped) or XLSX."""


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "date"
    menu_label = _("Agenda-aanmeldingen")
    menu_order = 330  # after Pilots (310) and Nieuwsbrief (320)
    add_to_admin_menu = True
    list_display = ["name", "event_title", "event_start", "status", "organisation", "created_at"]
    list_filter = ["event", "status"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "event_title",
        "event_start",
        "status",
        "name",
        "email",
        "organisation",
        "created_at",
        "promoted_at",
        "cancelled_at",
    ]
    export_headings = {
        "event_title": _("Bijeenkomst"),
        "event_start": _("Begint op"),
        "status": _("Status"),
        "name": _("Naam"),
        "email": _("E-mailadres"),
        "organisation": _("Organisatie"),
        "created_at": _("Aangemeld op"),
        "promoted_at": _("Van wachtlijst naar bevestigd"),
        "cancelled_at": _("Geannuleerd op"),
    }
    export_filename = "deelnemers"
    ordering = ["event__start", "created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


register_snippet(RegistrationViewSet)


@hooks.register(SITE_URLS)
def site_urls():
    return [path("", include("agenda.urls"))]


@hooks.register(FEEDS)
def feeds():
    return [("Agenda: komende bijeenkomsten", reverse("agenda_feed"))]


@hooks.register(SITE_SECTIONS)
def agenda_section():
    return SiteSection(
        "agenda.AgendaIndexPage",
        "agenda",
        "Agenda",
        "Leercirkels, werksessies, verdiepingssessies en webinars van het leernetwerk: "
        "meld je aan en leer samen met collega's uit het hele land.",
        menu_order=25,  # after the kennisbank (10) and pilots (20)
    )


# --- Personal data -----------------------------------------------------------------------


def registrations_of(user):
    return Registration.objects.filter(user=user).select_related("event").order_by("created_at")


@hooks.register(ACCOUNT_DATA)
def registrations_in_account_data(user):
    return {
        "aanmeldingen_bijeenkomsten": [
            {
                "bijeenkomst": registration.event.title,
                "begint_op": timezone.localtime(registration.event.start).isoformat(),
                "status": registration.get_status_display(),
                "naam": registration.name,
                "e-mailadres": registration.email,
                "organisatie": registration.organisation,
                "aangemeld_op": timezone.localtime(registration.created_at).isoformat(),
            }
            for registration in registrations_of(user)
        ]
    }


def _upcoming_live(user):
    return (
        registrations_of(user)
        .filter(event__start__gt=timezone.now())
        .exclude(status=RegistrationStatus.CANCELLED)
    )


@hooks.register(ACCOUNT_DELETION_NOTICES)
def registration_deletion_notices(user):
    upcoming = _upcoming_live(user).count()
    notices = []
    if upcoming:
        notices.append(
            format_html(
                "Je bent aangemeld voor {} komende bijeenkomst{}. Die aanmelding{} "
                "<strong>vervalt</strong>; je plaats gaat naar de wachtlijst.",
                upcoming,
                "en" if upcoming != 1 else "",
                "en" if upcoming != 1 else "",
            )
        )
    if registrations_of(user).exists():
        notices.append(
            "Van je aanmeldingen voor bijeenkomsten blijft alleen bewaard dat er iemand was "
            "aangemeld, zonder naam, e-mailadres of organisatie."
        )
    return notices


@hooks.register(BEFORE_ACCOUNT_DELETE)
def anonymise_registrations(user):
    """Upcoming registrations are cancelled (the place goes to the waiting list), then
    every registration of the account is anonymised: the counts stay, the person goes."""
    for registration in _upcoming_live(user):
        _cancelled, promoted = cancel(registration)
        if promoted is not None:
            # send_email queues the mail when the deletion's transaction commits.
            send_promotion_mail(promoted)
    for registration in registrations_of(user):
        registration.name = "Verwijderd account"
        registration.email = f"verwijderd-{registration.pk}@account.invalid"
        registration.organisation = ""
        registration.user = None
        registration.save(update_fields=["name", "email", "organisation", "user"])


# --- Notifications, reminders and the report panel -------------------------------------


@hooks.register(NOTIFICATION_KINDS)
def notification_kinds():
    return [
        NotificationKind(
            key=REMINDER_KIND,
            label="Herinnering aan een bijeenkomst",
            description="Een dag voor een bijeenkomst waarvoor je bent aangemeld.",
        )
    ]


@hooks.register(PERIODIC_TASKS)
def periodic_tasks():
    # Hourly: each registrant is reminded about 23-24 hours before the start (reminders.py).
    return [
        PeriodicTask(
            name="Herinneringen aan bijeenkomsten",
            task="agenda.send_reminders",
            schedule=crontab(minute=5),
        )
    ]


@hooks.register(PAGE_PANELS)
def report_panel(page, request):
    """On a report (any page an event names as its report): the event it belongs to."""
    if isinstance(page, EventPage):
        return None
    event = (
        EventPage.objects.live().public().filter(report_page_id=page.pk).order_by("-start").first()
    )
    if event is None:
        return None
    return render_to_string("agenda/report_panel.html", {"event": event}, request=request)
