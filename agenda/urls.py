"""Calendar files next to the pages: /agenda/agenda.ics (every upcoming event) and
/agenda/<event>/agenda.ics. Wagtail only serves page paths that end in a slash, so these
are routed here and look up the live page at the path in front of the file name."""

import re

from django.urls import re_path

from .models import ICAL_FILENAME
from .views import ical_download

urlpatterns = [
    re_path(
        r"^(?P<path>(?:[\w-]+/)+)" + re.escape(ICAL_FILENAME) + "$",
        ical_download,
        name="agenda_ical",
    ),
]
