"""Unsubscribing: one-click POST (RFC 8058, no CSRF token, no session), a GET that only
asks, bad tokens, and the subscription of a logged-in account."""

import pytest
from django.test import Client

from leernetwerk.core.factories import UserFactory
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def test_get_asks_and_unsubscribes_no_one(client, make_subscribers):
    (subscriber,) = make_subscribers(1)
    response = client.get(subscriber.unsubscribe_path())
    assert response.status_code == 200
    html = response.content.decode()
    assert subscriber.email in html
    assert ">Afmelden</button>" in html
    assert 'name="robots" content="noindex, nofollow"' in html
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_one_click_post_unsubscribes_without_csrf_and_deletes_the_address(make_subscribers):
    keep, leave = make_subscribers(2)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        leave.unsubscribe_path(),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Je bent afgemeld" in response.content.decode()
    assert list(Subscriber.objects.all()) == [keep]
    assert not Subscriber.objects.filter(email=leave.email).exists()

    # Again (a mail program retrying, or the button pressed twice): still fine.
    again = client.post(leave.unsubscribe_path())
    assert again.status_code == 200
    assert client.get(leave.unsubscribe_path()).status_code == 200
    assert "staat niet (meer) op de lijst" in client.get(leave.unsubscribe_path()).content.decode()


def test_only_the_unsubscribe_endpoint_skips_csrf(make_subscribers):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/nieuwsbrief/", {"email": "x@example.org"}).status_code == 403
    (subscriber,) = make_subscribers(1, confirmed=False)
    assert client.post(f"/nieuwsbrief/bevestigen/{subscriber.confirm_token()}/").status_code == 403


@pytest.mark.parametrize("token", ["onzin", "abc:def", "x" * 300])
def test_a_bad_token_unsubscribes_no_one(client, make_subscribers, token):
    (subscriber,) = make_subscribers(1)
    for method in (client.get, client.post):
        response = method(f"/nieuwsbrief/afmelden/{token}/")
        assert response.status_code == 400
        assert "Deze afmeldlink klopt niet" in response.content.decode()
    # A confirmation token is no unsubscribe token (other salt).
    assert client.post(f"/nieuwsbrief/afmelden/{subscriber.confirm_token()}/").status_code == 400
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_an_account_subscribes_and_unsubscribes_from_its_profile(client):
    user = UserFactory(username="lisa", first_name="Lisa", last_name="Bakker")
    client.force_login(user)
    page = client.get("/nieuwsbrief/mijn-aanmelding/")
    assert page.status_code == 200
    assert "Aanmelden voor de nieuwsbrief" in page.content.decode()

    response = client.post("/nieuwsbrief/mijn-aanmelding/", {"actie": "aanmelden"})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lisa@example.org"
    assert subscriber.user == user
    assert subscriber.name == "Lisa Bakker"
    assert subscriber.is_active  # the account's address is verified already
    assert (
        "Je ontvangt de nieuwsbrief op lisa@example.org"
        in client.get("/nieuwsbrief/mijn-aanmelding/").content.decode()
    )

    assert client.post("/nieuwsbrief/mijn-aanmelding/", {"actie": "afmelden"}).status_code == 302
    assert Subscriber.objects.count() == 0


def test_an_account_takes_over_a_pending_subscription_of_its_address(client, make_subscribers):
    user = UserFactory(username="lezer0")
    (pending,) = make_subscribers(1, confirmed=False)
    client.force_login(user)
    client.post("/nieuwsbrief/mijn-aanmelding/", {"actie": "aanmelden"})
    pending.refresh_from_db()
    assert pending.is_active and pending.user == user


def test_my_subscription_needs_a_login_and_a_known_action(client):
    assert client.get("/nieuwsbrief/mijn-aanmelding/").status_code == 302
    client.force_login(UserFactory())
    response = client.post("/nieuwsbrief/mijn-aanmelding/", {"actie": "iets-anders"})
    assert response.status_code == 400
    assert "Dat lukte niet" in response.content.decode()
    assert Subscriber.objects.count() == 0
