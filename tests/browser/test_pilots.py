"""Pilots in a real browser: overview map, list and filters, a pilot with its timeline,
a progress update and the application form (with an error), each checked with axe."""

import datetime
import os
import re

import pytest
from playwright.sync_api import expect

# Playwright's sync API keeps an event loop running in this thread; Django's ORM calls
# from the test (fixtures, factories) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_overview_map_list_and_filters(
    page, live_server, pilots_demo, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/pilots/")
    expect(page.locator(".pilot-map__svg")).to_be_visible()
    markers = page.locator("a.pilot-map__marker")
    assert markers.count() >= 9
    list_items = page.locator(".pilot-list__item")
    expect(list_items).to_have_count(10)
    # The marker's name shows on keyboard focus.
    first = markers.first
    first.focus()
    expect(first.locator(".pilot-map__label")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)

    # The demo pilots ran 2018-2021: their status follows the period (afgerond).
    page.select_option("#id_status", "lopend")
    page.get_by_role("button", name="Toon pilots").click()
    expect(page).to_have_url(re.compile(r"status=lopend"))
    expect(list_items).to_have_count(0)
    page.select_option("#id_status", "afgerond")
    page.select_option("#id_provincie", "NL-ZH")
    page.get_by_role("button", name="Toon pilots").click()
    expect(page).to_have_url(re.compile(r"status=afgerond"))
    expect(page.locator(".pilot-list")).to_contain_text("Midden-Holland")
    expect(page.locator(".pilot-list")).not_to_contain_text("Lekstroom")
    shown = list_items.count()
    assert 2 <= shown < 10
    # A marker per region: a pilot of two Zuid-Holland regions has two.
    assert page.locator("a.pilot-map__marker").count() >= shown
    assert_accessible(page)
    assert_valid_html(page)


def test_map_markers_do_not_overlap_and_follow_by_keyboard(page, live_server, pilots_demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/pilots/")
    markers = page.locator("a.pilot-map__marker")
    # Each marker's tap area is at least 24 by 24 px and none overlaps another, also where
    # pilots share a region or lie side by side (Zuid-Holland in the demo).
    boxes = [
        markers.nth(i).locator(".pilot-map__hit").bounding_box() for i in range(markers.count())
    ]
    for box in boxes:
        assert box["width"] >= 24 and box["height"] >= 24, box
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            centre_a = (a["x"] + a["width"] / 2, a["y"] + a["height"] / 2)
            centre_b = (b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)
            distance = ((centre_a[0] - centre_b[0]) ** 2 + (centre_a[1] - centre_b[1]) ** 2) ** 0.5
            assert distance >= (a["width"] + b["width"]) / 2 - 1, (i, a, b)
    # Each marker shows its number from the list.
    expect(markers.first.locator(".pilot-map__number")).to_have_text("1")
    expect(page.locator(".pilot-list__number").first).to_contain_text("1")

    # By keyboard: from the skip link, Tab reaches the markers in turn; Enter opens the pilot.
    page.get_by_role("link", name="Sla de kaart over").focus()
    focused = page.locator("a.pilot-map__marker:focus")
    for _ in range(3):
        page.keyboard.press("Tab")
        if focused.count():
            break
    assert focused.get_attribute("aria-label").startswith("1. ")
    # A pilot in two regions has two markers with its number; Tab on to the next pilot.
    for _ in range(4):
        page.keyboard.press("Tab")
        label = focused.get_attribute("aria-label")
        if not label.startswith("1. "):
            break
    assert label.startswith("2. ")
    expect(focused.locator(".pilot-map__label")).to_be_visible()
    title = label.split(". ", 1)[1].rsplit(" (", 1)[0]
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)


def test_pilot_page_with_timeline(
    page, live_server, pilots_demo, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/pilots/midden-holland/")
    expect(page.locator("h1")).to_contain_text("Midden-Holland")
    expect(page.get_by_role("heading", name="Startfoto", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Plan van aanpak", exact=True)).to_be_visible()
    expect(page.locator(".pilot-timeline__item")).to_have_count(2)
    assert_accessible(page)
    assert_valid_html(page)
    page.locator(".pilot-timeline__title a").first.click()
    expect(page.get_by_role("heading", name="Wat we hebben geleerd")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(page)


def test_application_form_error_then_success(
    page, live_server, pilots_demo, assert_accessible, assert_valid_html, fill_application
):
    from pilots.factories import make_oproep
    from pilots.models import Aanmelding, PilotIndexPage

    today = datetime.date.today()
    oproep = make_oproep(
        PilotIndexPage.objects.get(),
        today - datetime.timedelta(days=1),
        today + datetime.timedelta(days=1),
        title="Oproep nu open",
    )
    page.goto(f"{live_server.url}{oproep.url}")
    assert_accessible(page)
    assert_valid_html(page)
    fill_application(
        page,
        regio="Leiden",
        name="Sanne Jansen",
        email="sanne@leiden.example",
        motivation="Onze regio wil jongeren vanaf zestien jaar een doorlopend plan bieden, "
        "samen met school en jongerenwerk.",
        organisations=[("Jongerenwerk Leiden", "Welzijn"), ("Wijkteam Leiden", "Welzijn")],
    )
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.locator("#formulier-fouten")).to_contain_text("dezelfde sectorgroep (Welzijn)")
    assert Aanmelding.objects.count() == 0
    assert_accessible(page)
    assert_valid_html(page)

    page.select_option("#id_org-1-sector", label="Onderwijs")
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.locator("h1")).to_have_text("Bedankt voor uw aanmelding")
    assert Aanmelding.objects.count() == 1
    assert_accessible(page)
    assert_valid_html(page)


def test_closed_2018_call(page, live_server, pilots_demo, assert_accessible, assert_valid_html):
    page.goto(f"{live_server.url}/pilots/oproep-2018/")
    expect(page.locator(".pilot-closed")).to_contain_text("De aanmelding is gesloten")
    expect(page.locator("form.pilot-application")).to_have_count(0)
    assert_accessible(page)
    assert_valid_html(page)
