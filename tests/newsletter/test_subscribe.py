"""Subscribing with double opt-in: the form, the confirmation mail and its signed link,
bad input, expired and forged links, duplicates, the rate limit and the purge."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import override_settings
from django.utils import timezone

from newsletter import tasks
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

URL = "/nieuwsbrief/"
LINK = re.compile(r"http://testserver(/nieuwsbrief/bevestigen/[^/\s]+/)")


def subscribe(client, email, name=""):
    return client.post(URL, {"email": email, "name": name})


def confirmation_path(message):
    return LINK.search(message.body).group(1)


def test_page_shows_the_form_and_links_the_archive(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="email"' in html and 'name="name"' in html
    assert 'href="/nieuwsbrief/archief/"' in html
    assert "bevestigen" in html


def test_subscribe_sends_a_confirmation_and_the_link_activates(client):
    response = subscribe(client, " Sanne.Jansen@Example.org ", "Sanne d'Ancona")
    assert response.status_code == 302
    assert response["Location"] == "/nieuwsbrief/aangemeld/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "sanne.jansen@example.org"
    assert subscriber.name == "Sanne d'Ancona"
    assert not subscriber.is_active

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne.jansen@example.org"]
    assert message.subject == "Bevestig je aanmelding voor de nieuwsbrief"
    assert message.body.startswith("Hallo Sanne d'Ancona,")  # plain text: not HTML-escaped
    assert "7 dagen" in message.body
    assert "niets te doen" in message.body
    path = confirmation_path(message)
    # The link carries neither the address nor the id.
    assert "sanne" not in path and f"/{subscriber.pk}/" not in path

    page = client.get("/nieuwsbrief/aangemeld/")
    assert "Kijk in je mailbox" in page.content.decode()

    # Opening the link (or a mail scanner doing so) confirms nothing yet.
    response = client.get(path)
    assert response.status_code == 200
    assert "Ja, stuur me de nieuwsbrief" in response.content.decode()
    subscriber.refresh_from_db()
    assert not subscriber.is_active

    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == "/nieuwsbrief/bevestigd/"
    subscriber.refresh_from_db()
    assert subscriber.is_active
    assert "Je bent aangemeld" in client.get("/nieuwsbrief/bevestigd/").content.decode()

    # Confirming twice changes nothing.
    confirmed_at = subscriber.confirmed_at
    client.post(path)
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == confirmed_at


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": ""}, "Vul je e-mailadres in."),
        ({"email": "geen-adres"}, "Vul een geldig e-mailadres in"),
        ({"email": "a@b"}, "Vul een geldig e-mailadres in"),
        ({"email": "x" * 250 + "@example.org"}, "Dit e-mailadres is te lang."),
        ({"email": "ok@example.org", "name": "n" * 101}, "hoogstens 100 tekens"),
        ({"email": "ok@example.org", "name": "Sanne\x07"}, "tekens die we niet kunnen"),
    ],
)
def test_bad_input_is_a_400_in_dutch_and_saves_nothing(client, data, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Je aanmelding is nog niet verstuurd" in html
    assert Subscriber.objects.count() == 0
    assert mail.outbox == []


def test_a_forged_or_garbled_link_is_refused(client, make_subscribers):
    (subscriber,) = make_subscribers(1, confirmed=False)
    good = subscriber.confirm_token()
    for token in ("onzin", good[:-2] + "xx", good.replace(":", "-"), "a:b:c"):
        for method in (client.get, client.post):
            response = method(f"/nieuwsbrief/bevestigen/{token}/")
            assert response.status_code == 400
            assert "Deze bevestigingslink klopt niet" in response.content.decode()
    subscriber.refresh_from_db()
    assert not subscriber.is_active


def test_an_expired_link_is_refused(client, make_subscribers, monkeypatch):
    (subscriber,) = make_subscribers(1, confirmed=False)
    eight_days_ago = time.time() - 8 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    token = subscriber.confirm_token()
    monkeypatch.undo()
    response = client.post(f"/nieuwsbrief/bevestigen/{token}/")
    assert response.status_code == 400
    assert "Deze bevestigingslink is verlopen" in response.content.decode()
    subscriber.refresh_from_db()
    assert not subscriber.is_active


def test_a_link_of_a_purged_subscription_is_explained(client, make_subscribers):
    (subscriber,) = make_subscribers(1, confirmed=False)
    token = subscriber.confirm_token()
    subscriber.delete()
    response = client.post(f"/nieuwsbrief/bevestigen/{token}/")
    assert response.status_code == 400
    assert "bestaat niet meer" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_an_active_address_gets_the_same_answer_and_no_mail(client, make_subscribers):
    (active,) = make_subscribers(1)
    new = subscribe(client, "nieuw@example.org")
    mail.outbox.clear()
    again = subscribe(client, active.email.upper(), "Andere naam")
    assert again.status_code == new.status_code == 302
    assert again["Location"] == new["Location"]
    assert mail.outbox == []
    active.refresh_from_db()
    assert active.name == ""  # nothing about the active subscription changes
    assert Subscriber.objects.count() == 2


def test_subscribing_an_unconfirmed_address_again_sends_a_new_link(client):
    subscribe(client, "twijfel@example.org")
    subscribe(client, "Twijfel@example.org", "Tim")
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().name == "Tim"
    assert len(mail.outbox) == 2
    client.post(confirmation_path(mail.outbox[0]))  # the first link still works
    assert Subscriber.objects.get().is_active


def test_the_form_is_rate_limited(client):
    for number in range(5):
        assert subscribe(client, f"lezer{number}@example.org").status_code == 302
    response = subscribe(client, "zesde@example.org")
    assert response.status_code == 429
    assert Subscriber.objects.count() == 5


def test_the_same_address_is_limited_from_other_connections(client):
    for number in range(5):
        client.post(URL, {"email": "doelwit@example.org"}, REMOTE_ADDR=f"10.0.0.{number}")
    response = client.post(URL, {"email": "doelwit@example.org"}, REMOTE_ADDR="10.0.0.99")
    assert response.status_code == 429
    assert len(mail.outbox) == 5


@override_settings(NEWSLETTER_CONFIRM_DAYS=7)
def test_purge_removes_only_expired_unconfirmed_subscriptions(make_subscribers):
    old, recent = make_subscribers(2, confirmed=False)
    (active,) = make_subscribers(1, prefix="actief")
    long_ago = timezone.now() - timedelta(days=8)
    Subscriber.objects.filter(pk__in=[old.pk, active.pk]).update(confirmation_sent_at=long_ago)
    assert tasks.purge_unconfirmed() == 1
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {recent.pk, active.pk}
