"""The platform's notifications: per-user choice, direct mail, the daily digest."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail import hooks

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.hooks import NOTIFICATION_KINDS
from leernetwerk.notifications import NotificationKind, notify
from leernetwerk.notifications.models import Notification, Preference
from leernetwerk.notifications.sending import purge_old, send_digests

KIND = NotificationKind(key="test.something", label="Er gebeurde iets", description="Testsoort.")
QUIET = NotificationKind(key="test.quiet", label="Stil", default="off")


@pytest.fixture(autouse=True)
def kinds():
    with hooks.register_temporarily(NOTIFICATION_KINDS, lambda: [KIND, QUIET]):
        yield


def test_direct_mail_says_what_happened_and_links_only(db):
    user = UserFactory(email="ayla@example.org", first_name="Ayla")
    notify(user, kind=KIND.key, subject="Je plan is gewijzigd", url="/toekomstplan/3/")
    [message] = mail.outbox
    assert message.to == ["ayla@example.org"]
    assert message.subject == "Je plan is gewijzigd"
    assert "http://testserver/toekomstplan/3/" in message.body
    assert "http://testserver/account/meldingen/" in message.body
    assert "Er gebeurde iets" in message.body
    notification = Notification.objects.get()
    assert notification.channel == "direct" and notification.emailed_at is not None


def test_off_sends_and_keeps_nothing(db):
    user = UserFactory()
    Preference.objects.create(user=user, kind=KIND.key, choice="off")
    notify([user], kind=KIND.key, subject="Iets", url="/")
    notify([user], kind=QUIET.key, subject="Stil", url="/")  # off by default
    assert mail.outbox == [] and not Notification.objects.exists()


def test_inactive_users_and_users_without_address_are_skipped(db):
    notify(
        [UserFactory(is_active=False), UserFactory(email="")], kind=KIND.key, subject="x", url="/"
    )
    assert mail.outbox == []


def test_digest_gathers_once_a_day_and_never_twice(db):
    user = UserFactory(email="jesse@example.org")
    Preference.objects.create(user=user, kind=KIND.key, choice="digest")
    notify(user, kind=KIND.key, subject="Nieuwe reactie op Wonen met begeleiding", url="/a/")
    notify(user, kind=KIND.key, subject="Nieuwe reactie op Schulden", url="/b/")
    assert mail.outbox == []
    assert send_digests() == 1
    [message] = mail.outbox
    assert "2 meldingen" in message.subject
    assert "Wonen met begeleiding" in message.body and "http://testserver/b/" in message.body
    assert send_digests() == 0
    assert len(mail.outbox) == 1


def test_unknown_kind_is_a_programming_error(db):
    with pytest.raises(ValueError, match="NOTIFICATION_KINDS"):
        notify(UserFactory(), kind="test.unknown", subject="x", url="/")


def test_old_notifications_are_purged(db):
    user = UserFactory()
    notify(user, kind=KIND.key, subject="Oud", url="/")
    Notification.objects.update(created_at=timezone.now() - timedelta(days=91))
    notify(user, kind=KIND.key, subject="Nieuw", url="/")
    assert purge_old() == 1
    assert list(Notification.objects.values_list("subject", flat=True)) == ["Nieuw"]


def test_preferences_page_saves_a_choice_per_kind(client, db):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/account/meldingen/")
    assert page.status_code == 200
    assert "Er gebeurde iets" in page.content.decode()
    response = client.post("/account/meldingen/", {KIND.key: "digest", QUIET.key: "direct"})
    assert response.status_code == 302
    assert dict(Preference.objects.filter(user=user).values_list("kind", "choice")) == {
        KIND.key: "digest",
        QUIET.key: "direct",
    }


@pytest.mark.parametrize("value", ["", "altijd", "\x00", "direct" * 100])
def test_preferences_refuse_bad_input_and_save_nothing(client, db, value):
    client.force_login(UserFactory())
    response = client.post("/account/meldingen/", {KIND.key: value, QUIET.key: "off"})
    assert response.status_code == 400
    assert "Kies" in response.content.decode() or "geldige keuze" in response.content.decode()
    assert not Preference.objects.exists()


def test_preferences_need_a_login(client, db):
    response = client.get("/account/meldingen/")
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_profile_links_to_the_preferences_and_export_holds_them(client, db):
    user = UserFactory()
    Preference.objects.create(user=user, kind=KIND.key, choice="digest")
    client.force_login(user)
    assert 'href="/account/meldingen/"' in client.get("/account/profiel/").content.decode()
    data = client.get("/account/profiel/mijn-gegevens.json").json()
    assert data["meldingsvoorkeuren"] == [{"kind": KIND.key, "choice": "digest"}]


def test_a_reminder_with_a_once_key_reaches_each_user_once(db):
    first, second = UserFactory(), UserFactory()
    notify([first], kind=KIND.key, subject="Binnenkort", url="/", once="test:1")
    notify([first, second], kind=KIND.key, subject="Binnenkort", url="/", once="test:1")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])
    notify([first], kind=KIND.key, subject="Binnenkort", url="/", once="test:2")
    assert len(mail.outbox) == 3
