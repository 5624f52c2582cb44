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
