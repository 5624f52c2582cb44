"""Test and demo helpers for the agenda."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from leernetwerk.core.factories import add_page

from .models import AgendaIndexPage, EventKind, EventPage, EventSeats


def make_index(home):
    existing = AgendaIndexPage.objects.child_of(home).first()
    return existing or add_page(home, AgendaIndexPage, title="Agenda", slug="agenda")


def make_event(index, title="Leercirkel over wonen", *, days=7, hours=3, taken=0, **fields):
    """A published event starting ``days`` from now (negative: in the past), with
    ``taken`` places already taken."""
    start = fields.pop("start", None) or (timezone.now() + datetime.timedelta(days=days)).replace(
        microsecond=0
    )
    defaults = {
        "kind": EventKind.LEERCIRKEL,
        "end": start + datetime.timedelta(hours=hours),
        "place": "Catharijnesingel 47, Utrecht",
        "capacity": 20,
        "registration_closes": start - datetime.timedelta(days=1)
        if days > 1
        else start - datetime.timedelta(minutes=1),
        "intro": "<p>Samen leren over de overgang naar volwassenheid.</p>",
    }
    slug = fields.pop("slug", None) or slugify(title)
    defaults.update(fields)
    event = add_page(index, EventPage, title=title, slug=slug, start=start, **defaults)
    if taken:
        EventSeats.objects.filter(event=event).update(taken=taken)
    return event
