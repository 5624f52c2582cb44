"""The match-once search path: both ways of reading candidates give the same answer,
and the id-set filter behaves like ``pk__in``."""

import pytest
from wagtail.models import Page

from learning.search import SearchRequest, database, matching, search

pytestmark = pytest.mark.django_db

REQUESTS = [
    {"q": "coach"},
    {"q": "woning coach"},
    {"q": "coach", "filters": {"levensgebied": ["werk", "wonen"], "thema": ["coaching"]}},
    {"q": "coach", "sort": "datum"},
    {"filters": {"type": ["les"]}},
    {},
]


def answer(response):
    facets = {
        name: [(c.value, c.label, c.count, c.selected) for c in counts]
        for name, counts in response.facets.items()
    }
    return response.total, [(h.title, h.score) for h in response.hits], facets


@pytest.mark.parametrize("kwargs", REQUESTS)
def test_many_matches_path_gives_the_same_answer(content, monkeypatch, kwargs):
    few = answer(search(SearchRequest(**kwargs)))
    monkeypatch.setattr(database, "MANY_MATCHES", 0)
    assert answer(search(SearchRequest(**kwargs))) == few


def test_in_ids_filters_like_pk_in(content):
    ids = list(Page.objects.values_list("pk", flat=True)[:3]) + [999_999]
    expected = set(Page.objects.filter(pk__in=ids).values_list("pk", flat=True))
    assert set(Page.objects.filter(matching.InIds("pk", ids)).values_list("pk", flat=True)) == (
        expected
    )
    assert not Page.objects.filter(matching.InIds("pk", [])).exists()


@pytest.mark.parametrize("kwargs", REQUESTS)
def test_facet_index_scan_gives_the_same_counts(content, monkeypatch, kwargs):
    """On SQLite large page sets are counted by scanning the covering index; the
    answer must not depend on the path (on PostgreSQL both runs take the same one)."""
    lookup = answer(search(SearchRequest(**kwargs)))
    monkeypatch.setattr(matching, "SQLITE_SCAN_FROM", 0)
    assert answer(search(SearchRequest(**kwargs))) == lookup


def test_facet_counts_for_one_facet(content, monkeypatch):
    from learning.models import FacetValue

    ids = list(FacetValue.objects.values_list("page_id", flat=True).distinct())
    expected = sorted(
        (row["value"], row["count"])
        for row in matching.facet_counts(ids)
        if row["facet"] == "thema"
    )
    monkeypatch.setattr(matching, "SQLITE_SCAN_FROM", 0)
    only = matching.facet_counts(ids, facet="thema")
    assert {row["facet"] for row in only} == {"thema"}
    assert sorted((row["value"], row["count"]) for row in only) == expected
