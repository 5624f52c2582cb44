"""The agenda demo: coming events of every kind (one nearly full), past ones, one with its
kennisbank report, and idempotent."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from agenda.models import EventPage

pytestmark = pytest.mark.django_db


def _load():
    call_command(
        "load_demo",
        only=["learning", "agenda"],
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )


def test_demo_is_complete_and_idempotent(client):
    _load()
    _load()
    now = timezone.now()
    events = EventPage.objects.live().select_related("seats")
    upcoming = [e for e in events if e.start > now]
    past = [e for e in events if e.end <= now]
    assert len(upcoming) >= 4 and len(past) >= 2 and events.count() == len(upcoming + past)
    kinds = {"leercirkel", "werksessie", "verdiepingssessie", "webinar"}
    assert {e.kind for e in upcoming} == kinds
    assert any(e.capacity == 20 and e.seats.taken == 19 for e in upcoming)
    assert all(e.start.astimezone(timezone.get_current_timezone()).weekday() < 5 for e in events)
    (reported,) = [e for e in events if e.report_page_id]
    assert reported in past and reported.report_page.specific_class.__name__ == "Leercirkel"
    assert reported.date == reported.report_page.specific.date  # on the circle's own day
    html = client.get("/agenda/").content.decode()
    assert "Nog 1 plaats" in html and "Vol – wachtlijst" in html
    report_html = client.get(reported.report_page.url).content.decode()
    assert "Deze leercirkel hoort bij de bijeenkomst" in report_html
