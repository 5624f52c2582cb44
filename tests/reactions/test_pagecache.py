"""The page cache and the reactions panel: anonymous visitors share one cached view,
logged-in users never get it, and every change to that view purges the cache."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from reactions.models import Reaction, ReactionSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def pagecache(settings):
    settings.PAGECACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_anonymous_view_is_cached_and_purged_on_changes(
    client, les, professional, moderator, pagecache, commits
):
    assert client.get(les.url)["X-Cache"] == "MISS"
    hit = client.get(les.url)
    assert hit["X-Cache"] == "HIT" and "Reacties (0)" in hit.content.decode()

    author = Client()
    author.force_login(professional)
    with commits():
        response = author.post(
            reverse("reactions:post", args=[les.pk]), {"reactie-text": "Unieke reactietekst"}
        )
    assert response.status_code == 302
    fresh = client.get(les.url)
    assert (
        fresh["X-Cache"] == "MISS" and "Er is 1 reactie op deze pagina." in fresh.content.decode()
    )

    site_settings = ReactionSettings.for_site(les.get_site())
    site_settings.visibility = ReactionSettings.Visibility.EVERYONE
    with commits():
        site_settings.save()
    assert "Unieke reactietekst" in client.get(les.url).content.decode()
    assert client.get(les.url)["X-Cache"] == "HIT"

    with commits():
        Reaction.objects.get().hide(moderator)
    assert "Unieke reactietekst" not in client.get(les.url).content.decode()


def test_logged_in_views_are_never_cached(client, les, professional, pagecache):
    client.force_login(professional)
    response = client.get(les.url)
    assert "X-Cache" not in response
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    anonymous = Client().get(les.url)
    assert anonymous["X-Cache"] == "MISS"
    assert b"csrfmiddlewaretoken" not in anonymous.content
