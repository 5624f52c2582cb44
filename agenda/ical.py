"""iCalendar files (RFC 5545) for the agenda feed, one event, and the e-mail attachment."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress, vText

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Leernetwerk 16-27//Agenda//NL"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    return calendar


def _event(page, request, now, with_online_link):
    event = Event()
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/")[0] or "leernetwerk"
    event.add("uid", f"bijeenkomst-{page.pk}@{host}")
    event.add("dtstamp", now)
    event.add("dtstart", page.start.astimezone(AMSTERDAM))
    event.add("dtend", page.end.astimezone(AMSTERDAM))
    event.add("summary", f"{page.get_kind_display()}: {page.title}")
    url = page.get_full_url(request)
    description = strip_tags(page.intro).strip()
    parts = [description] if description else []
    if page.online_url and with_online_link:
        parts.append(f"Online: {page.online_url}")
    parts.append(f"Meer informatie: {url}")
    event.add("description", "\n\n".join(parts))
    online = page.online_url if with_online_link else "Online"
    event.add("location", page.place or online)
    event.add("url", url)
    if page.organiser_email:
        organizer = vCalAddress(f"mailto:{page.organiser_email}")
        organizer.params["cn"] = vText("Leernetwerk 16-27")
        event.add("organizer", organizer)
    event.add("last-modified", page.last_published_at or now)
    return event


def to_ical(pages, name, request=None, with_online_link=False):
    """The calendar of ``pages`` as bytes, times in Europe/Amsterdam with its VTIMEZONE.
    The link of an online event is only in the registrant's own file (the e-mails)."""
    now = timezone.now()
    calendar = _calendar(name)
    for page in pages:
        calendar.add_component(_event(page, request, now, with_online_link))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_ical(page, request=None, with_online_link=False):
    return to_ical([page], page.title, request, with_online_link)
