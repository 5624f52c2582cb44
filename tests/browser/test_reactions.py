"""Reactions and "Les delen" in a real browser: a professional reads and posts reactions
under a lesson, shares a lesson and finds it in "Mijn inzendingen". axe, the HTML checker
and no sideways scrolling at 320 px on every page on the way."""

import os

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "geheim-wachtwoord-123"
LESSON = "/kennisbank/begin-het-toekomstplan-op-je-zestiende/"


@pytest.fixture
def kennisbank_with_reactions(transactional_db):
    from django.contrib.auth.models import Group

    from leernetwerk.core.factories import UserFactory

    call_command(
        "load_demo",
        only=["leernetwerk.taxonomy", "learning", "reactions"],
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    user = UserFactory(
        username="sanne",
        first_name="Sanne",
        last_name="Visser",
        organisation="Jongerenwerk West",
        professional="goedgekeurd",
    )
    user.groups.add(Group.objects.get(name="Professional"))


def _login(page, live_server, username="sanne"):
    page.goto(f"{live_server.url}/account/inloggen/")
    page.fill("#id_login", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def _fits_320(page):
    page.set_viewport_size({"width": 320, "height": 800})
    scroll_width, inner_width, culprits = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth, Array.from("
        "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right"
        " > window.innerWidth + 0.5).slice(0, 3).map(e => e.tagName + '.' + e.className)]"
    )
    assert scroll_width <= inner_width, f"{page.url}: {scroll_width} > {inner_width} {culprits}"
    small = page.evaluate(
        "() => Array.from(document.querySelectorAll('main button, main summary, main input:not("
        "[type=hidden])')).filter(e => { const r = e.getBoundingClientRect(); return r.width > 1"
        " && (r.width < 24 || r.height < 24); }).map(e => e.tagName + ' ' + (e.name || ''))"
    )
    assert not small, f"{page.url}: aanraakdoel kleiner dan 24 px: {small}"
    page.set_viewport_size({"width": 1280, "height": 800})


def _check(page, assert_accessible, assert_valid_html):
    assert_accessible(page)
    assert_valid_html(page)
    _fits_320(page)


def test_lesson_with_reactions_and_posting(
    page, live_server, kennisbank_with_reactions, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}{LESSON}")
    panel = page.locator("#reacties")
    expect(panel).to_contain_text("Er zijn 2 reacties op deze pagina.")
    expect(panel).to_contain_text("Log in om te reageren")
    _check(page, assert_accessible, assert_valid_html)

    _login(page, live_server)
    page.goto(f"{live_server.url}{LESSON}")
    expect(panel.locator(".reaction")).to_have_count(2)
    link = panel.locator('a[href="https://example.org/handreiking-loopbaan"]')
    expect(link).to_have_attribute("rel", "nofollow ugc noopener")
    _check(page, assert_accessible, assert_valid_html)

    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.locator("#reactie-fouten")).to_be_visible()
    expect(panel).to_contain_text("Schrijf eerst je reactie")
    _check(page, assert_accessible, assert_valid_html)

    page.fill("#id_reactie-text", "Wij doen dit ook, met <b>de mentor</b> erbij.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(panel.locator(".reaction")).to_have_count(3)
    expect(panel).to_contain_text("Wij doen dit ook, met <b>de mentor</b> erbij.")
    expect(panel).to_contain_text("Sanne Visser, Jongerenwerk West")
    expect(page.get_by_role("button", name="Volgen stoppen")).to_be_visible()
    _check(page, assert_accessible, assert_valid_html)

    page.locator(".reaction__report summary").first.click()
    page.get_by_role("button", name="Melding versturen").first.click()
    expect(page.locator("#reacties")).to_contain_text("Vul in waarom je deze reactie meldt")
    _check(page, assert_accessible, assert_valid_html)


def test_share_a_lesson_and_my_submissions(
    page, live_server, kennisbank_with_reactions, assert_accessible, assert_valid_html
):
    _login(page, live_server)
    page.goto(f"{live_server.url}/kennisbank/les-delen/")
    expect(page.locator("h1")).to_have_text("Les delen")
    _check(page, assert_accessible, assert_valid_html)

    page.get_by_role("button", name="Les insturen").click()
    expect(page.locator("#formulier-fouten")).to_contain_text("Je les is nog niet ingestuurd")
    _check(page, assert_accessible, assert_valid_html)

    page.fill("#id_title", "Ouders vroeg betrekken bij het plan")
    page.fill("#id_summary", "Een gesprek met ouders voor de zeventiende verjaardag helpt.")
    page.fill("#id_approach", "We nodigden ouders uit voor een kort gesprek op school.")
    page.get_by_label("Wonen", exact=True).check()
    page.fill("#id_regio", "Leiden")
    page.fill("#id_themes", "ouders, netwerk")
    page.get_by_label("Noem mijn naam en organisatie bij de gepubliceerde les").check()
    page.get_by_role("button", name="Les insturen").click()

    expect(page.locator("h1")).to_have_text("Mijn inzendingen")
    item = page.locator(".submission").filter(has_text="Ouders vroeg betrekken bij het plan")
    expect(item).to_contain_text("In beoordeling")
    _check(page, assert_accessible, assert_valid_html)
