"""The search query log (Wagtail search promotions) keeps no personal data."""

import pytest

from leernetwerk.core.privacy import query_may_be_recorded
from leernetwerk.sitesearch.analysis import stem

KNOWN = frozenset(stem(w) for w in ["jongeren", "wonen", "schuldhulp", "toekomstplan", "werk"])


@pytest.mark.parametrize(
    "query", ["jongeren", "wonen en werk", "Toekomstplan", "schuldhulp jongeren 18"]
)
def test_topic_searches_are_counted(query):
    assert query_may_be_recorded(query, KNOWN)


@pytest.mark.parametrize(
    "query",
    [
        "sam@example.org",
        "06-12345678",
        "123456782",  # BSN-like
        "1234 AB",
        "3511AB 12",
        "Fatima de Vries",  # a name the content does not use
        "jongeren Jansen",
        "https://example.org/jongeren",
        "wonen " * 10,
        "",
    ],
)
def test_possible_personal_data_is_not_counted(query):
    assert not query_may_be_recorded(query, KNOWN)


@pytest.mark.django_db
def test_record_hit_skips_personal_queries(monkeypatch):
    from types import SimpleNamespace

    from wagtail.contrib.search_promotions.models import Query

    from learning.search import views

    monkeypatch.setattr(views.vocabulary, "current", lambda token: SimpleNamespace(terms=KNOWN))
    views._record_hit("jongeren")
    views._record_hit("sam@example.org")
    views._record_hit("Fatima de Vries")
    assert list(Query.objects.values_list("query_string", flat=True)) == ["jongeren"]
