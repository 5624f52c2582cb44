"""The toolkit's interactive parts, driven with the keyboard where it matters, plus axe."""

import os

import pytest
from playwright.sync_api import expect

from leernetwerk.core.factories import UserFactory

# Playwright's sync API keeps an event loop running in this thread; Django's ORM calls
# from the test (fixtures, factories) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _ensure_wagtail_roots():
    """Recreate Wagtail's migration-seeded roots when an earlier live-server test's flush
    removed them (serialized rollback is not restored in every test order)."""
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="nl")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def toolkit_site(transactional_db):
    """Only the demo content these tests need (the full load_demo is much slower)."""
    from leernetwerk.core.demo import load_home, upsert_page
    from leernetwerk.taxonomy import demo as taxonomy_demo
    from toolkit import demo as toolkit_demo
    from toolkit.models import ToolIndexPage

    _ensure_wagtail_roots()
    home = load_home()
    upsert_page(home, ToolIndexPage, "hulpmiddelen", title="Hulpmiddelen")
    taxonomy_demo.load(home, lambda *args: None)
    toolkit_demo.load(home, lambda *args: None)


def _login(page, live_server):
    UserFactory(username="professional")
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("professional")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()


def test_information_pages_are_accessible(
    page, live_server, toolkit_site, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/hulpmiddelen/")
    assert_accessible(page)
    assert_valid_html(page)
    page.get_by_role("link", name="Omgekeerde toets").first.click()
    expect(page.get_by_role("heading", name="Wat is het?")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)
    page.get_by_role("link", name="Aan de slag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Omgekeerde toets")


def test_omgekeerde_toets_with_keyboard_only(
    page, live_server, toolkit_site, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/hulpmiddelen/omgekeerde-toets/invullen/")
    # The step bar numbers each step once: the number in the text, no list marker besides.
    first_step = page.locator("ol.steps li").first
    expect(first_step).to_have_text("1. Het effect")
    assert first_step.evaluate("li => getComputedStyle(li).listStyleType") == "none"
    assert_accessible(page)
    assert_valid_html(page)
    answers = {
        1: "Zelfstandig wonen en een opleiding afmaken, met steun van haar tante.",
        2: "Past bij de bedoeling van de Wmo: zelfredzaam meedoen.",
        3: "Sluit aan bij het uitgangspunt 'eerst perspectief, dan regels'.",
        4: "Artikel 2.3.5 Wmo 2015 voor begeleiding.",
    }
    for number, text in answers.items():
        field = page.get_by_role("textbox").first
        field.focus()
        page.keyboard.type(text)
        if number == 1:
            # a BSN in free text triggers a warning before moving on
            page.keyboard.type(" BSN 123456782")
            page.keyboard.press("Tab")
            page.get_by_role("button", name="Volgende stap").focus()
            page.keyboard.press("Enter")
            expect(page.get_by_text("burgerservicenummer (BSN)").first).to_be_visible()
            assert_accessible(page)
            assert_valid_html(page)
            field = page.get_by_role("textbox").first
            field.fill(text)
        boxes = page.get_by_role("textbox")
        for i in range(1, boxes.count()):
            if boxes.nth(i).get_attribute("name") != "omschrijving":
                boxes.nth(i).fill(f"Aanvulling bij stap {number}.")
        button = "Volgende stap" if number < 4 else "Onderbouwing maken"
        page.get_by_role("button", name=button).focus()
        page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Onderbouwing volgens de omgekeerde toets")
    ).to_be_visible()
    expect(page.get_by_text(answers[4])).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_arrangementenwaaier_filters(
    page, live_server, toolkit_site, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/hulpmiddelen/arrangementenwaaier/overzicht/")
    assert_accessible(page)
    assert_valid_html(page)
    expect(page.get_by_role("heading", level=3)).to_have_count(6)
    page.get_by_label("Doelgroep").select_option(label="Dak- en thuisloze jongeren")
    page.get_by_role("button", name="Filteren").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=3)).to_have_count(1)
    page.get_by_role("link", name="Van dakloos naar eigen plek").click()
    expect(page.get_by_role("heading", name="Voorwaarden")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)


def test_participatiewiel_fill_save_and_compare(
    page, live_server, toolkit_site, assert_accessible, assert_valid_html
):
    _login(page, live_server)
    url = f"{live_server.url}/hulpmiddelen/participatiewiel/invullen/"

    def fill(description, scores, activity_goal):
        page.goto(url)
        page.get_by_label("Omschrijving").fill(description)
        for i, score in enumerate(scores):
            page.get_by_role("spinbutton").nth(i).fill(str(score))
        goal = page.get_by_role("group", name=activity_goal, exact=True)
        goal.get_by_label("Vrijwilligerswerk").check()
        page.get_by_role("combobox", name="Vrijwilligerswerk").select_option(label="Wmo 2015")
        page.get_by_role("button", name="Opslaan").click()

    page.goto(url)
    assert_accessible(page)
    assert_valid_html(page)
    fill("Voorjaar", [2, 3, 4, 5, 1, 0], "Sociale contacten")
    expect(page.get_by_role("img", name="Participatiewiel")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)
    fill("Najaar", [4, 3, 4, 5, 1, 2], "Sociale contacten")
    page.get_by_label("Vergelijk met").select_option(index=0)
    page.get_by_role("button", name="Vergelijken").click()
    expect(page.locator("tr.changed")).to_have_count(2)
    assert_accessible(page)
    assert_valid_html(page)


