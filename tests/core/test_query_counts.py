"""Listing pages must not issue more SQL queries as they list more items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leernetwerk.core.factories import add_page
from leernetwerk.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def add_news(index, count, start=0):
    for n in range(start, start + count):
        page = add_page(
            index,
            NewsPage,
            title=f"Bericht {n}",
            slug=f"bericht-{n}",
            intro="Korte inleiding.",
            date=datetime.date(2020, 1, 1),
        )
        page.tags.add("pilots", f"tag-{n % 3}")


def count_queries(client, url):
    client.get(url)  # warm caches (site root, settings) like a running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/", "/nieuws/", "/nieuws/?tag=pilots"])
def test_query_count_is_constant_for_5_and_50_news_items(client, home, url):
    index = add_page(home, NewsIndexPage, title="Nieuws", slug="nieuws")
    add_news(index, 5)
    with_5 = count_queries(client, url)
    add_news(index, 45, start=5)
    with_50 = count_queries(client, url)
    assert with_5 == with_50, f"{url}: {with_5} queries with 5 items, {with_50} with 50"
