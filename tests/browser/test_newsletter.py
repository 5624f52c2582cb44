"""The newsletter in a real browser: the subscription page (with an error, then a
subscription confirmed through the mailed link), the archive and an archived issue, and
the unsubscribe page; each with axe, the HTML checker and no sideways scrolling at 320 px."""

import os
import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def newsletter_demo(transactional_db):
    """Page tree, news and the newsletter demo (a sent issue, a draft, subscribers)."""
    call_command(
        "load_demo",
        only=["leernetwerk.taxonomy", "leernetwerk.news", "newsletter"],
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )


def assert_fits(page, width=320):
    page.set_viewport_size({"width": width, "height": 800})
    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, f"{page.url}: {scroll_width} > {inner_width} px"


def check(page, assert_accessible, assert_valid_html):
    assert_valid_html(page)
    assert_fits(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 800})


def test_subscribe_through_the_form(
    page, live_server, newsletter_demo, assert_accessible, assert_valid_html
):
    from newsletter.models import Subscriber

    mail.outbox.clear()
    page.goto(f"{live_server.url}/nieuwsbrief/")
    expect(page.locator("h1")).to_have_text("Nieuwsbrief")
    expect(page.get_by_role("link", name="Naar het archief van alle nieuwsbrieven")).to_be_visible()
    check(page, assert_accessible, assert_valid_html)

    page.fill("#id_email", "geen adres")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".field-errors")).to_contain_text("Vul een geldig e-mailadres in")
    check(page, assert_accessible, assert_valid_html)

    page.fill("#id_email", "fatima@example.org")
    page.fill("#id_name", "Fatima")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1")).to_have_text("Kijk in je mailbox")
    check(page, assert_accessible, assert_valid_html)
    assert not Subscriber.objects.get(email="fatima@example.org").is_active

    (message,) = mail.outbox
    link = re.search(r"http://\S+/nieuwsbrief/bevestigen/\S+/", message.body).group(0)
    page.goto(link.replace("http://testserver", live_server.url))
    expect(page.locator("h1")).to_have_text("Aanmelding bevestigen")
    check(page, assert_accessible, assert_valid_html)
    page.get_by_role("button", name="Ja, stuur me de nieuwsbrief").click()
    expect(page.locator("h1")).to_have_text("Je bent aangemeld")
    check(page, assert_accessible, assert_valid_html)
    assert Subscriber.objects.get(email="fatima@example.org").is_active


def test_archive_and_an_issue(
    page, live_server, newsletter_demo, assert_accessible, assert_valid_html
):
    page.goto(f"{live_server.url}/nieuwsbrief/archief/")
    expect(page.locator("h1")).to_have_text("Archief van de nieuwsbrief")
    issues = page.locator(".card__title a")
    expect(issues).to_have_count(1)  # the draft is not in the archive
    check(page, assert_accessible, assert_valid_html)

    issues.first.click()
    expect(page.locator("h1")).to_contain_text("doorlopen na je achttiende")
    expect(page.locator(".card").first).to_be_visible()
    check(page, assert_accessible, assert_valid_html)


def test_unsubscribe_page(page, live_server, newsletter_demo, assert_accessible, assert_valid_html):
    from newsletter.models import Subscriber

    subscriber = Subscriber.objects.order_by("pk").first()
    page.goto(live_server.url + subscriber.unsubscribe_path())
    expect(page.locator("h1")).to_have_text("Afmelden voor de nieuwsbrief")
    check(page, assert_accessible, assert_valid_html)
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("h1")).to_have_text("Je bent afgemeld")
    check(page, assert_accessible, assert_valid_html)
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
