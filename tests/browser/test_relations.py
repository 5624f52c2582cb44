"""Issue 18 in a real browser: a pilot with its structured startfoto and the leercirkel
it started at (both ways), a persona with its related pages and a lesson showing the
personas it relates to. Each page: axe, the Nu Html Checker, no sideways scroll."""

import os

import pytest
from playwright.sync_api import expect

# Playwright's sync API keeps an event loop running in this thread; Django's ORM calls
# from the test (fixtures, factories) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def relations_demo(transactional_db):
    """The kennisbank, pilots and personas demos (what the relations connect)."""
    from django.core.management import call_command

    call_command(
        "load_demo",
        only=["leernetwerk.taxonomy", "leernetwerk.news", "learning", "pilots", "personas"],
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )


def _check(page, assert_accessible, assert_valid_html):
    assert_accessible(page)
    assert_valid_html(page)
    for width in (320, 768):
        page.set_viewport_size({"width": width, "height": 800})
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (page.url, width, overflow)
    page.set_viewport_size({"width": 1280, "height": 800})


def test_pilot_startfoto_and_its_leercirkel(
    page, live_server, relations_demo, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/pilots/team-12-venlo/")
    startfoto = page.locator(".pilot-startfoto")
    expect(startfoto.get_by_role("heading", name="Cijfers bij de start")).to_be_visible()
    figures = startfoto.get_by_role("region", name="Cijfers bij de start")
    expect(figures.locator("tbody tr")).to_have_count(3)
    expect(figures).to_contain_text("Illustratief demo-cijfer")
    expect(startfoto.get_by_role("region", name="Doelen").locator("tbody tr")).to_have_count(2)
    expect(startfoto).to_contain_text("Wie is verantwoordelijk")
    _check(page, assert_accessible, assert_valid_html)

    page.get_by_role("link", name="Tweede leercirkel: vijf pilots gaan van start").click()
    panel = page.locator(".pilots-started-panel")
    expect(panel.get_by_role("heading", name="Pilots die hier van start gingen")).to_be_visible()
    expect(panel.locator("li")).to_have_count(5)
    _check(page, assert_accessible, assert_valid_html)


def test_persona_related_pages_and_the_panel_on_a_lesson(
    page, live_server, relations_demo, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/personas/aya/")
    related = page.locator(".persona-related li")
    expect(related.first).to_contain_text("Midden-Holland")  # pinned by the editor
    assert 2 <= related.count() <= 6
    _check(page, assert_accessible, assert_valid_html)

    # Follow a computed lesson: it names the personas it relates to, Aya among them.
    lesson = page.locator(".persona-related li a[href*='/kennisbank/']").first
    lesson.click()
    panel = page.locator(".persona-panel")
    expect(panel.get_by_role("heading", name="Herkenbare jongeren")).to_be_visible()
    expect(panel.get_by_role("link", name="Aya, 18 jaar")).to_be_visible()
    _check(page, assert_accessible, assert_valid_html)
