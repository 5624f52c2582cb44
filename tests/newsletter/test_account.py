"""The subscription is personal data: in the account's data download, and gone with the
account."""

import json

import pytest
from django.contrib.auth import get_user_model

from leernetwerk.core.factories import UserFactory
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def subscribed_user(db):
    user = UserFactory(username="noor")
    Subscriber.objects.create(
        email="NOOR@example.org".lower(), name="Noor", confirmed_at="2024-05-01T10:00Z"
    )
    return user


def test_download_includes_the_subscription(client, subscribed_user):
    client.force_login(subscribed_user)
    data = json.loads(client.get("/account/profiel/mijn-gegevens.json").content)
    (entry,) = data["nieuwsbrief"]
    assert entry["e-mailadres"] == "noor@example.org"
    assert entry["naam"] == "Noor"
    assert entry["bevestigd_op"].startswith("2024-05-01")


def test_download_without_subscription_has_an_empty_list(client):
    client.force_login(UserFactory())
    data = json.loads(client.get("/account/profiel/mijn-gegevens.json").content)
    assert data["nieuwsbrief"] == []


def test_deleting_the_account_removes_the_subscription(client, subscribed_user):
    other = Subscriber.objects.create(email="ander@example.org", confirmed_at="2024-05-01T10:00Z")
    client.force_login(subscribed_user)
    page = client.get("/account/profiel/verwijderen/").content.decode()
    assert "Je aanmelding voor de nieuwsbrief wordt ook verwijderd." in page
    response = client.post("/account/profiel/verwijderen/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="noor").exists()
    assert list(Subscriber.objects.all()) == [other]
