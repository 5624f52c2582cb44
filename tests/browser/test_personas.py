"""Personas in a real browser: the filterable overview, a persona page, switching
region, showing the table, downloads; axe must report nothing on each state."""

import os
import re

import pytest
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in this thread; the fixtures' database work
# happens outside it in practice, so Django's async guard may be relaxed here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def persona_demo(transactional_db):
    """Only what the persona pages need: site skeleton, regions and the persona demo."""
    from leernetwerk.core import demo
    from leernetwerk.taxonomy import demo as taxonomy_demo
    from personas import demo as persona_demo

    home = demo.load_home()
    sections = demo.load_sections(home)
    demo.load_navigation(home, sections)
    taxonomy_demo.load(home, lambda message: None)
    persona_demo.load(home, lambda message: None)


def test_overview_with_filters(
    page, live_server, persona_demo, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/personas/")
    cards = page.locator(".persona-card")
    expect(cards).to_have_count(16)
    expect(cards.first.locator("img")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)

    page.select_option("#id_kenmerk", label="Jeugdhulp gehad")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"kenmerk=JH"))
    count = cards.count()
    assert 0 < count < 16
    for i in range(count):
        expect(cards.nth(i).locator(".persona-tags")).to_contain_text("Jeugdhulp gehad")

    page.select_option("#id_levensgebied", label="Wonen (Big 5)")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"levensgebied=big5-wonen"))
    expect(cards.first).to_be_visible()
    assert cards.count() < count
    assert_accessible(page)
    assert_valid_html(page)

    page.get_by_role("link", name="Alle persona’s tonen").click()
    expect(cards).to_have_count(16)
    cards.filter(has_text="Aya").get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("Aya, 18 jaar")


def test_persona_page_region_switch_and_table(
    page, live_server, persona_demo, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/personas/aya/")
    expect(page.locator("h1")).to_contain_text("Aya")
    expect(page.locator(".persona__portrait")).to_have_attribute("alt", re.compile("Aya"))
    charts = page.locator(".persona-chart")
    expect(charts).to_have_count(2)
    expect(charts.first.locator("h3")).to_have_text("Dordrecht")
    expect(charts.nth(1).locator("h3")).to_have_text("Nederland")
    expect(page.locator(".fictional-notice")).to_be_visible()
    image = charts.first.locator("img")
    expect(image).to_have_attribute("alt", re.compile("Aya in Dordrecht"))
    image.scroll_into_view_if_needed()  # lazy-loaded; the server draws it on first request
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=60000
    )
    assert_accessible(page)
    assert_valid_html(page)

    page.select_option("#regio-keuze", label="Hengelo")
    page.get_by_role("button", name="Toon cijfers").click()
    expect(page).to_have_url(re.compile(r"regio=hengelo"))
    expect(charts.first.locator("h3")).to_have_text("Hengelo")
    expect(charts.first.locator(".persona-chart__headline")).to_contain_text("11.900")

    table = charts.first.locator("table")
    expect(table).to_be_hidden()
    charts.first.get_by_text("Toon de cijfers als tabel").click()
    expect(table).to_be_visible()
    expect(table).to_contain_text("Alle jongeren van 16 tot 27 jaar")
    assert_accessible(page)
    assert_valid_html(page)
    charts.first.get_by_text("Toon de cijfers als tabel").click()
    expect(table).to_be_hidden()

    with page.expect_download() as download:
        charts.first.get_by_role("link", name=re.compile("^CSV")).click()
    assert download.value.suggested_filename.endswith("hengelo.csv")
