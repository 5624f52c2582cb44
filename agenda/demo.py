"""Demo events for ``load_demo``: five coming events of every kind (one nearly full, one
full), two past ones, and the meeting a kennisbank learning circle reports on (when the
kennisbank demo is there). Dates are relative to
today, so the demo always has a coming programme. Idempotent: pages are upserted by
slug; the demo's taken places never drop below the real registrations."""

import datetime

from django.apps import apps
from django.db.models import Count, Q
from django.utils import timezone

from leernetwerk.core.demo import rich, upsert_page

from .models import AgendaIndexPage, EventKind, EventPage, EventSeats

# slug: (kind, title, days from today, start, hours, place, online link, capacity,
#        places taken, intro, programme)
EVENTS = {
    "werksessie-toekomstplan-schrijven": (
        EventKind.WERKSESSIE,
        "Werksessie: het toekomstplan samen met de jongere schrijven",
        9,
        (13, 30),
        3,
        "Stadskantoor, Lübeckplein 2, Zwolle",
        "",
        20,
        19,
        "Een middag oefenen met een toekomstplan dat de jongere zelf schrijft, in de eigen "
        "woorden, voor alle levensgebieden.",
        "13.30 uur: ontvangst\n\n14.00 uur: voorbeeldplannen uit drie regio's\n\n15.00 uur: "
        "zelf aan de slag in kleine groepen\n\n16.15 uur: wat neem je mee?",
    ),
    "webinar-big-5-in-de-praktijk": (
        EventKind.WEBINAR,
        "Webinar: de Big 5 in de praktijk",
        5,
        (10, 0),
        1,
        "",
        "https://webinar.example.org/leernetwerk-big-5",
        150,
        37,
        "Steun, wonen, school en werk, inkomen en welzijn: hoe gebruik je de Big 5 in een "
        "gesprek met een jongere? Twee regio's vertellen hoe zij het doen.",
        "Een uur met twee korte presentaties en tijd voor vragen in de chat.",
    ),
    "leercirkel-18-min-18-plus": (
        EventKind.LEERCIRKEL,
        "Leercirkel: geen breuk op je achttiende",
        16,
        (13, 0),
        4,
        "Nederlands Jeugdinstituut, Catharijnesingel 47, Utrecht",
        "",
        40,
        12,
        "Wat gaat er mis als jeugdhulp stopt op 18 jaar, en wat werkt wel? Pilotregio's delen "
        "hun ervaringen met de doorgaande lijn naar Wmo en Participatiewet.",
        "Met bijdragen van jongeren, een wijkteam en een gemeente over werk en inkomen.",
    ),
    "verdiepingssessie-wonen-en-inkomen": (
        EventKind.VERDIEPINGSSESSIE,
        "Verdiepingssessie: wonen en inkomen na de jeugdhulp",
        27,
        (9, 30),
        3,
        "Movisie, Catharijnesingel 47, Utrecht",
        "https://webinar.example.org/verdieping-wonen",
        25,
        4,
        "Een kamer vinden en rondkomen: twee onderwerpen die vaak tegelijk knellen. We "
        "verdiepen ons in regelingen en in wat professionals samen kunnen regelen.",
        "Je kunt in Utrecht aanschuiven of online meedoen.",
    ),
    "werksessie-startfoto-regio": (
        EventKind.WERKSESSIE,
        "Werksessie: een startfoto van je regio maken",
        38,
        (13, 30),
        3,
        "Provinciehuis, Sint Jacobsplein 1, Groningen",
        "",
        12,
        12,
        "Hoe maak je met alle partners een gezamenlijke analyse van de uitgangssituatie? "
        "Een praktische sessie voor regio's die met de aanpak 16-27 beginnen.",
        "Neem cijfers en een overzicht van de partners in je regio mee.",
    ),
    "leercirkel-samen-met-jongeren": (
        EventKind.LEERCIRKEL,
        "Leercirkel: samen met jongeren de aanpak verbeteren",
        -24,
        (13, 0),
        4,
        "Stadhuis, Stadhuisplein 1, Leiden",
        "",
        40,
        34,
        "Jongeren en professionals bespraken hoe jongeren zelf mee kunnen beslissen over de "
        "aanpak in hun regio.",
        "Met een ervaringsdeskundige, de integrale toegang van Leiden en een jongerenraad.",
    ),
    "webinar-persona-s": (
        EventKind.WEBINAR,
        "Webinar: werken met persona's",
        -61,
        (15, 0),
        1,
        "",
        "https://webinar.example.org/personas",
        150,
        88,
        "Hoe gebruik je herkenbare jongeren als hulpmiddel om beleid en praktijk te toetsen?",
        "Een uur met voorbeelden uit de persona's van het leernetwerk.",
    ),
}


def _start(days, hour_minute):
    day = timezone.localdate() + datetime.timedelta(days=days)
    while day.weekday() >= 5:  # the network meets on weekdays
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(*hour_minute)))


def _report_page():
    """A learning circle of the kennisbank demo, by page type (none: no report)."""
    try:
        model = apps.get_model("learning", "Leercirkel")
    except LookupError:
        return None
    return model.objects.live().filter(kind="leercirkel").order_by("-date").first()


def _set_taken(page, taken):
    confirmed = page.registrations.aggregate(n=Count("pk", filter=Q(status="bevestigd")))["n"]
    EventSeats.objects.filter(event=page).update(taken=max(taken, confirmed))


def _reported_event(index, report):
    """The meeting the kennisbank's learning circle reports on, on that circle's day."""
    start = timezone.make_aware(datetime.datetime.combine(report.date, datetime.time(13, 0)))
    intro = (
        "De bijeenkomst waarover het verslag in de kennisbank gaat: wie er waren, wat er "
        "besproken is en welke lessen de deelnemers meenamen."
    )
    page = upsert_page(
        index,
        EventPage,
        report.slug,
        title=report.title,
        kind=EventKind.LEERCIRKEL,
        start=start,
        end=start + datetime.timedelta(hours=4),
        place=report.location or "Utrecht",
        online_url="",
        capacity=60,
        registration_closes=start - datetime.timedelta(days=2),
        intro=rich(intro),
        body="",
        listing_summary=intro,
        organiser_email="agenda@leernetwerk.example.org",
        report_page=report,
    )
    _set_taken(page, 52)


def load(home, log):
    index = AgendaIndexPage.objects.child_of(home).first()
    if index is None:
        log("Agenda: geen agendapagina gevonden, overgeslagen.")
        return
    report = _report_page()
    for slug, spec in EVENTS.items():
        kind, title, days, at, hours, place, online, capacity, taken, intro, body = spec
        start = _start(days, at)
        page = upsert_page(
            index,
            EventPage,
            slug,
            title=title,
            kind=kind,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            place=place,
            online_url=online,
            capacity=capacity,
            registration_closes=start - datetime.timedelta(days=1),
            intro=rich(intro),
            body=rich(body),
            listing_summary=intro,
            organiser_email="agenda@leernetwerk.example.org",
            report_page=None,
        )
        _set_taken(page, taken)
    if report is not None:
        _reported_event(index, report)
    log(
        f"Agenda: {len(EVENTS)} bijeenkomsten"
        + (f", verslag: {report.title}." if report else ", zonder verslag (geen leercirkel).")
    )
