"""The search contract, run on every backend: the database the suite uses (SQLite or
PostgreSQL) and Elasticsearch (the in-memory osmem peer; a real server as well when
ELASTICSEARCH_URL is set). See the ``search_backend`` fixture."""

import pytest
from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from learning.factories import add_les
from learning.search import FACETS, SearchRequest
from learning.search import search as contract_search

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def backend(search_backend):
    # Autouse, so the backend is switched on before any content is published.
    return search_backend


def search(request):
    """The contract call; on Elasticsearch the index is refreshed first (writes become
    searchable about a second later) and a silent fallback to the database fails."""
    if settings.ELASTICSEARCH_URL:
        from learning.search.elastic import ElasticsearchBackend, index_name

        ElasticsearchBackend(settings.ELASTICSEARCH_URL).client.indices.refresh(index=index_name())
    response = contract_search(request)
    if request.scope == "kennisbank":
        expected = "elasticsearch" if settings.ELASTICSEARCH_URL else "database"
        assert response.backend == expected, response.notice
    return response


def titles(response):
    return [hit.title for hit in response.hits]


def facet(response, name):
    return {c.value: c.count for c in response.facets[name]}


@pytest.mark.parametrize(
    "q,expected",
    [
        ("woning", "Een eigen woning vinden"),
        ("woningen", "Een eigen woning vinden"),
        ("WONEN", "Een eigen woning vinden"),
        ("coordinatie", "Een eigen woning vinden"),
        ("coördinatie", "Een eigen woning vinden"),
        ("AMV", "Toekomstplan met alleenstaande minderjarige vreemdelingen"),
        ("18-/18+", "Richtlijn overgang naar volwassenheid"),
        ("tweede leercirkel", "Tweede leercirkel"),
    ],
)
def test_stemming_folding_and_synonyms(content, q, expected):
    assert expected in titles(search(SearchRequest(q=q)))


def test_words_are_optional_and_more_of_them_rank_first(content):
    # "woning" and "taal" occur in different lessons: both are found.
    found = titles(search(SearchRequest(q="woning taal")))
    assert set(found) == {
        "Een eigen woning vinden",
        "Toekomstplan met alleenstaande minderjarige vreemdelingen",
    }
    # A lesson with both words of "coach woning" comes before one with only one.
    assert titles(search(SearchRequest(q="coach woning")))[:2] == [
        "Een eigen woning vinden",
        "Van school naar werk",
    ]


def test_a_question_finds_its_topic(content):
    response = search(SearchRequest(q="hoe help ik een jongere aan een woning?"))
    assert titles(response)[0] == "Een eigen woning vinden"


def test_a_lone_word_of_an_expression_weighs_by_its_own_idf(kennisbank):
    """ "leren en werken" is rare as an expression, "werken" alone is common: a page
    with only "werken" scores as half a search for "werken", not with the rarity of
    the expression (plan.py: backoff alternatives)."""
    from learning.models import Synoniemgroep
    from learning.search import synonyms

    Synoniemgroep.objects.all().delete()  # the seeded lexicon relates "werk" to "baan"
    Synoniemgroep.objects.create(terms="leren en werken\nbbl")
    synonyms.clear_cache()
    add_les(kennisbank, "Een bbl in de bouw", summary="Een opleiding met een baan erbij.")
    add_les(kennisbank, "Werken in de zorg", summary="Werken met een vaste begeleider.")
    add_les(kennisbank, "Werken in de haven", summary="Werken op de kade met een maatje.")
    add_les(kennisbank, "Leren rekenen", summary="Leren met de computer.")
    add_les(kennisbank, "Leren koken", summary="Leren voor je eigen huis.")

    def score(q, title):
        return next(hit.score for hit in search(SearchRequest(q=q)).hits if hit.title == title)

    alone = score("werken", "Werken in de zorg")
    in_expression = score("leren en werken", "Werken in de zorg")
    coordination = 2.0  # plan.COORDINATION, times the weights 1.0 and 0.5
    assert in_expression - coordination * 0.5 == pytest.approx((alone - coordination) / 2, abs=2e-3)
    assert titles(search(SearchRequest(q="leren en werken")))[0] == "Een bbl in de bouw"


def test_hit_fields(content):
    response = search(SearchRequest(q="coordinatie"))
    hit = response.hits[0]
    assert response.total == 1
    assert hit.url == content["wonen"].url
    assert hit.type == "les"
    assert hit.summary.startswith("Jongeren vonden")
    assert "<mark>coördinatie</mark>" in hit.highlight
    assert hit.score is not None and hit.score > 0


def test_highlight_escapes_html(kennisbank):
    add_les(kennisbank, "Scriptles", summary="<script>alert(1)</script> wonen in de wijk")
    hit = search(SearchRequest(q="wonen")).hits[0]
    assert "<script>" not in hit.highlight
    assert "<mark>wonen</mark>" in hit.highlight


