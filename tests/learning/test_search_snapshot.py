"""The database search's in-memory snapshot (learning/search/snapshot.py) and the
ordering of scored pages (scoring.py): same answers as the database, never stale."""

import datetime
import random

import numpy as np
import pytest
from django.db import connection, transaction
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from learning.factories import add_les
from learning.models import FacetValue, SearchState
from learning.search import SearchRequest, scoring, search, snapshot

pytestmark = pytest.mark.django_db


def titles(**kwargs):
    return {hit.title for hit in search(SearchRequest(**kwargs)).hits}


def test_facet_counts_equal_a_group_by_in_the_database(content):
    live = Page.objects.live().public().values_list("pk", flat=True)
    expected = {
        (row["facet"], row["value"], row["label"], row["n"])
        for row in FacetValue.objects.filter(page_id__in=live)
        .values("facet", "value", "label")
        .annotate(n=Count("id"))
    }
    snap = snapshot.current()
    assert set(snap.value_counts(snap.everything())) == expected
    only = snap.value_counts(snap.everything(), facet="thema")
    assert set(only) == {row for row in expected if row[0] == "thema"}
    assert snap.value_counts(snap.everything(), facet="onbekend") == []


def test_filter_masks_select_the_pages_with_those_values(content):
    snap = snapshot.current()
    mask = snap.with_values("levensgebied", ["wonen", "werk", "bestaat-niet"])
    pages = set(snap.pks[mask].tolist())
    assert pages == {content["wonen"].pk, content["werk"].pk}


def test_positions_run_newest_first(content):
    snap = snapshot.current()
    order = [pk for pk in snap.pks.tolist() if pk in {content[k].pk for k in ("wonen", "werk")}]
    assert order == [content["werk"].pk, content["wonen"].pk]  # 2020 before 2019
    positions, which = snap.positions(np.array([content["amv"].pk, 999_999]))
    assert which.tolist() == [True, False]
    assert snap.pks[positions].tolist() == [content["amv"].pk]


def test_an_unchanged_snapshot_costs_one_query(content):
    snapshot.current()
    with CaptureQueriesContext(connection) as ctx:
        snapshot.current()
    assert len(ctx.captured_queries) == 1


def test_publishing_unpublishing_and_deleting_show_at_once(kennisbank, content):
    assert "Nieuwe les over budgetcoaching" not in titles(q="budgetcoaching")
    new = add_les(kennisbank, "Nieuwe les over budgetcoaching", date=datetime.date(2022, 1, 1))
    assert titles(q="budgetcoaching") == {"Nieuwe les over budgetcoaching"}
    assert search(SearchRequest(filters={"jaar": ["2022"]})).total == 1
    new.unpublish()
    assert search(SearchRequest(filters={"jaar": ["2022"]})).total == 0
    content["werk"].delete()
    assert "Van school naar werk" not in titles(q="coach")


def test_view_restriction_hides_pages_from_the_search(content):
    assert "Van school naar werk" in titles(q="coach")
    restriction = PageViewRestriction.objects.create(
        page=content["werk"], restriction_type=PageViewRestriction.LOGIN
    )
    assert "Van school naar werk" not in titles(q="coach")
    restriction.delete()
    assert "Van school naar werk" in titles(q="coach")


def test_moving_a_page_under_a_restricted_parent_hides_it(kennisbank, content, home):
    closed = Page(title="Besloten", slug="besloten")
    home.add_child(instance=closed)
    closed.save_revision().publish()
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    assert "Een eigen woning vinden" in titles(q="woning")
    content["wonen"].move(closed, pos="last-child")
    assert "Een eigen woning vinden" not in titles(q="woning")


def test_a_rolled_back_change_is_not_kept(kennisbank, content):
    before = search(SearchRequest()).total
    with pytest.raises(RuntimeError), transaction.atomic():
        add_les(kennisbank, "Les die niet blijft", date=datetime.date(2023, 1, 1))
        assert search(SearchRequest()).total == before + 1
        raise RuntimeError
    assert search(SearchRequest()).total == before


def test_without_a_state_row_every_search_reads_afresh(kennisbank, content):
    SearchState.objects.all().delete()
    before = search(SearchRequest()).total
    # A change that does not go through the publishing signals is still seen.
    Page.objects.filter(pk=content["amv"].pk).update(live=False)
    assert search(SearchRequest()).total == before - 1


def test_changed_creates_the_state_row_when_missing(content):
    SearchState.objects.all().delete()
    snapshot.changed()
    assert SearchState.objects.filter(name=snapshot.STATE).exists()


def test_relevance_order_equals_a_full_sort():
    """Best score first; equal scores in position order (newest first), as
    Elasticsearch breaks ties (score, then date, then id)."""
    rnd = random.Random(7)
    for _ in range(50):
        n = rnd.randint(1, 60)
        scores = np.array([rnd.choice([0.5, 1.0, 1.5, rnd.random()]) for _ in range(n)])
        limit = rnd.randint(1, 20)
        expected = sorted(range(n), key=lambda i: (-scores[i], i))[:limit]
        assert scoring.relevance_order(scores, limit) == expected


def test_popular_themes_count_live_public_kennisbank_pages(content):
    from learning.models.kennisbank import popular_themes

    # coaching: 2 lessons; netwerk, taal, wonen: 1 each (ties by label).
    assert [t["label"] for t in popular_themes()] == ["coaching", "netwerk", "taal", "wonen"]
    assert popular_themes(limit=2)[0] == {"label": "coaching", "query": "thema=coaching"}
    PageViewRestriction.objects.create(
        page=content["werk"], restriction_type=PageViewRestriction.LOGIN
    )
    content["wonen"].unpublish()
    assert [t["label"] for t in popular_themes()] == ["netwerk", "taal"]
    with CaptureQueriesContext(connection) as ctx:
        popular_themes()
    assert len(ctx.captured_queries) <= 2  # the snapshot's token (and content types)


def test_did_you_mean_follows_publishing_and_unpublishing(kennisbank, content):
    assert search(SearchRequest(q="budgetcoahcing")).suggestion is None
    new = add_les(kennisbank, "Budgetcoaching in de wijk")  # publishing renews the vocabulary
    assert search(SearchRequest(q="budgetcoahcing")).suggestion == "budgetcoaching"
    new.title = "Schuldhulpmaatje in de wijk"
    new.save_revision().publish()
    assert search(SearchRequest(q="schuldhulpmaatej")).suggestion == "schuldhulpmaatje"
    new.unpublish()
    assert search(SearchRequest(q="schuldhulpmaatej")).suggestion is None
