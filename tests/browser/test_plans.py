"""Toekomstplan in a real browser: the template page, starting a plan, keyboard-only editing,
inviting a colleague, editing together (with the conflict view) and the PDF export.
axe (zero violations) runs on every page on the way."""

import os
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from leernetwerk.core.factories import UserFactory, make_home
from plans.factories import make_template

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "geheim-wachtwoord-123"
# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures
# and Django's test teardown are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def wagtail_tree(transactional_db):
    """Vocabulary, locale and root page, recreated if an earlier live-server test's flush
    removed them (serialized_rollback does not always restore them here)."""
    from importlib import import_module

    from django.apps import apps
    from wagtail.models import Locale, Page

    # The seeded vocabulary (idempotent), for the same reason.
    import_module("leernetwerk.taxonomy.migrations.0002_seed_vocabulary").seed(apps, None)
    locale = Locale.objects.first() or Locale.objects.create(language_code="nl")
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=locale)
    return make_home()


@pytest.fixture
def plan_site(wagtail_tree):
    template = make_template(wagtail_tree, title="Toekomstplan acht levensgebieden")
    from django.contrib.auth.models import Group

    olga = UserFactory(username="olga", email="olga@example.org", first_name="Olga")
    olga.groups.add(Group.objects.get(name="Professional"))  # only professionals start plans
    UserFactory(username="piet", email="piet@example.org", first_name="Piet")
    # Read here: the browser's event loop forbids ORM calls inside the test body.
    return {"url": template.url, "title": template.title}


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/account/inloggen/")
    page.fill("#id_login", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def _tab_to(page, element_id, limit=80):
    """Press Tab until the element has focus: proves it is reachable by keyboard."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        visited.append(page.evaluate("() => document.activeElement.id"))
        if visited[-1] == element_id:
            return
    raise AssertionError(f"{element_id} niet bereikbaar met Tab: {visited}")


def test_template_page_and_blank_pdf(
    plan_site, live_server, page, assert_accessible, assert_valid_html
):
    page.goto(live_server.url + plan_site["url"])
    expect(page.locator("h1")).to_have_text(plan_site["title"])
    expect(page.locator("h2", has_text="Checklist 18 jaar")).to_have_count(1)
    assert_accessible(page)
    assert_valid_html(page)
    pdf_href = page.get_by_role("link", name=re.compile("Leeg sjabloon als PDF")).get_attribute(
        "href"
    )
    response = page.request.get(live_server.url + pdf_href)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"


def test_create_invite_edit_together_and_export(
    plan_site, live_server, page, browser, assert_accessible, assert_valid_html
):
    _login(page, live_server, "olga")
    page.goto(live_server.url + plan_site["url"])
    page.get_by_role("link", name="Start een plan met dit sjabloon").click()
    assert_accessible(page)
    assert_valid_html(page)
    page.click("main button[type=submit]")  # empty: Dutch errors, nothing saved
    expect(page.get_by_text("Vul de voornaam of roepnaam in.")).to_be_visible()
    expect(page.get_by_text("Zonder toestemming van de jongere")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)
    page.fill("#id_first_name", "Sam")
    page.check("#id_consent")
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_have_text("Plan bewerken")
    assert_accessible(page)
    assert_valid_html(page)

    # Keyboard only: reach the fields with Tab, type, and submit with Enter.
    _tab_to(page, "id_dreams")
    page.keyboard.type("Ik wil een eigen kamer en werk in de zorg.")
    _tab_to(page, "id_check_0")
    page.keyboard.press("Space")
    _tab_to(page, "plan-opslaan")
    page.keyboard.press("Enter")
    # Wait for the redirect after saving (the edit page itself is already loaded).
    expect(page.locator("h1")).to_contain_text("Toekomstplan van Sam")
    expect(page.get_by_text("Ik wil een eigen kamer en werk in de zorg.")).to_be_visible()
    expect(page.get_by_text("Gedaan: DigiD aangevraagd")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)
    plan_url = page.url

    # Invite a colleague by personal e-mail.
    page.get_by_role("link", name="Delen").click()
    assert_accessible(page)
    assert_valid_html(page)
    page.fill("#id_email", "piet@example.org")
    page.select_option("#id_role", "bewerker")
    page.click("main form:not(.inline-form) button[type=submit] >> nth=-1")
    expect(page.get_by_text("De uitnodiging is verstuurd.")).to_be_visible()
    link = re.search(r"https?://\S+/toekomstplan/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    link = re.sub(r"^https?://[^/]+", live_server.url, link)

    colleague_context = browser.new_context()
    colleague = colleague_context.new_page()
    _login(colleague, live_server, "piet")
    colleague.goto(link)
    assert_accessible(colleague)
    colleague.get_by_role("button", name="Uitnodiging accepteren").click()
    expect(colleague.locator("h1")).to_contain_text("Toekomstplan van Sam")

    # Both open the edit form; Piet saves first, Olga's stale save gets the conflict view.
    page.goto(plan_url + "bewerken/")
    colleague.goto(plan_url + "bewerken/")
    colleague.fill("#id_perspective", "Over drie jaar woon ik zelfstandig.")
    colleague.click("form.plan-form button[type=submit]")
    expect(colleague.get_by_text("Over drie jaar woon ik zelfstandig.")).to_be_visible()
    page.fill("#id_risks", "Schulden bij de telefoonaanbieder.")
    page.click("form.plan-form button[type=submit]")
    expect(page.get_by_role("heading", name=re.compile("intussen opgeslagen"))).to_be_visible()
    assert page.input_value("#id_risks") == "Schulden bij de telefoonaanbieder."
    assert_accessible(page)
    assert_valid_html(page)
    page.click("form.plan-form button[type=submit]")  # save again, deliberately
    expect(page.get_by_text("Schulden bij de telefoonaanbieder.")).to_be_visible()
    expect(page.get_by_text("Over drie jaar woon ik zelfstandig.")).to_be_visible()
    colleague_context.close()

    # History, access log and the PDF export.
    page.get_by_role("link", name="Versies").click()
    expect(page.locator(".revision-list li")).to_have_count(4)
    assert_accessible(page)
    assert_valid_html(page)
    page.get_by_role("link", name="Toegangslog").click()
    expect(page.get_by_text("uitnodiging geaccepteerd")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF downloaden").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"


@pytest.fixture
def domain_plan(plan_site):
    """A plan of Olga's, started through the ORM; the URL of its first levensgebied."""
    from django.contrib.auth import get_user_model

    from plans.models import ToekomstplanTemplatePage
    from plans.writes import create_plan

    olga = get_user_model().objects.get(username="olga")
    template = ToekomstplanTemplatePage.objects.get()
    plan = create_plan(
        template, {"first_name": "Sam", "date_of_birth": None, "under_16": False}, olga
    )
    werk = plan.domains.select_related("levensgebied").first()
    return {
        "plan": f"/toekomstplan/plan/{plan.reference}/",
        "domain": f"/toekomstplan/plan/{plan.reference}/levensgebied/{werk.pk}/",
        "name": werk.levensgebied.name,
    }


def _delete_boxes(page):
    return page.get_by_role("checkbox", name="Deze actie verwijderen")


def test_domain_page_actions_with_and_without_javascript(
    domain_plan, live_server, page, assert_accessible, assert_valid_html
):
    _login(page, live_server, "olga")
    page.goto(live_server.url + domain_plan["plan"])
    page.get_by_role("link", name=f"{domain_plan['name']} en acties bewerken").click()
    expect(page.locator("h1")).to_have_text(domain_plan["name"])
    assert "---------" not in page.content()
    expect(page.locator(".plan-row")).to_have_count(0)  # no spare row, no delete box
    assert_accessible(page)
    assert_valid_html(page)

    # Keyboard: the domain's fields, then "Actie toevoegen" adds a row without a round trip.
    _tab_to(page, "id_domain-goal")
    page.keyboard.type("Een bbl-plek vinden")
    _tab_to(page, "id_domain-support_0")  # the radio group, at "nog niet bekend"
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#id_domain-support_1")
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator("#id_actions-0-what")).to_be_focused()
    expect(page.locator("#id_actions-0-who option").first).to_have_text("Kies …")
    expect(_delete_boxes(page)).to_have_count(0)  # a new row has nothing to delete
    page.keyboard.type("Cv maken met de jobcoach")
    page.select_option("#id_actions-0-who", "jongere")
    assert_accessible(page)
    page.click("#plan-opslaan")
    expect(page.locator("h1")).to_contain_text("Toekomstplan van Sam")
    expect(page.get_by_text("Cv maken met de jobcoach")).to_be_visible()

    # The stored action has a delete box; a second new one does not.
    page.goto(live_server.url + domain_plan["domain"])
    expect(_delete_boxes(page)).to_have_count(1)
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator(".plan-row")).to_have_count(2)
    expect(_delete_boxes(page)).to_have_count(1)
    assert_accessible(page)
    # The server's answer to the button (what a browser without JavaScript gets): submit
    # through the button without the script's click handler.
    page.locator("form.plan-form").evaluate(
        "form => form.requestSubmit(form.querySelector('[name=actie_toevoegen]'))"
    )
    expect(page.locator(".plan-row")).to_have_count(3)  # stored, added in the browser, new
    expect(page.locator("#id_actions-2-what")).to_have_attribute("autofocus", "")
    # The no-JavaScript path (save, delete) is covered in tests/plans/test_domain_edit.py.


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_domain_actions_without_javascript(domain_plan, live_server, page, assert_valid_html):
    """Add, change and remove an action of one levensgebied in a browser with JavaScript
    off: every step is a plain form post and the plan shows the result. (axe itself is
    JavaScript and never returns in such a page; the test above runs it on these pages.)"""
    _login(page, live_server, "olga")
    page.goto(live_server.url + domain_plan["domain"])
    expect(page.locator("h1")).to_have_text(domain_plan["name"])
    expect(page.locator(".plan-row")).to_have_count(0)

    # Add: the button asks the server for an empty row (nothing saved yet); only the
    # server's answer sets autofocus, the script would have moved the focus itself.
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator(".plan-row")).to_have_count(1)
    expect(page.locator("#id_actions-0-what")).to_have_attribute("autofocus", "")
    assert_valid_html(page)
    page.fill("#id_actions-0-what", "Stage zoeken bij de gemeente")
    page.select_option("#id_actions-0-who", "jongere")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_contain_text("Toekomstplan van Sam")
    expect(page.get_by_text("Stage zoeken bij de gemeente")).to_be_visible()

    # Edit the stored action.
    page.goto(live_server.url + domain_plan["domain"])
    expect(page.locator(".plan-row")).to_have_count(1)
    page.fill("#id_actions-0-what", "Stage zoeken bij de bibliotheek")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_contain_text("Toekomstplan van Sam")
    expect(page.get_by_text("Stage zoeken bij de bibliotheek")).to_be_visible()
    expect(page.get_by_text("Stage zoeken bij de gemeente")).to_have_count(0)

    # Remove it.
    page.goto(live_server.url + domain_plan["domain"])
    _delete_boxes(page).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_contain_text("Toekomstplan van Sam")
    expect(page.get_by_text("Stage zoeken bij de bibliotheek")).to_have_count(0)
    page.goto(live_server.url + domain_plan["domain"])
    expect(page.locator(".plan-row")).to_have_count(0)
    assert_valid_html(page)


def test_plan_list_is_accessible(
    plan_site, live_server, page, assert_accessible, assert_valid_html
):
    _login(page, live_server, "olga")
    page.goto(f"{live_server.url}/toekomstplan/mijn-plannen/")
    expect(page.get_by_text("Je werkt nog niet mee aan een plan.")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)


def test_notification_choices_are_saved(
    plan_site, live_server, page, assert_accessible, assert_valid_html
):
    _login(page, live_server, "olga")
    page.goto(f"{live_server.url}/account/profiel/")
    page.click("text=Meldingen: wat je wanneer per e-mail krijgt")
    expect(page.locator("h1")).to_have_text("Meldingen")
    assert_accessible(page)
    assert_valid_html(page)
    group = page.locator("fieldset", has_text="toekomstplan waar je aan meewerkt is gewijzigd")
    expect(group.get_by_label("Eén keer per dag, in een overzicht")).to_be_checked()
    group.get_by_label("Direct per e-mail").check()
    page.click("main button[type=submit]")
    expect(page.get_by_text("Je keuzes voor meldingen zijn opgeslagen.")).to_be_visible()
    expect(group.get_by_label("Direct per e-mail")).to_be_checked()
    assert_accessible(page)
