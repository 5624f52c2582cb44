"""The HTML search pages and the JSON API."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_returns_the_contract_as_json(client, content):
    data = client.get("/api/search/", {"q": "coach", "levensgebied": "werk"}).json()
    assert data["total"] == 1
    assert set(data) >= {"total", "results", "facets", "suggestion"}
    result = data["results"][0]
    assert set(result) >= {"title", "url", "type", "summary", "highlight", "score"}
    assert result["title"] == "Van school naar werk"
    assert "<mark>coach</mark>" in result["highlight"]
    assert {"value": "werk", "label": "Werk", "count": 1} in data["facets"]["levensgebied"]


def test_api_repeated_facet_params_are_or(client, content):
    data = client.get("/api/search/?levensgebied=wonen&levensgebied=werk").json()
    assert data["total"] == 2


def test_api_suggestion(client, content):
    assert client.get("/api/search/", {"q": "wonign"}).json()["suggestion"] == "woning"


@pytest.mark.parametrize(
    "params,message",
    [
        ({"page_size": "51"}, "tussen 1 en 50"),
        ({"page_size": "tien"}, "heel getal"),
        ({"page": "0"}, "paginanummer"),
        ({"page": "x"}, "heel getal"),
        ({"sort": "naam"}, "Sorteren"),
        ({"kleur": "rood"}, "Onbekende parameter"),
        ({"q": "a" * 201}, "te lang"),
        ({"page": "99", "q": "coach"}, "bestaat niet"),
    ],
)
def test_api_bad_parameters_give_400_with_dutch_message(client, content, params, message):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_api_rejects_post(client, content):
    assert client.post("/api/search/").status_code == 405


def test_autocomplete(client, content):
    data = client.get("/api/search/autocomplete/", {"q": "eigen wo"}).json()
    assert data["results"][0]["title"] == "Een eigen woning vinden"
    assert client.get("/api/search/autocomplete/", {"q": "e"}).json() == {"results": []}
    assert client.get("/api/search/autocomplete/", {"q": "x" * 101}).status_code == 400


def test_kennisbank_filters_chips_and_paging(client, content):
    html = client.get("/kennisbank/", {"q": "coach", "thema": "coaching"}).content.decode()
    assert "2 resultaten" in html
    assert "Thema: coaching" in html  # the active-filter chip
    assert 'href="?q=coach"' in html  # removing the chip keeps the query
    assert 'value="coaching" checked' in html


def test_kennisbank_odd_parameters_fall_back(client, content):
    response = client.get("/kennisbank/", {"pagina": "x", "sort": "raar", "page_size": "9999"})
    assert response.status_code == 200
    response = client.get("/kennisbank/", {"pagina": "999"})
    assert "Pagina 1 van 1" not in response.content.decode() or response.status_code == 200


def test_kennisbank_misspelling_shows_results_and_the_correction(client, content):
    html = client.get("/kennisbank/", {"q": "wonign"}).content.decode()
    assert "Een eigen woning vinden" in html
    assert "Bedoelt u:" in html and ">woning<" in html


def test_kennisbank_empty_state_offers_themes(client, content):
    html = client.get("/kennisbank/", {"q": "xqzvbk"}).content.decode()
    assert "Er is niets gevonden" in html
    assert "Veelgebruikte thema" in html


def test_site_search_uses_the_contract(client, content):
    html = client.get("/zoeken/", {"q": "AMV"}).content.decode()
    assert "Toekomstplan met alleenstaande minderjarige vreemdelingen" in html
    assert 'name="type"' in html
