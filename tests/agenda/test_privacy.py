"""Registrations are personal data: in the account's data export, and on deleting the
account upcoming ones are cancelled (the waiting list moves up) and all are anonymised.
Also the report panel a learning circle gets through PAGE_PANELS."""

import json

import pytest
from django.core import mail

from agenda.factories import make_event
from agenda.models import EventSeats, Registration
from agenda.services import register
from learning.factories import add_leercirkel, make_kennisbank
from leernetwerk.core.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def member(db):
    return UserFactory(username="deelnemer", email="deelnemer@example.org")


def test_registrations_are_in_the_account_data(client, member, event):
    register(event, name="Deelnemer", email=member.email, organisation="Jongerenwerk", user=member)
    register(event, name="Iemand anders", email="ander@example.org")
    client.force_login(member)
    data = json.loads(client.get("/account/profiel/mijn-gegevens.json").content)
    (item,) = data["aanmeldingen_bijeenkomsten"]
    assert item["bijeenkomst"] == "Leercirkel wonen en zorg"
    assert item["status"] == "Bevestigd" and item["organisatie"] == "Jongerenwerk"


def test_deleting_the_account_cancels_upcoming_and_anonymises_all(client, member, index):
    upcoming = make_event(index, "Komende werksessie", capacity=1, kind="werksessie")
    past = make_event(index, "Afgelopen leercirkel", days=-5)
    mine = register(upcoming, name="Deelnemer", email=member.email, user=member)
    waiting = register(upcoming, name="Wachtende", email="wacht@example.org")
    Registration.objects.create(
        event=past, user=member, name="Deelnemer", email=member.email, status="bevestigd"
    )
    mail.outbox.clear()
    client.force_login(member)
    notices = client.get("/account/profiel/verwijderen/").content.decode()
    assert "komende bijeenkomst" in notices and "vervalt" in notices

    response = client.post("/account/profiel/verwijderen/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302

    mine.refresh_from_db()
    assert mine.status == "geannuleerd" and mine.user is None
    assert mine.name == "Verwijderd account" and "deelnemer" not in mine.email
    old = Registration.objects.get(event=past)
    assert old.status == "bevestigd" and old.name == "Verwijderd account" and old.user is None
    assert not Registration.objects.filter(email=member.email).exists()
    waiting.refresh_from_db()
    assert waiting.status == "bevestigd"
    assert EventSeats.objects.get(event=upcoming).taken == 1
    assert [m.to for m in mail.outbox] == [["wacht@example.org"]]


def test_report_panel_links_a_learning_circle_to_its_event(client, home, index):
    leercirkel = add_leercirkel(make_kennisbank(home), "Verslag derde leercirkel")
    event = make_event(index, "Derde leercirkel", days=-10, report_page=leercirkel)
    html = client.get(leercirkel.url).content.decode()
    assert "Deze leercirkel hoort bij de bijeenkomst" in html
    assert f'href="{event.url}"' in html
    # After the event, the event page links to its report.
    event_html = client.get(event.url).content.decode()
    assert "Verslag derde leercirkel" in event_html and f'href="{leercirkel.url}"' in event_html


def test_no_report_link_before_the_event(client, home, index):
    leercirkel = add_leercirkel(make_kennisbank(home), "Voorbereiding")
    event = make_event(index, "Nog niet geweest", days=5, report_page=leercirkel)
    assert "Voorbereiding" not in client.get(event.url).content.decode()