_ACTIVE = """() => {
    const e = document.activeElement;
    const label = e.labels && e.labels.length ? e.labels[0].innerText : "";
    return {tag: e.tagName, type: e.type || "", label: label, text: e.innerText || ""};
}"""


def test_participatiewiel_with_keyboard_only(
    page, live_server, toolkit_site, assert_accessible, assert_valid_html
):
    """Tab through the whole wheel form: scores typed, one activity ticked with Space, its
    legal framework chosen with the arrow key, saved with Enter."""
    _login(page, live_server)
    page.goto(f"{live_server.url}/hulpmiddelen/participatiewiel/invullen/")
    ticked = framework_chosen = False
    for _ in range(300):
        page.keyboard.press("Tab")
        active = page.evaluate(_ACTIVE)
        if active["label"].startswith("Omschrijving"):
            page.keyboard.type("Met het toetsenbord ingevuld")
        elif active["type"] == "number":
            page.keyboard.type("3")
        elif active["type"] == "checkbox" and "Vrijwilligerswerk" in active["label"] and not ticked:
            page.keyboard.press("Space")
            ticked = True
        elif active["tag"] == "SELECT" and "Vrijwilligerswerk" in active["label"]:
            page.keyboard.press("ArrowDown")
            framework_chosen = True
        elif active["tag"] == "BUTTON" and "Opslaan" in active["text"]:
            page.keyboard.press("Enter")
            break
    assert ticked and framework_chosen
    expect(page.get_by_role("img", name="Participatiewiel")).to_be_visible()
    expect(page.get_by_text("Met het toetsenbord ingevuld").first).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)


def _login_as(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()


def _smallest_radar_text_px(page):
    """The smallest text in the radar chart as rendered: font size times the SVG's scale."""
    return page.locator("svg.radar__chart").evaluate(
        """svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const sizes = [...svg.querySelectorAll("text")].map(
                (text) => parseFloat(getComputedStyle(text).fontSize) * scale);
            return Math.min(...sizes);
        }"""
    )


def test_participatiescan_group_flow(
    page, live_server, toolkit_site, assert_accessible, assert_valid_html, settings
):
    from toolkit.models import Antwoord, Deelnemer

    settings.PARTICIPATIESCAN_MIN_GROUP = 1  # one participant: about the flow, not disclosure

    UserFactory(username="coordinator")
    UserFactory(username="deelnemer")
    _login_as(page, live_server, "coordinator")
    page.goto(f"{live_server.url}/hulpmiddelen/participatiescan/nieuw/")
    assert_accessible(page)
    assert_valid_html(page)
    page.get_by_label("Titel van de scan").fill("Regioscan voorjaar")
    page.get_by_label("Arbeidsmarktregio").fill("Holland Rijnland")
    page.get_by_label("Uw soort organisatie").select_option(label="Leerplicht/RMC")
    page.get_by_role("button", name="Scan starten").click()
    page.get_by_label("E-mailadres deelnemer").fill("werkgever@example.org")
    page.locator("#id_organisatie_type").select_option(label="Werkgevers")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Uitnodiging verstuurd")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)
    scan_url = page.url

    token = Deelnemer.objects.get(email="werkgever@example.org").token
    _login_as(page, live_server, "deelnemer")
    page.goto(f"{live_server.url}/hulpmiddelen/participatiescan/uitnodiging/{token}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Participatiescan invullen")
    assert_accessible(page)
    assert_valid_html(page)
    slider = page.get_by_role("slider", name="Leerbanen")
    weet_niet = page.get_by_role("checkbox", name="Weet ik niet (Leerbanen)")
    expect(weet_niet).to_be_checked()  # untouched: no score, not 50
    slider.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    expect(slider).to_have_value("70")
    expect(page.locator(f"output[for='{slider.get_attribute('id')}']")).to_have_text("70")
    expect(weet_niet).not_to_be_checked()  # moving the slider gives a score
    page.get_by_role("button", name="Scores opslaan").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Uw scores zijn opgeslagen")).to_be_visible()
    scores = list(Antwoord.objects.values_list("score", flat=True))
    assert scores.count(70) == 1 and scores.count(None) == len(scores) - 1

    _login_as(page, live_server, "coordinator")
    page.goto(scan_url)
    expect(page.get_by_role("table", name="Werkend leren en werkgevers")).to_be_visible()
    page.get_by_role("button", name="Scan afsluiten").click()
    expect(page.get_by_text("De scan is afgesloten")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)
    # The radar chart's text is readable (>= 12 px) on a desktop and on a 390 px phone.
    expect(page.get_by_role("img", name="Radargrafiek")).to_be_visible()
    assert _smallest_radar_text_px(page) >= 12
    page.set_viewport_size({"width": 390, "height": 844})
    assert _smallest_radar_text_px(page) >= 12
