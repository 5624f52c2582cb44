"""Demo newsletter: a few confirmed subscribers (example.org), one sent issue in the
archive and a draft. Pages are found by model name, so the demo works without the
kennisbank too. Idempotent: subscribers by address, issues by subject."""

import datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from leernetwerk.core.demo import rich

from .models import NewsletterIssue, SendJob, Subscriber

SUBSCRIBERS = [
    ("marieke.jongerenwerk@example.org", "Marieke de Vries"),
    ("wijkteam.noord@example.org", "Wijkteam Noord"),
    ("beleid.jeugd@example.org", "Samir El Idrissi"),
    ("mbo.loopbaan@example.org", ""),
]

SENT_SUBJECT = "Nieuwsbrief 16-27: doorlopen na je achttiende"
SENT_INTRO = (
    "Voor veel jongeren verandert er op hun achttiende ineens veel: andere wetten, andere "
    "loketten en vaak ook andere hulpverleners. In de aanpak 16-27 werken regio's eraan "
    "dat de steun gewoon doorloopt. In deze nieuwsbrief lees je wat pilotregio's daarover "
    "hebben geleerd, en welke lessen uit de kennisbank je morgen al kunt gebruiken.\n\n"
    "Heb je zelf een ervaring die anderen verder helpt? Laat het ons weten: de volgende "
    "leercirkel zoekt voorbeelden uit de praktijk."
)
DRAFT_SUBJECT = "Nieuwsbrief 16-27: samen één toekomstplan (concept)"
DRAFT_INTRO = (
    "Een toekomstplan is van de jongere zelf. Hoe zorg je dat school, jongerenwerk en "
    "gemeente er samen aan bijdragen zonder het over te nemen? Deze keer: praktijkvoorbeelden "
    "uit drie regio's."
)


def _latest(label, count):
    """The newest live pages of ``label`` ("app.Model"); none when the app is absent."""
    try:
        model = apps.get_model(label)
    except LookupError:
        return []
    return list(model.objects.live().order_by("-date", "-pk")[:count])


def _coming_events(count):
    """The first coming events of the agenda, when it is installed."""
    try:
        model = apps.get_model("agenda.EventPage")
    except LookupError:
        return []
    return list(model.objects.live().filter(start__gte=timezone.now()).order_by("start")[:count])


def load(home, log):
    now = timezone.now()
    with transaction.atomic():
        for email, name in SUBSCRIBERS:
            Subscriber.objects.update_or_create(
                email=email,
                defaults={"name": name, "confirmed_at": now, "confirmation_sent_at": now},
            )
        pages = _latest("news.NewsPage", 2) + _latest("learning.Les", 2)
        items = [("pagina", page) for page in pages]
        sent, _ = NewsletterIssue.objects.update_or_create(
            subject=SENT_SUBJECT, defaults={"intro": rich(SENT_INTRO), "items": items}
        )
        if sent.sent_at is None:
            sent.sent_at = now - datetime.timedelta(days=14)
            sent.save(update_fields=["sent_at"])
        # The demo issue counts as sent to the demo subscribers; no mail goes out.
        SendJob.objects.get_or_create(
            issue=sent,
            defaults={
                "started_at": sent.sent_at,
                "finished_at": sent.sent_at,
                "total": len(SUBSCRIBERS),
                "sent": len(SUBSCRIBERS),
            },
        )
        NewsletterIssue.objects.update_or_create(
            subject=DRAFT_SUBJECT,
            defaults={
                "intro": rich(DRAFT_INTRO),
                "items": items[:2] + [("pagina", event) for event in _coming_events(2)],
            },
        )
    log(
        f"Nieuwsbrief: {len(SUBSCRIBERS)} abonnees, een verzonden nieuwsbrief met "
        f"{len(items)} onderwerpen en een concept."
    )
