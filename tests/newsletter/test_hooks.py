"""What the newsletter adds elsewhere: a profile link, a panel under news pages, the
daily purge, and its actions in the CMS editor."""

import pytest

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.hooks import periodic_tasks
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def test_profile_links_to_the_subscription(client):
    user = UserFactory(username="ruben")
    client.force_login(user)
    html = client.get("/account/profiel/").content.decode()
    assert 'href="/nieuwsbrief/mijn-aanmelding/">Nieuwsbrief: aanmelden</a>' in html
    Subscriber.objects.create(email=user.email, user=user, confirmed_at="2024-01-01T00:00Z")
    html = client.get("/account/profiel/").content.decode()
    assert "Nieuwsbrief: je bent aangemeld (afmelden)" in html


def test_news_pages_point_to_the_newsletter(client, news_index, issue):
    for url in ("/nieuws/", "/nieuws/nieuwsbericht-0/"):
        html = client.get(url).content.decode()
        assert 'href="/nieuwsbrief/">Meld je aan voor de nieuwsbrief</a>' in html
    assert "Meld je aan voor de nieuwsbrief" not in client.get("/").content.decode()


def test_unconfirmed_subscriptions_are_purged_daily():
    (task,) = [task for task in periodic_tasks() if task.task == "newsletter.purge_unconfirmed"]
    assert task.schedule.hour == {4}


def test_the_editor_offers_test_and_send_by_role(client, issue, redactie, moderator):
    edit = f"/cms/snippets/newsletter/newsletterissue/edit/{issue.pk}/"
    client.force_login(redactie)
    html = client.get(edit).content.decode()
    assert f"/cms/nieuwsbrief/{issue.pk}/test/" in html
    assert f"/cms/nieuwsbrief/{issue.pk}/verzenden/" in html
    client.force_login(moderator)
    html = client.get(edit).content.decode()
    assert f"/cms/nieuwsbrief/{issue.pk}/test/" in html
    assert f"/cms/nieuwsbrief/{issue.pk}/verzenden/" not in html


def test_redactie_finds_and_removes_subscribers_but_adds_none(client, redactie, make_subscribers):
    make_subscribers(3)
    client.force_login(redactie)
    listing = "/cms/snippets/newsletter/subscriber/"
    html = client.get(listing + "?q=lezer1").content.decode()
    assert "lezer1@example.org" in html and "lezer2@example.org" not in html
    assert client.get(listing + "add/").status_code == 302  # refused: back to the dashboard
    subscriber = Subscriber.objects.get(email="lezer1@example.org")
    response = client.post(f"{listing}delete/{subscriber.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