def test_highlight_shows_angle_brackets_written_in_rich_text(kennisbank):
    # Rich text stores them as entities; search_text() decodes them once, and the
    # snippet escapes them once (neither dropped as a tag nor shown as "&lt;").
    add_les(kennisbank, "Haakjesles", context="<p>Wonen met een &lt;tip&gt; erbij.</p>")
    hit = search(SearchRequest(q="wonen")).hits[0]
    assert "&lt;tip&gt;" in hit.highlight
    assert "&amp;lt;" not in hit.highlight


def test_facets_count_every_value(content):
    response = search(SearchRequest())
    assert response.total == 5
    assert set(response.facets) == set(FACETS)
    assert facet(response, "type") == {"les": 3, "leercirkel": 1, "richtlijn": 1}
    # The lesson tagged "wonen" counts for the Big 5 domain too (via the mapping).
    assert facet(response, "levensgebied")["wonen"] == 1
    assert facet(response, "levensgebied")["big5-wonen"] == 1
    assert facet(response, "levensgebied")["big5-school-werk"] == 1
    assert facet(response, "sector") == {
        "welzijn": 1,
        "jeugdhulp": 1,
        "onderwijs": 1,
        "werk-inkomen": 1,
    }
    assert facet(response, "kennisbron")["professionele_kennis"] == 2
    assert facet(response, "thema")["coaching"] == 2
    assert facet(response, "regio") == {"venlo": 1}
    assert facet(response, "jaar") == {"2018": 1, "2019": 2, "2020": 1, "2021": 1}
    labels = {c.value: c.label for c in response.facets["levensgebied"]}
    assert labels["big5-wonen"] == "Wonen (Big 5)"


def test_filter_on_big5_finds_content_tagged_in_the_other_scheme(content):
    response = search(SearchRequest(filters={"levensgebied": ["big5-wonen"]}))
    assert titles(response) == ["Een eigen woning vinden"]


def test_values_of_one_facet_are_or_and_facets_are_and(content):
    either = search(SearchRequest(filters={"levensgebied": ["wonen", "werk"]}))
    assert set(titles(either)) == {"Een eigen woning vinden", "Van school naar werk"}
    both = search(SearchRequest(filters={"levensgebied": ["wonen", "werk"], "thema": ["taal"]}))
    assert both.total == 0


def test_selected_facet_keeps_counts_of_its_other_values(content):
    response = search(SearchRequest(filters={"type": ["richtlijn"]}))
    assert response.total == 1
    assert facet(response, "type") == {"les": 3, "leercirkel": 1, "richtlijn": 1}
    assert [c.selected for c in response.facets["type"] if c.value == "richtlijn"] == [True]


def test_filter_combined_with_query(content):
    response = search(SearchRequest(q="coach", filters={"sector": ["onderwijs"]}))
    assert titles(response) == ["Van school naar werk"]


def test_sort_by_date_and_paging(content):
    first = search(SearchRequest(sort="datum", page_size=2))
    assert first.total == 5 and first.num_pages == 3
    assert titles(first) == [
        "Toekomstplan met alleenstaande minderjarige vreemdelingen",
        "Van school naar werk",
    ]
    last = search(SearchRequest(sort="datum", page_size=2, page=3))
    assert titles(last) == ["Tweede leercirkel"]
    beyond = search(SearchRequest(sort="datum", page_size=2, page=9))
    assert beyond.hits == []


def test_year_filter(content):
    assert titles(search(SearchRequest(filters={"jaar": ["2021"]}))) == [
        "Toekomstplan met alleenstaande minderjarige vreemdelingen"
    ]


def test_editors_picks_come_first(content):
    query = Query.get("coach")
    SearchPromotion.objects.create(query=query, page=content["cirkel"], sort_order=0)
    response = search(SearchRequest(q="coach"))
    assert response.hits[0].title == "Tweede leercirkel"
    assert response.hits[0].promoted is True
    assert {"Een eigen woning vinden", "Van school naar werk"} <= set(titles(response))


def test_a_misspelling_finds_the_word_and_suggests_it(content):
    response = search(SearchRequest(q="wonign"))
    assert titles(response) == ["Een eigen woning vinden"]
    assert response.suggestion == "woning"
    assert search(SearchRequest(q="woning")).suggestion is None


def test_unpublished_pages_are_not_found(content):
    content["werk"].unpublish()
    response = search(SearchRequest(q="coach"))
    assert titles(response) == ["Een eigen woning vinden"]
    assert facet(response, "thema")["coaching"] == 1


def test_site_scope_finds_other_pages(content, home):
    from leernetwerk.core.factories import add_page
    from leernetwerk.news.models import NewsIndexPage, NewsPage

    news = add_page(home, NewsIndexPage, title="Nieuws")
    add_page(news, NewsPage, title="Nieuwe woningen voor jongeren", intro="Bouwen.")
    site = search(SearchRequest(q="woning", scope="site"))
    assert {"Een eigen woning vinden", "Nieuwe woningen voor jongeren"} <= set(titles(site))
    assert "newspage" in facet(site, "type")
    assert "Nieuwe woningen voor jongeren" not in titles(search(SearchRequest(q="woning")))
