"""Kennisbank in a real browser: filtering and paging without JavaScript tricks, and axe
(zero violations) on the search, lesson, leercirkel and guideline pages, the lesson with
its facts block, sources and related lessons, the guideline with recommendations and
its change log."""

import datetime
import os
import re

import pytest
from playwright.sync_api import expect

from learning.factories import add_leercirkel, add_les, add_richtlijn, make_kennisbank

# Playwright's sync API keeps an event loop running in this thread; Django would otherwise
# refuse the ORM calls of fixtures and the database flush between tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def kennisbank_site(home):
    kennisbank = make_kennisbank(home)
    cirkel = add_leercirkel(
        kennisbank,
        "Tweede leercirkel",
        theme="Samen beginnen",
        programme="<p>Kennismaking en rondetafels.</p>",
        organisations="Nederlands Jeugdinstituut\nMovisie",
    )
    for i in range(12):
        add_les(
            kennisbank,
            f"Les {i + 1:02d} over wonen en werk",
            summary="Een coach hielp de jongere bij het vinden van een woning.",
            context="<p>De jongere zocht een woning.</p>",
            worked="<p>Een vaste coach.</p>",
            domains=["wonen"] if i % 2 else ["werk"],
            tags=["coaching"],
            kennisbronnen=["ervaringskennis"],
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=i),
            learned_at=cirkel,
        )
    guideline = add_richtlijn(
        kennisbank,
        "Veldnorm overgang naar 18+",
        summary="Afspraken voor doorlopende hulp.",
        status="vastgesteld",
        adoption_date=datetime.date(2020, 1, 1),
        review_date=datetime.date(2030, 1, 1),
    )
    from learning.models import Les

    first = Les.objects.order_by("pk").first()
    _give_records(first, Les.objects.order_by("pk")[1], guideline)
    # URLs and titles are read here: the browser's event loop forbids ORM calls in tests.
    return {
        name: (obj.url, obj.title)
        for name, obj in {"les": first, "cirkel": cirkel, "guideline": guideline}.items()
    }


def test_search_filters_paging_and_pages_are_accessible(
    kennisbank_site, live_server, page, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/kennisbank/")
    expect(page.locator("#kb-resultaten")).to_have_text(re.compile(r"^14 resultaten"))
    assert_accessible(page)
    assert_valid_html(page)

    page.locator("input[name=levensgebied][value=werk]").check()
    page.get_by_role("button", name="Filters toepassen").click()
    expect(page.locator("#kb-resultaten")).to_have_text(re.compile(r"^6 resultaten"))
    chip = page.get_by_role("link", name="Levensgebied: Werk")
    expect(chip).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)

    chip.click()
    expect(page.locator("#kb-resultaten")).to_have_text(re.compile(r"^14 resultaten"))
    page.locator("#kb-zoekterm").fill("woningen")
    page.get_by_label("Sorteren op").select_option("datum")
    page.locator(".kb-search").get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.locator("#kb-resultaten")).to_have_text(re.compile(r"^12 resultaten"))
    expect(page.locator(".kb-hit mark").first).to_have_text(re.compile(r"^woning$", re.IGNORECASE))
    expect(page.locator(".kb-hit h3").first).to_have_text("Les 12 over wonen en werk")

    page.get_by_role("link", name="Volgende").click()
    expect(page.locator(".pagination")).to_contain_text("Pagina 2 van 2")
    expect(page.locator(".kb-hit")).to_have_count(2)
    assert page.locator("#kb-zoekterm").input_value() == "woningen"
    assert_accessible(page)
    assert_valid_html(page)

    # One test function: the live-server database is rebuilt per test, which is slow.
    check_empty_state_and_suggestion(page, live_server.url, assert_accessible, assert_valid_html)
    check_site_search(page, live_server.url, assert_accessible, assert_valid_html)
    for url, title in kennisbank_site.values():
        check_content_page(page, live_server.url, assert_accessible, assert_valid_html, url, title)
    check_records(page, live_server.url, kennisbank_site)


