"""Every page describes itself (meta description, Open Graph) and the feeds carry the
content's own date, with links from the site's root."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Site

from learning.factories import add_les
from leernetwerk.core.demo import align_site_with_base_url
from leernetwerk.core.factories import add_page
from leernetwerk.news.models import NewsIndexPage, NewsPage


@pytest.fixture
def site(home):
    Site.objects.filter(is_default_site=True).update(hostname="leernetwerk.example.nl", port=443)
    return home


@pytest.fixture
def news(site):
    index = add_page(site, NewsIndexPage, title="Nieuws", slug="nieuws")
    item = add_page(
        index,
        NewsPage,
        title="Tweede leercirkel in Zwolle",
        date=datetime.date(2019, 3, 14),
        intro="In Zwolle kwamen <b>twaalf</b> regio's bijeen om te leren van elkaars aanpak.",
    )
    return index, item


def _head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    meta = {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in soup.select("head meta[content]")
    }
    return soup, meta


def test_a_page_without_search_description_gets_one_from_its_intro(client, news):
    soup, meta = _head(client, "/nieuws/tweede-leercirkel-in-zwolle/")
    assert meta["description"].startswith("In Zwolle kwamen twaalf regio's bijeen")
    assert meta["og:description"] == meta["description"]
    assert meta["og:title"] == "Tweede leercirkel in Zwolle"
    assert meta["og:type"] == "article"
    assert meta["og:url"] == "https://leernetwerk.example.nl/nieuws/tweede-leercirkel-in-zwolle/"
    assert meta["og:image"].endswith("/static/img/og-default.png")
    assert soup.title.string == "Tweede leercirkel in Zwolle | Leernetwerk 16-27"


def test_the_editors_description_wins_and_is_cut_to_160_characters(client, news):
    _, item = news
    item.search_description = "Kort en goed. " * 30
    item.save_revision().publish()
    _, meta = _head(client, item.url)
    assert meta["description"].startswith("Kort en goed.") and len(meta["description"]) <= 160


def test_the_home_page_title_names_the_site_once(client, site):
    soup, meta = _head(client, "/")
    assert soup.title.string == "Leernetwerk 16-27"
    assert meta["og:type"] == "website" and meta["description"]


def test_views_that_are_not_pages_have_a_description_too(client, db):
    _, meta = _head(client, "/account/inloggen/")
    assert "16 tot 27" in meta["description"]
    assert meta["og:url"] == "http://testserver/account/inloggen/"


def test_the_social_image_is_an_absolute_rendition(client, news, tmp_path):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image

    from leernetwerk.images.models import CustomImage

    buffer = BytesIO()
    Image.new("RGB", (1600, 900), "#336699").save(buffer, "PNG")
    image = CustomImage.objects.create(title="Leercirkel", file=ImageFile(buffer, "lc.png"))
    _, item = news
    item.social_image = image
    item.save_revision().publish()
    _, meta = _head(client, item.url)
    assert meta["og:image"].startswith("http://testserver/media/")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")


def _rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 (our own feed)


def test_the_news_feed_dates_items_by_their_own_date(client, news):
    channel = _rss(client, "/feeds/nieuws/").find("channel")
    assert channel.findtext("link") == "https://leernetwerk.example.nl/"
    [item] = channel.findall("item")
    assert item.findtext("pubDate").startswith("Thu, 14 Mar 2019")
    assert item.findtext("link") == (
        "https://leernetwerk.example.nl/nieuws/tweede-leercirkel-in-zwolle/"
    )


def test_the_lessons_feed_is_announced_and_dated(client, site):
    add_les(site, "Schuldhulp aan huis", date=datetime.date(2020, 6, 1))
    page = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in page and 'href="/feeds/lessen/"' in page
    [item] = _rss(client, "/feeds/lessen/").find("channel").findall("item")
    assert item.findtext("title") == "Schuldhulp aan huis"
    assert item.findtext("pubDate").startswith("Mon, 01 Jun 2020")


@override_settings(WAGTAILADMIN_BASE_URL="https://leren.example.org")
def test_the_demo_site_takes_its_host_from_the_base_url(site):
    align_site_with_base_url()
    site_record = Site.objects.get(is_default_site=True)
    assert (site_record.hostname, site_record.port) == ("leren.example.org", 443)
    assert site_record.root_url == "https://leren.example.org"
