"""Dutch search on the database backend: the same expectations on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from wagtail.models import Page

from leernetwerk.core.factories import add_page
from leernetwerk.news.models import NewsIndexPage, NewsPage
from leernetwerk.sitesearch.analysis import analyse, fold

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home):
    index = add_page(home, NewsIndexPage, title="Nieuws", slug="nieuws")
    pages = {
        "jongeren": add_page(
            index,
            NewsPage,
            title="Ondersteuning voor jongeren",
            intro="Hulp rond het achttiende jaar.",
        ),
        "woning": add_page(
            index, NewsPage, title="Een eigen woning vinden", intro="Wat gemeenten kunnen doen."
        ),
        "activiteiten": add_page(
            index, NewsPage, title="Sportieve activiteiten in de wijk", intro="Vrije tijd telt mee."
        ),
        "coordinatie": add_page(
            index,
            NewsPage,
            title="Betere coördinatie tussen sectoren",
            intro="Samenwerking in de regio.",
        ),
    }
    return pages


def search_titles(query):
    return {page.title for page in Page.objects.live().search(query)}


@pytest.mark.parametrize(
    "query,expected",
    [
        ("jongere", "Ondersteuning voor jongeren"),
        ("jongeren", "Ondersteuning voor jongeren"),
        ("wonen", "Een eigen woning vinden"),
        ("woningen", "Een eigen woning vinden"),
        ("activiteit", "Sportieve activiteiten in de wijk"),
        ("Coordinatie", "Betere coördinatie tussen sectoren"),
        ("COÖRDINATIE", "Betere coördinatie tussen sectoren"),
    ],
)
def test_inflections_and_diacritics_match(news, query, expected):
    assert expected in search_titles(query), connection.vendor


def test_unrelated_word_finds_nothing(news):
    assert search_titles("fietsenmaker") == set()


def test_stopword_only_query_finds_nothing_without_error(news):
    assert search_titles("de het een") == set()


def test_search_page_shows_results_with_inflection(client, news):
    html = client.get("/zoeken/", {"q": "jongere"}).content.decode()
    assert "Ondersteuning voor jongeren" in html


def test_typo_finds_the_word_and_suggests_it(client, news):
    html = client.get("/zoeken/", {"q": "jnogeren"}).content.decode()
    assert "Ondersteuning voor jongeren" in html
    assert ">jongeren<" in html  # "bedoelt u"


@pytest.mark.parametrize("query", ["xqzv", "'\"()*", "AND OR NOT", "-", "a" * 500])
def test_odd_input_gives_friendly_empty_state(client, news, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert "Er is niets gevonden" in response.content.decode()


def test_empty_query_shows_the_form_only(client, home):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()


def test_analysis_folds_and_stems():
    assert fold("Coördinatie") == "coordinatie"
    assert analyse("jongere jongeren") == ["jonger", "jonger"]
    assert analyse("woning wonen") == analyse("wonen woning")[::-1]
    assert analyse("de jongeren en het werk") == ["jonger", "werk"]


def test_fold_strips_every_combining_mark_like_unicodedata():
    """fold()'s regex must drop exactly what unicodedata.combining() flags."""
    import random
    import unicodedata

    from leernetwerk.sitesearch.analysis import fold

    def reference(text):
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

    rnd = random.Random(16)
    ranges = [(32, 126), (0xC0, 0x17F), (0x300, 0x36F), (0x370, 0x3FF), (0x1E00, 0x1EFF)]
    ranges += [(0x0590, 0x05FF), (0x0900, 0x097F), (0xAC00, 0xAC50), (0x1F300, 0x1F320)]
    for _ in range(5000):
        text = "".join(chr(rnd.randint(*rnd.choice(ranges))) for _ in range(rnd.randint(0, 30)))
        assert fold(text) == reference(text), text
    assert fold("Coördinatie ÉÉN") == "coordinatie een"


def test_plain_text_of_rich_text():
    from leernetwerk.sitesearch.analysis import plain_text

    html = '<p>Eerst <b>wo</b>nen,</p><p>dan <a href="/x">werk</a> &amp; &lt;tip&gt;</p><br/>klaar'
    # Block tags part words (strip_tags glued "wonen,dan"), inline tags do not;
    # entities become characters.
    assert plain_text(html).split() == ["Eerst", "wonen,", "dan", "werk", "&", "<tip>", "klaar"]
    assert plain_text("geen opmaak") == "geen opmaak"
    # A "<" that starts no tag is text, as for an HTML parser.
    assert plain_text("jongeren < 18 en <18 jaar, <!-- weg --> > 23") == (
        "jongeren < 18 en <18 jaar,  > 23"
    )
    assert plain_text("") == plain_text(None) == ""
