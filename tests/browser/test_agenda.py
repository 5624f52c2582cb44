"""The agenda in a real browser: the list with its kind filter, an event page, registering
through the form (an error first, then confirmed, then the waiting list), and the cancel
page that moves the first on the waiting list up; axe, the HTML checker and 320 px."""

import os
import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

# Playwright's sync API keeps an event loop running in this thread; the ORM calls of the
# fixtures and assertions are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEARLY_FULL = "/agenda/werksessie-toekomstplan-schrijven/"


@pytest.fixture
def agenda_demo(transactional_db):
    """Page tree, navigation and the agenda demo only (faster than the full demo)."""
    call_command("load_demo", only=["agenda"], stdout=open(os.devnull, "w"))  # noqa: SIM115


def _fits_320(page):
    page.set_viewport_size({"width": 320, "height": 800})
    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, f"{page.url}: {scroll_width} > {inner_width} at 320 px"
    page.set_viewport_size({"width": 1280, "height": 900})


def _check(page, assert_accessible, assert_valid_html):
    assert_accessible(page)
    assert_valid_html(page)
    _fits_320(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page)  # contrast and targets at phone size too
    page.set_viewport_size({"width": 1280, "height": 900})


def test_agenda_list_and_kind_filter(
    page, live_server, agenda_demo, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/agenda/")
    expect(page.locator("h1")).to_have_text("Agenda")
    upcoming = page.locator("section:has(#komend) .agenda-card")
    expect(upcoming).to_have_count(5)
    expect(page.locator("section:has(#afgelopen) .agenda-card")).to_have_count(2)
    expect(page.locator("main")).to_contain_text("Nog 1 plaats")
    expect(page.locator("main")).to_contain_text("Vol – wachtlijst")
    _check(page, assert_accessible, assert_valid_html)

    page.select_option("#id_soort", "webinar")
    page.get_by_role("button", name="Toon bijeenkomsten").click()
    expect(page).to_have_url(re.compile(r"soort=webinar"))
    expect(upcoming).to_have_count(1)
    expect(upcoming.first).to_contain_text("Webinar: de Big 5 in de praktijk")
    _check(page, assert_accessible, assert_valid_html)

    ics = page.request.get(f"{live_server.url}/agenda/agenda.ics")
    assert ics.ok and ics.text().count("BEGIN:VEVENT") == 5


def test_register_wait_and_cancel(
    page, live_server, agenda_demo, assert_accessible, assert_valid_html
):
    from agenda.models import Registration

    page.goto(f"{live_server.url}{NEARLY_FULL}")
    expect(page.locator("h1")).to_contain_text("het toekomstplan samen met de jongere")
    _check(page, assert_accessible, assert_valid_html)

    # An error first: no name, a bad address.
    page.fill("#id_email", "geen-adres")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("main")).to_contain_text("Je aanmelding is nog niet verstuurd.")
    expect(page.locator("main")).to_contain_text("Vul het veld 'Naam' in.")
    assert Registration.objects.count() == 0
    _check(page, assert_accessible, assert_valid_html)

    # The last place.
    page.fill("#id_name", "Sanne de Boer")
    page.fill("#id_email", "sanne@wijkteam.example")
    page.fill("#id_organisation", "Wijkteam Zwolle-Zuid")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Je bent aangemeld.")
    expect(page.locator("main")).to_contain_text("Vol – wachtlijst")
    _check(page, assert_accessible, assert_valid_html)

    # Full now: the next person is put on the waiting list and told so.
    page.fill("#id_name", "Ahmed Yilmaz")
    page.fill("#id_email", "ahmed@mbo.example")
    page.get_by_role("button", name="Op de wachtlijst").click()
    expect(page.locator(".utrecht-alert--warning")).to_contain_text("Je staat op de wachtlijst")
    assert [r.status for r in Registration.objects.order_by("pk")] == ["bevestigd", "wachtlijst"]

    # Sanne cancels through the link in her confirmation.
    link = next(line.strip() for line in mail.outbox[0].body.splitlines() if "/afmelden/" in line)
    cancel_path = link[link.index("/agenda/") :]
    page.goto(f"{live_server.url}{cancel_path}")
    expect(page.locator("main")).to_contain_text("Weet je zeker dat je je wilt afmelden?")
    _check(page, assert_accessible, assert_valid_html)
    assert Registration.objects.get(email="sanne@wijkteam.example").status == "bevestigd"

    page.get_by_role("button", name="Ja, meld mij af").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Je bent afgemeld.")
    _check(page, assert_accessible, assert_valid_html)
    assert Registration.objects.get(email="ahmed@mbo.example").status == "bevestigd"
    assert mail.outbox[-1].to == ["ahmed@mbo.example"]
    assert "Er is een plaats vrij" in mail.outbox[-1].subject
