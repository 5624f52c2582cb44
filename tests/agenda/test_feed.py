"""/feeds/agenda/: the coming events as RSS, announced on every page and linked from
the agenda page."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from agenda.factories import make_event

pytestmark = pytest.mark.django_db
URL = "/feeds/agenda/"


@pytest.fixture(autouse=True)
def site(home):
    Site.objects.filter(is_default_site=True).update(hostname="leernetwerk.example.nl", port=443)


def _items(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)
    return channel.findall("item")


def test_feed_lists_coming_events_first_one_on_top(client, index):
    later = make_event(index, "Webinar over inkomen", days=20, kind="webinar")
    sooner = make_event(
        index,
        "Leercirkel wonen",
        start=timezone.make_aware(datetime.datetime.now() + datetime.timedelta(days=5)).replace(
            hour=13, minute=30, second=0, microsecond=0
        ),
        place="Stadskantoor, Zwolle",
    )
    make_event(index, "Afgelopen werksessie", days=-3)
    draft = make_event(index, "Nog niet aangekondigd", days=8)
    draft.unpublish()

    items = _items(client)
    titles = [item.findtext("title") for item in items]
    assert len(titles) == 2
    assert titles[0].endswith(": Leercirkel wonen") and titles[1].endswith(": Webinar over inkomen")
    day = timezone.localtime(sooner.start)
    assert titles[0].startswith(f"{day.day} ")
    description = items[0].findtext("description")
    assert "13:30 uur, Stadskantoor, Zwolle." in description
    assert "Samen leren over de overgang naar volwassenheid." in description
    assert items[0].findtext("link") == f"https://leernetwerk.example.nl{sooner.url}"
    # Dated by the announcement, not by a day in the future.
    later.refresh_from_db()
    published = later.first_published_at.astimezone(datetime.UTC)
    assert items[1].findtext("pubDate").startswith(published.strftime("%a, %d %b %Y"))


def test_feed_is_announced_and_linked_from_the_agenda(client, index):
    make_event(index, "Leercirkel wonen", days=5)
    html = client.get(index.url).content.decode()
    assert f'href="{URL}"' in html and 'type="application/rss+xml"' in html
    assert f'<a href="{URL}">' in html
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_empty_agenda_gives_an_empty_feed(client, index):
    assert _items(client) == []


def test_feed_query_count_does_not_grow(client, index):
    def count():
        client.get(URL)
        with CaptureQueriesContext(connection) as ctx:
            client.get(URL)
        return len(ctx.captured_queries)

    make_event(index, "Bijeenkomst 0", days=3)
    few = count()
    for i in range(1, 8):
        make_event(index, f"Bijeenkomst {i}", days=3 + i)
    assert count() == few
