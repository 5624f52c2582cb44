"""The agenda list at /agenda/ (upcoming and past, kind filter, bad filters), the iCal
feed and per-event .ics, the report panel, and query counts that do not grow."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from agenda.factories import make_event

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def _cards(response, section):
    soup = BeautifulSoup(response.content, "html.parser")
    heading = soup.find(id=section)
    return [li.h3.get_text(strip=True) for li in heading.parent.select("li.agenda-card")]


@pytest.fixture
def programme(index):
    return {
        "later": make_event(index, "Leercirkel later", days=20, kind="leercirkel"),
        "soon": make_event(index, "Webinar binnenkort", days=3, kind="webinar", capacity=10),
        "full": make_event(index, "Volle werksessie", days=8, kind="werksessie", capacity=4,
                           taken=4),
        "closed": make_event(index, "Verdieping gesloten", days=2, kind="verdiepingssessie",
                             registration_closes=LONG_AGO),
        "old": make_event(index, "Oude leercirkel", days=-40),
        "older": make_event(index, "Nog oudere werksessie", days=-90, kind="werksessie"),
    }  # fmt: skip


def test_upcoming_soonest_first_and_past_latest_first(client, programme):
    response = client.get("/agenda/")
    assert response.status_code == 200
    assert _cards(response, "komend") == [
        "Verdieping gesloten",
        "Webinar binnenkort",
        "Volle werksessie",
        "Leercirkel later",
    ]
    assert _cards(response, "afgelopen") == ["Oude leercirkel", "Nog oudere werksessie"]


def test_cards_show_date_kind_place_and_places(client, programme):
    html = client.get("/agenda/").content.decode()
    assert "Nog 10 plaatsen" in html
    assert "Vol – wachtlijst" in html
    assert "Aanmelden gesloten" in html
    assert "Webinar" in html and "Catharijnesingel 47, Utrecht" in html
    soon = programme["soon"].start.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    assert f'datetime="{programme["soon"].start.isoformat()[:10]}' in html or str(soon.day) in html


def test_online_only_event_says_online(client, index):
    make_event(index, "Webinar online", place="", online_url="https://meet.example.org/x")
    html = client.get("/agenda/").content.decode()
    assert "Online" in html
    assert "meet.example.org" not in html  # the link goes to registrants only


def test_filter_by_kind(client, programme):
    response = client.get("/agenda/?soort=werksessie")
    assert _cards(response, "komend") == ["Volle werksessie"]
    assert _cards(response, "afgelopen") == ["Nog oudere werksessie"]
    assert "Je ziet alleen bijeenkomsten van de soort werksessie." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["soort=feest", "soort=", "soort=%00", "soort=werksessie&soort=webinar", "pagina=abc",
     "pagina=-1", "pagina=99999", "soort=" + "x" * 5000, "onbekend=1"],
)  # fmt: skip
def test_bad_filters_are_ignored(client, programme, query):
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    assert len(_cards(response, "komend")) in (1, 4)


def test_past_events_are_paginated(client, index):
    for i in range(12):
        make_event(index, f"Afgelopen {i:02d}", days=-(i + 1))
    first = client.get("/agenda/")
    assert len(_cards(first, "afgelopen")) == 10
    assert _cards(first, "afgelopen")[0] == "Afgelopen 00"
    second = client.get("/agenda/?pagina=2")
    assert _cards(second, "afgelopen") == ["Afgelopen 10", "Afgelopen 11"]


def test_agenda_query_count_does_not_grow_with_events(client, index, django_assert_max_num_queries):
    def add(n, offset):
        for i in range(n):
            make_event(index, f"Komend {offset + i}", days=offset + i + 1, taken=i % 3)
            make_event(index, f"Geweest {offset + i}", days=-(offset + i + 1))

    add(3, 0)
    client.get("/agenda/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/agenda/").status_code == 200
    add(27, 100)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/agenda/").status_code == 200


def test_ical_feed_holds_every_upcoming_event(client, programme):
    response = client.get("/agenda/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    summaries = sorted(str(event["SUMMARY"]) for event in events)
    assert summaries == [
        "Leercirkel: Leercirkel later",
        "Verdiepingssessie: Verdieping gesloten",
        "Webinar: Webinar binnenkort",
        "Werksessie: Volle werksessie",
    ]
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
    soon = next(e for e in events if "binnenkort" in str(e["SUMMARY"]))
    assert soon.decoded("DTSTART") == programme["soon"].start
    assert str(soon["DTSTART"].params["TZID"]) == "Europe/Amsterdam"
    assert str(soon["URL"]).endswith("/agenda/webinar-binnenkort/")
    assert len({str(event["UID"]) for event in events}) == 4


def test_ical_feed_of_an_empty_agenda_parses(client, index):
    calendar = Calendar.from_ical(client.get("/agenda/agenda.ics").content)
    assert calendar.walk("VEVENT") == []


def test_per_event_ics_download(client, index):
    event = make_event(index, "Webinar 18-min 18-plus", kind="webinar", place="",
                       online_url="https://meet.example.org/geheim")  # fmt: skip
    response = client.get(f"{event.url}agenda.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="webinar-18-min-18-plus.ics"'
    (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert vevent.decoded("DTEND") == event.end
    assert str(vevent["LOCATION"]) == "Online"
    assert "geheim" not in response.content.decode()  # the link is for registrants only


def test_event_page_shows_facts_and_form(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leercirkel wonen en zorg" in html and "Nog 5 plaatsen" in html
    assert 'name="email"' in html and "Zet in je agenda (.ics)" in html


def test_past_event_has_no_form(client, index):
    event = make_event(index, "Voorbij", days=-3)
    html = client.get(event.url).content.decode()
    assert 'name="email"' not in html and "aanmelden kan niet meer" in html


def test_unpublished_event_is_not_listed(client, index):
    event = make_event(index, "Concept")
    event.unpublish()
    assert "Concept" not in client.get("/agenda/").content.decode()
    assert client.get("/agenda/agenda.ics").content.decode().count("BEGIN:VEVENT") == 0
