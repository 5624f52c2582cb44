"""/feeds/agenda/: the coming events as RSS, next to the iCal feed.

An item is dated by when the event was announced (first published), so a feed reader
shows a newly announced event as new; the event's own date and place open the
description, and its title says the day. Sorted by start: the first coming event on top.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags

from leernetwerk.core.feeds import PageFeed

from .models import EventPage


class AgendaFeed(PageFeed):
    title = "Agenda van Leernetwerk 16-27"
    description = "Komende leercirkels, werksessies, verdiepingssessies en webinars."

    def queryset(self):
        return EventPage.objects.filter(end__gt=timezone.now()).order_by("start", "pk")

    def item_title(self, item):
        day = date_format(timezone.localtime(item.start), "j F Y")
        return f"{day}: {item.title}"

    def item_description(self, item):
        start = timezone.localtime(item.start)
        when = date_format(start, "l j F Y, H:i")
        where = item.place or ("online" if item.online_url else "")
        lead = f"{when} uur" + (f", {where}" if where else "") + "."
        summary = item.listing_summary or strip_tags(item.intro)
        return f"{lead} {summary}".strip()

    def item_pubdate(self, item):
        return item.first_published_at or item.last_published_at
