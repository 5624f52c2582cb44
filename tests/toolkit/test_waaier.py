import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from leernetwerk.core.factories import add_page
from leernetwerk.taxonomy.models import Doelgroep, Levensgebied, Regio, SectorGroep
from toolkit.models import ArrangementPage, Financieringsbron, ToolPage

URL = reverse("toolkit:waaier")


@pytest.fixture
def waaier_page(tool_index):
    return add_page(
        tool_index, ToolPage, title="Arrangementenwaaier", tool=ToolPage.Tool.ARRANGEMENTENWAAIER
    )


@pytest.fixture
def vocab(db):
    return {
        "doelgroep": Doelgroep.objects.create(name="Dak- en thuisloze jongeren", slug="dakloos"),
        "regio": Regio.objects.create(
            name="Holland Rijnland", slug="holland-rijnland", kind="arbeidsmarktregio"
        ),
        "bron": Financieringsbron.objects.create(name="Wmo 2015"),
        "andere_bron": Financieringsbron.objects.create(name="Jeugdwet"),
    }


def _arrangement(parent, title, domains=(), doelgroepen=(), sectors=(), bronnen=(), regio=None):
    page = add_page(
        parent, ArrangementPage, title=title, summary=f"Samenvatting {title}", regio=regio
    )
    page.levensgebieden.set(Levensgebied.objects.filter(slug__in=domains))
    page.doelgroepen.set(doelgroepen)
    page.sectorgroepen.set(SectorGroep.objects.filter(slug__in=sectors))
    page.financiering.set(bronnen)
    page.save_revision().publish()
    return page


def _titles(response):
    return [item.title for item in response.context["items"]]


def test_fan_lists_arrangements_with_their_attributes_and_demo_notice(client, waaier_page, vocab):
    _arrangement(
        waaier_page,
        "Wonen en werken",
        domains=["wonen", "werk"],
        doelgroepen=[vocab["doelgroep"]],
        sectors=["welzijn"],
        bronnen=[vocab["bron"]],
        regio=vocab["regio"],
    )
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Wonen en werken",
        "Dak- en thuisloze jongeren",
        "Welzijn",
        "Wmo 2015",
        "Holland Rijnland",
    ):
        assert text in html
    assert "bedachte" in html  # the page says the arrangements are invented


def test_each_filter_narrows_the_fan(client, waaier_page, vocab):
    _arrangement(
        waaier_page,
        "A",
        domains=["wonen"],
        doelgroepen=[vocab["doelgroep"]],
        sectors=["welzijn"],
        bronnen=[vocab["bron"]],
        regio=vocab["regio"],
    )
    _arrangement(
        waaier_page, "B", domains=["werk"], sectors=["onderwijs"], bronnen=[vocab["andere_bron"]]
    )
    assert _titles(client.get(URL)) == ["A", "B"]
    assert _titles(client.get(URL, {"levensgebied": "wonen"})) == ["A"]
    assert _titles(client.get(URL, {"doelgroep": "dakloos"})) == ["A"]
    assert _titles(client.get(URL, {"sectorgroep": "onderwijs"})) == ["B"]
    assert _titles(client.get(URL, {"financiering": vocab["andere_bron"].pk})) == ["B"]
    assert _titles(client.get(URL, {"regio": "holland-rijnland"})) == ["A"]


def test_big5_filter_finds_arrangements_tagged_in_the_other_scheme(client, waaier_page, vocab):
    _arrangement(waaier_page, "Werkroute", domains=["werk"])
    assert _titles(client.get(URL, {"levensgebied": "big5-school-werk"})) == ["Werkroute"]


def test_unknown_filter_value_gives_a_dutch_message(client, waaier_page, vocab):
    response = client.get(URL, {"doelgroep": "bestaat-niet", "financiering": "abc"})
    assert response.status_code == 400
    assert "Deze keuze bestaat niet (meer)." in response.content.decode()


def test_unpublished_arrangements_are_hidden(client, waaier_page, vocab):
    page = _arrangement(waaier_page, "Concept")
    page.unpublish()
    assert _titles(client.get(URL)) == []


def test_arrangement_page_renders_conditions_and_example(client, waaier_page, vocab):
    page = _arrangement(waaier_page, "Schuldenrust", bronnen=[vocab["bron"]])
    page.conditions = "<p>Er is een schuldenoverzicht.</p>"
    page.example = "<p>Een jongere van 22.</p>"
    page.contact = "Werkplein"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    for text in (
        "Voorwaarden",
        "Er is een schuldenoverzicht.",
        "Voorbeeld",
        "Werkplein",
        "Wmo 2015",
    ):
        assert text in html


def test_arrangements_appear_in_site_search(client, waaier_page, vocab):
    _arrangement(waaier_page, "Schuldenrust met werkbegeleiding")
    response = client.get("/zoeken/", {"q": "schuldenrust"})
    assert "Schuldenrust met werkbegeleiding" in response.content.decode()


def _count(client, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_fan_query_count_does_not_grow_with_arrangements(client, waaier_page, vocab):
    def add(n, start):
        for i in range(start, start + n):
            _arrangement(
                waaier_page,
                f"Arr {i:02d}",
                domains=["wonen", "werk"],
                doelgroepen=[vocab["doelgroep"]],
                sectors=["welzijn"],
                bronnen=[vocab["bron"]],
                regio=vocab["regio"],
            )

    add(2, 0)
    _count(client)  # warm the site/settings caches
    few = _count(client), _count(client, {"levensgebied": "wonen"})
    add(8, 2)
    assert (_count(client), _count(client, {"levensgebied": "wonen"})) == few


def test_a_cited_law_links_to_its_text_on_wetten_overheid_nl(client, waaier_page, vocab):
    from django.core.exceptions import ValidationError

    vocab["bron"].law_url = "https://wetten.overheid.nl/BWBR0035362"
    vocab["bron"].full_clean()
    vocab["bron"].save()
    page = _arrangement(
        waaier_page, "Begeleid wonen", bronnen=[vocab["bron"], vocab["andere_bron"]]
    )
    for url in (page.url, URL):
        html = client.get(url).content.decode()
        start = html.find("Financiering en wetten")
        assert start > 0, url
        assert (
            '<a href="https://wetten.overheid.nl/BWBR0035362" rel="external">Wmo 2015</a>' in html
        ), html[start : start + 400]
        assert "<dd>Jeugdwet, <a href=" in html  # no text on record: the name stays plain
    vocab["andere_bron"].law_url = "http://wetten.overheid.nl/BWBR0034925"
    with pytest.raises(ValidationError):
        vocab["andere_bron"].full_clean()
