"""Home, news, navigation, search and account pages in a real browser, each checked with axe."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_page(page, live_server, site_skeleton, assert_accessible, assert_valid_html):
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_contain_text("Samen leren wat werkt")
    expect(page.get_by_role("heading", name="Recent nieuws")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)


def test_skip_link_moves_focus_to_main(page, live_server, site_skeleton):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page).to_have_url(re.compile(r"#inhoud$"))


def test_main_navigation_reaches_every_section(
    page, live_server, site_skeleton, assert_accessible, assert_valid_html
):
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    sections = ["Kennisbank", "Pilots", "Agenda", "Persona's", "Hulpmiddelen", "Toekomstplan"]
    for label in [*sections, "Nieuws"]:
        nav.get_by_role("link", name=label, exact=True).click()
        expect(page.locator("h1")).to_have_text(label)
        expect(nav.get_by_role("link", name=label, exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        expect(page.get_by_role("navigation", name="Kruimelpad")).to_contain_text("Home")
    assert_accessible(page)
    assert_valid_html(page)


def test_news_index_and_detail(
    page, live_server, site_skeleton, assert_accessible, assert_valid_html
):
    page.goto(live_server.url + "/nieuws/")
    assert_accessible(page)
    assert_valid_html(page)
    page.get_by_role("link", name="Tweede leercirkel: vijf pilots gaan van start").click()
    expect(page.locator("h1")).to_have_text("Tweede leercirkel: vijf pilots gaan van start")
    expect(page.locator("time").first).to_have_attribute("datetime", "2018-11-22")
    assert_accessible(page)
    assert_valid_html(page)
    page.get_by_role("link", name="leercirkel", exact=True).click()
    expect(page.get_by_text("Berichten met tag")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)


def test_search_finds_inflected_words(
    page, live_server, site_skeleton, assert_accessible, assert_valid_html
):
    page.goto(live_server.url + "/")
    search = page.get_by_role("search").first
    search.get_by_label("Zoeken op de site").fill("leercirkels")
    search.get_by_role("button", name="Zoeken").click()
    result = page.get_by_role("link", name="Tweede leercirkel: vijf pilots gaan van start")
    expect(result).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)


def test_search_empty_state(page, live_server, site_skeleton, assert_accessible, assert_valid_html):
    page.goto(live_server.url + "/zoeken/?q=fietsenmaker")
    expect(page.get_by_text("Er is niets gevonden")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)


def test_login_page_and_error(
    page, live_server, site_skeleton, assert_accessible, assert_valid_html
):
    page.goto(live_server.url + "/account/inloggen/")
    assert_accessible(page)
    assert_valid_html(page)
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout")
    page.locator("main").get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Inloggen is niet gelukt")
    assert_accessible(page)
    assert_valid_html(page)


def test_not_found_page(page, live_server, site_skeleton, assert_accessible, assert_valid_html):
    response = page.goto(live_server.url + "/bestaat-niet/")
    assert response.status == 404
    expect(page.locator("h1")).to_contain_text("bestaat niet")
    assert_accessible(page)
    assert_valid_html(page)