def _give_records(les, other, guideline):
    """The databank blocks: facts, sources, related lessons; recommendations and changes."""
    from learning.models import LesBron, LesVerwant, RichtlijnAanbeveling, RichtlijnWijziging

    les.author, les.last_reviewed = "Pilot 16-27 regio Hengelo", datetime.date(2024, 2, 12)
    les.target_age_from, les.target_age_to, les.evidence_level = 16, 23, "goed_onderbouwd"
    les.contact_name, les.contact_organisation = "Marloes Ten Brinke", "Gemeente Hengelo"
    les.contact_email = "leernetwerk@voorbeeld.test"
    les.sources = [
        LesBron(title="Jeugdwet", author="Rijksoverheid", year=2015),
        LesBron(title="Databank Effectieve sociale interventies", url="https://www.movisie.nl"),
    ]
    les.related_links = [LesVerwant(related=other)]
    les.save_revision().publish()
    guideline.recommendations = [
        RichtlijnAanbeveling(
            text="Voer een half jaar voor de achttiende verjaardag een overgangsgesprek.",
            strength="sterk",
            justification="<p>Regio's die dit doen, zien minder jongeren uit beeld raken.</p>",
        )
    ]
    guideline.verantwoording = "<p>Opgesteld met gemeenten, aanbieders en jongeren.</p>"
    guideline.changes = [
        RichtlijnWijziging(
            version="1.0", date=datetime.date(2018, 9, 1), description="Eerste versie."
        ),
        RichtlijnWijziging(version="2.0", date=datetime.date(2019, 11, 1), description="Herzien."),
    ]
    guideline.save_revision().publish()


def check_records(page, base, urls):
    """The lesson's facts block and the guideline's recommendations, in the browser."""
    page.goto(f"{base}{urls['les'][0]}")
    facts = page.locator(".kb-about")
    expect(facts.get_by_role("heading", name="Over deze les")).to_be_visible()
    expect(facts).to_contain_text("16 tot 23 jaar")
    expect(facts.get_by_role("link", name="leernetwerk@voorbeeld.test")).to_be_visible()
    expect(page.get_by_role("heading", name="Verwante lessen")).to_be_visible()
    page.goto(f"{base}{urls['guideline'][0]}")
    page.get_by_text("Onderbouwing").click()
    expect(page.get_by_text("minder jongeren uit beeld")).to_be_visible()
    expect(page.locator(".kb-changes tbody tr").first).to_contain_text("2.0")


def check_empty_state_and_suggestion(page, base, assert_accessible, assert_valid_html):
    # A misspelling still finds the lessons of the close word, with "Bedoelt u".
    page.goto(f"{base}/kennisbank/?q=wonign")
    assert "Er is niets gevonden" not in page.content()
    expect(page.locator(".kb-hit").first).to_be_visible()
    page.locator(".kb-suggestion a").click()
    expect(page.locator("#kb-resultaten")).to_have_text(re.compile(r"^12 resultaten"))
    assert_accessible(page)
    assert_valid_html(page)
    # A word close to nothing in the kennisbank gives the empty state with its advice.
    page.goto(f"{base}/kennisbank/?q=qxzvbrtplk")
    assert "Er is niets gevonden" in page.content()
    assert_accessible(page)
    assert_valid_html(page)


def check_site_search(page, base, assert_accessible, assert_valid_html):
    page.goto(f"{base}/zoeken/?q=coach")
    expect(page.locator(".kb-hit")).to_have_count(10)
    assert_accessible(page)
    assert_valid_html(page)


def check_content_page(page, base, assert_accessible, assert_valid_html, url, title):
    page.goto(f"{base}{url}")
    expect(page.locator("h1")).to_have_text(title)
    assert_accessible(page)
    assert_valid_html(page)
