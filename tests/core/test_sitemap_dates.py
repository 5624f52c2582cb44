"""The sitemap gives each page its content's own date as lastmod, and the pages API
exposes that date (content_date)."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import Site

from agenda.factories import make_event
from learning.factories import add_leercirkel, add_les, add_richtlijn
from leernetwerk.core.factories import add_page
from leernetwerk.core.feeds import content_date, sitemap_lastmod
from leernetwerk.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site(home):
    Site.objects.filter(is_default_site=True).update(hostname="leernetwerk.example.nl", port=443)
    return home


def _lastmods(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    return {
        url.findtext("sm:loc", namespaces=NS).removeprefix("https://leernetwerk.example.nl"): (
            url.findtext("sm:lastmod", namespaces=NS)
        )
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_lastmod_is_the_content_date(client, site):
    index = add_page(site, NewsIndexPage, title="Nieuws", slug="nieuws")
    add_page(index, NewsPage, title="Oud nieuws", date=datetime.date(2019, 3, 14), intro="Tekst")
    add_les(site, "Les uit 2018", date=datetime.date(2018, 5, 2))
    add_leercirkel(site, "Leercirkel", date=datetime.date(2018, 11, 22))
    add_richtlijn(site, "Richtlijn", adoption_date=datetime.date(2017, 9, 1))
    lastmods = _lastmods(client)
    assert lastmods["/nieuws/oud-nieuws/"].startswith("2019-03-14")
    assert lastmods["/les-uit-2018/"].startswith("2018-05-02")
    assert lastmods["/leercirkel/"].startswith("2018-11-22")
    assert lastmods["/richtlijn/"].startswith("2017-09-01")
    # A page without a content date keeps the moment it was last published.
    today = timezone.localdate().isoformat()
    assert lastmods["/nieuws/"].startswith(today)


def test_sitemap_lastmod_of_an_event_is_its_day(site):
    from agenda.models import AgendaIndexPage

    agenda = add_page(site, AgendaIndexPage, title="Agenda", slug="agenda")
    start = timezone.make_aware(datetime.datetime(2027, 3, 4, 19, 30))
    event = make_event(agenda, "Webinar", start=start)
    assert content_date(event) == datetime.date(2027, 3, 4)
    assert sitemap_lastmod(event).date() == datetime.date(2027, 3, 4)


def test_a_content_date_on_the_publication_day_is_that_moment(site):
    les = add_les(site, "Les van vandaag", date=timezone.localdate())
    les.refresh_from_db()
    assert les.last_published_at is not None
    assert sitemap_lastmod(les) == les.last_published_at


def test_the_pages_api_exposes_the_content_date(client, site):
    add_les(site, "Les uit 2018", date=datetime.date(2018, 5, 2))
    add_richtlijn(site, "Richtlijn zonder datum", adoption_date=None)
    data = client.get("/api/v2/pages/", {"type": "learning.Les", "fields": "content_date"})
    [item] = data.json()["items"]
    assert item["content_date"] == "2018-05-02"
    data = client.get("/api/v2/pages/", {"type": "learning.Richtlijn", "fields": "content_date"})
    assert data.json()["items"][0]["content_date"] is None
    detail = client.get(f"/api/v2/pages/{item['id']}/").json()
    assert detail["content_date"] == "2018-05-02"
