"""Calendar files next to the pages: /agenda/agenda.ics (every upcoming event) and
/agenda/<event>/agenda.ics, plus the RSS feed of coming events at /feeds/agenda/.
Wagtail only serves page paths that end in a slash, so the calendar files are routed
here and look up the live page at the path in front of the file name."""

import re

from django.urls import path, re_path

from .feeds import AgendaFeed
from .models import ICAL_FILENAME
from .views import ical_download

urlpatterns = [
    path("feeds/agenda/", AgendaFeed(), name="agenda_feed"),
    re_path(
        r"^(?P<path>(?:[\w-]+/)+)" + re.escape(ICAL_FILENAME) + "$",
        ical_download,
        name="agenda_ical",
    ),
]
