"""Search requests that the contract refuses, and the database backend's constant
number of SQL queries per search."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.factories import add_les
from learning.search import InvalidSearch, SearchRequest, search


@pytest.mark.parametrize(
    "kwargs",
    [
        {"q": "x" * 201},
        {"q": "0 " * 51},  # more than 50 words
        {"filters": {"kleur": ["rood"]}},
        {"filters": {"thema": ["x"] * 21}},
        {"sort": "alfabet"},
        {"page": 0},
        {"page_size": 51},
        {"page_size": 0},
        {"scope": "overal"},
    ],
)
def test_bad_requests_raise_invalid_search(kwargs):
    with pytest.raises(InvalidSearch):
        SearchRequest(**kwargs)


def test_control_characters_are_removed_from_words_and_filter_values():
    request = SearchRequest(
        q="\x00wo\x00ning\tvoor\x1f \x7fjongeren\n", filters={"thema": ["\x00", "wo\x85nen "]}
    )
    assert request.q == "woning voor jongeren"
    assert request.filters == {"thema": ["wonen"]}
    assert SearchRequest(q="\x00 \x01").q == ""


def test_html_pages_keep_the_first_fifty_words():
    from django.http import QueryDict

    q = " ".join(f"w{i}" for i in range(60))
    request = SearchRequest.from_querydict(QueryDict(f"q={q}"), strict=False)
    assert request.q.split() == [f"w{i}" for i in range(50)]
    # One part of 100 words is dropped as a whole: nothing is left to search for.
    assert SearchRequest.from_querydict(QueryDict("q=" + "0:" * 100), strict=False).q == ""


def _count_queries(request):
    with CaptureQueriesContext(connection) as ctx:
        search(request)
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {},
        {"q": "coach"},
        {"q": "coach", "filters": {"levensgebied": ["werk"], "thema": ["coaching"]}},
    ],
)
@pytest.mark.django_db
def test_query_count_does_not_grow_with_content(kennisbank, request_kwargs):
    def add(n, start):
        for i in range(start, start + n):
            add_les(
                kennisbank,
                f"Les {i} over een coach",
                domains=["werk", "wonen"],
                tags=["coaching", f"thema-{i}"],
                date=datetime.date(2018 + i % 4, 1, 1),
            )

    add(3, 0)
    search(SearchRequest(**request_kwargs))  # warm caches (content types, vocabulary)
    small = _count_queries(SearchRequest(**request_kwargs))
    add(12, 3)
    search(SearchRequest(**request_kwargs))
    large = _count_queries(SearchRequest(**request_kwargs))
    assert large == small
    assert small <= 12
