import datetime

import pytest

from pilots.factories import make_pilot, make_update

pytestmark = pytest.mark.django_db


def test_pilot_feeds_list_only_its_live_updates(client, index):
    alfa = make_pilot(index, "Pilot Alfa")
    beta = make_pilot(index, "Pilot Beta")
    make_update(alfa, "Alfa mei", date=datetime.date(2021, 5, 1))
    make_update(beta, "Beta juni", date=datetime.date(2021, 6, 1))
    draft = make_update(alfa, "Alfa concept")
    draft.unpublish()

    rss = client.get(alfa.url + "feed/rss/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Alfa mei" in body and "Beta juni" not in body and "Alfa concept" not in body

    atom = client.get(alfa.url + "feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Alfa mei" in atom.content.decode()


def test_section_feeds_list_all_pilots(client, index):
    make_update(make_pilot(index, "Pilot Alfa"), "Alfa mei")
    make_update(make_pilot(index, "Pilot Beta"), "Beta juni")
    for kind in ("rss", "atom"):
        body = client.get(f"{index.url}feed/{kind}/").content.decode()
        # Each item names its pilot.
        assert "<title>Pilot Alfa: Alfa mei</title>" in body
        assert "<title>Pilot Beta: Beta juni</title>" in body


def test_section_feed_query_count_does_not_grow(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(f"{index.url}feed/rss/")
        return len(ctx.captured_queries)

    make_update(make_pilot(index, "Pilot Alfa"), "Alfa mei")
    count()
    small = count()
    for name in ("Beta", "Gamma", "Delta"):
        make_update(make_pilot(index, f"Pilot {name}"), f"{name} juni")
    assert count() == small


def test_feeds_of_draft_pilot_are_not_reachable(client, index):
    draft = make_pilot(index, "Concept", live=False)
    assert client.get(f"/pilots/{draft.slug}/feed/rss/").status_code == 404


def test_pages_advertise_their_feeds(client, index):
    pilot = make_pilot(index, "Pilot Alfa")
    assert 'type="application/rss+xml"' in client.get(pilot.url).content.decode()
    assert 'type="application/atom+xml"' in client.get(index.url).content.decode()
