"""The anonymous page cache (leernetwerk.pagecache): what it serves, stores and purges."""

import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from leernetwerk.core.factories import UserFactory, add_page
from leernetwerk.core.models import MainMenuItem, NavigationSettings
from leernetwerk.news.models import NewsIndexPage, NewsPage
from leernetwerk.pagecache.purge import GENERATION_KEY
from leernetwerk.taxonomy.models import Regio

pytestmark = pytest.mark.django_db


@pytest.fixture
def pagecache(settings):
    settings.PAGECACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news(home):
    index = add_page(home, NewsIndexPage, title="Nieuws", intro="Het laatste nieuws")
    return add_page(index, NewsPage, title="Eerste bericht", intro="Over het leernetwerk")


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run the purge that waits for the commit (the test's transaction never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_anonymous_page_is_cached_with_etag_and_conditional_get(client, home, pagecache):
    first = client.get("/")
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    assert "public" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    etag = first["ETag"]
    second = client.get("/")
    assert second["X-Cache"] == "HIT" and second["ETag"] == etag
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "X-Request-ID" in second and second["X-Request-ID"] != first["X-Request-ID"]
    not_modified = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not not_modified.content


def test_publish_is_visible_at_once(client, news, pagecache, commits):
    assert "Eerste bericht" in client.get(news.url).content.decode()
    assert client.get(news.url)["X-Cache"] == "HIT"
    news.title = "Bericht herschreven"
    with commits():
        news.save_revision().publish()
    response = client.get(news.url)
    assert response["X-Cache"] == "MISS"
    assert "Bericht herschreven" in response.content.decode()
    # The index lists its children: it is purged too.
    assert "Bericht herschreven" in client.get(news.get_parent().url).content.decode()


def test_unpublish_move_and_delete_disappear_at_once(client, home, news, pagecache, commits):
    index = news.get_parent()
    client.get(news.url), client.get(index.url)
    assert client.get(news.url)["X-Cache"] == "HIT"
    with commits():
        news.unpublish()
    assert client.get(news.url).status_code == 404
    assert "Eerste bericht" not in client.get(index.url).content.decode()

    other = add_page(index, NewsPage, title="Tweede bericht", intro="Nog meer")
    old_url = other.url
    assert client.get(old_url).status_code == 200
    assert client.get(old_url)["X-Cache"] == "HIT"
    with commits():
        other.move(home, pos="last-child")
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the cached page
    assert moved.status_code == 301 and moved["Location"] == "/tweede-bericht/"

    client.get(index.url)
    assert client.get(index.url)["X-Cache"] == "HIT"
    with commits():
        index.delete()
    assert client.get("/nieuws/").status_code == 404


def test_snippets_and_settings_purge(client, home, pagecache, commits):
    from learning.models import Synoniemgroep

    def purges(change):
        client.get("/")
        before = cache.get(GENERATION_KEY)
        assert client.get("/")["X-Cache"] == "HIT"
        with commits():
            change()
        assert cache.get(GENERATION_KEY) != before
        return client.get("/")

    def menu():
        nav = NavigationSettings.for_site(home.get_site())
        MainMenuItem.objects.create(setting=nav, link_url="/nieuw-menu/", label="Nieuw in menu")
        nav.save()

    assert "Nieuw in menu" in purges(menu).content.decode()
    purges(lambda: Synoniemgroep.objects.create(terms="AMV\nalleenstaande minderjarige"))
    purges(lambda: Regio.objects.create(name="Regio Gamma", slug="regio-gamma"))
    purges(lambda: Regio.objects.get(slug="regio-gamma").delete())


def test_no_personal_page_is_ever_served_from_the_cache(client, home, pagecache):
    anna, bram = UserFactory(username="anna"), UserFactory(username="bram")
    assert client.get("/")["X-Cache"] == "MISS"  # anonymous fills the cache

    for user, other in ((anna, "bram"), (bram, "anna")):
        client.force_login(user)
        for _ in range(2):
            response = client.get("/")
            html = response.content.decode()
            assert user.username in html and other not in html
            assert "X-Cache" not in response
            assert (
                "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
            )
        client.logout()

    client.cookies.clear()
    response = client.get("/")
    assert response["X-Cache"] == "HIT"
    html = response.content.decode()
    assert "anna" not in html and "bram" not in html and "Uitloggen" not in html


def test_plan_tool_and_form_pages_are_never_cached(client, home, pagecache):
    from pilots.factories import make_index as make_pilot_index
    from pilots.models import PilotOproepPage
    from plans.factories import make_template
    from toolkit.models import ToolIndexPage

    template = make_template(home, title="Sjabloon")
    tools = add_page(home, ToolIndexPage, title="Hulpmiddelen")
    oproep = add_page(
        make_pilot_index(home),
        PilotOproepPage,
        title="Oproep",
        opens_on="2020-01-01",
        closes_on="2999-12-31",
    )
    for url in (template.url, template.get_parent().url, tools.url, oproep.url):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "X-Cache" not in response, url


def test_restricted_page_with_csrf_form_is_not_cached(client, news, pagecache, commits):
    with commits():
        PageViewRestriction.objects.create(
            page=news, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    for _ in range(2):
        response = client.get(news.url)
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Cache" not in response


def test_searches_messages_and_posts_bypass_the_cache(client, home, pagecache):
    client.get("/")
    assert "X-Cache" not in client.get("/?q=wonen")  # a search term: rendered every time
    assert client.get("/?pagina=2")["X-Cache"] == "MISS"  # other parameters: per full URL
    client.cookies["messages"] = "iets"
    assert "X-Cache" not in client.get("/")
    del client.cookies["messages"]
    assert "X-Cache" not in client.get(reverse("account_login"))  # not a Wagtail page


def test_a_cache_outage_serves_pages_uncached(client, home, pagecache):
    broken = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    with override_settings(CACHES=broken):
        response = client.get("/")
    assert response.status_code == 200 and "X-Cache" not in response


def test_entries_round_trip_through_redis(client, home, pagecache, commits):
    """The shared cache of production: a real Redis (database 5, a prefix of its own)."""
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/5",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "TIMEOUT": 60,
        }
    }
    with override_settings(CACHES=redis):
        first = client.get("/")
        hit = client.get("/")
        assert (first["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
        assert hit.content == first.content and hit["ETag"] == first["ETag"]
        with commits():
            home.save_revision().publish()
        assert client.get("/")["X-Cache"] == "MISS"
        cache.delete(GENERATION_KEY)  # the pages expire by themselves; the token never does
