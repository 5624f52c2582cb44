"""Registering on the event page: the happy path with its e-mail and .ics, every bad
input, the closing time, past events, duplicates, a full event's waiting list, and
cancelling (GET asks, POST cancels) with the first on the waiting list moving up."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from agenda.factories import make_event
from agenda.models import EventSeats, Registration, RegistrationStatus
from agenda.services import register
from leernetwerk.core.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD = {"name": "Fatima el Amrani", "email": "Fatima@Wijkteam.example", "organisation": "Wijkteam"}


def _post(client, event, **changes):
    return client.post(event.url, {**GOOD, **changes})


def _ics(message):
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    name, content, mimetype = attachment
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def _cancel_link(message):
    (line,) = [line for line in message.body.splitlines() if "/afmelden/" in line]
    return line.strip()


def test_registration_confirms_and_mails_the_ics_and_cancel_link(client, event):
    response = _post(client, event)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.email == "fatima@wijkteam.example"
    assert registration.user is None
    assert EventSeats.objects.get(event=event).taken == 1

    page = client.get(response["Location"]).content.decode()
    assert "Je bent aangemeld." in page and "fatima@wijkteam.example" in page

    (message,) = mail.outbox
    assert message.to == ["fatima@wijkteam.example"]
    assert message.subject == "Je bent aangemeld: Leercirkel wonen en zorg"
    assert "Beste Fatima el Amrani," in message.body
    assert "Catharijnesingel 47, Utrecht" in message.body
    assert _cancel_link(message).endswith(f"{event.url}afmelden/{registration.token}/")
    (vevent,) = _ics(message).walk("VEVENT")
    assert vevent.decoded("DTSTART") == event.start
    assert "Leercirkel wonen en zorg" in str(vevent["SUMMARY"])


def test_online_link_only_in_the_registrants_mail(client, index):
    event = make_event(
        index, "Webinar", kind="webinar", place="", online_url="https://meet.example.org/abc"
    )
    assert "meet.example.org/abc" not in client.get(event.url).content.decode()
    _post(client, event)
    (message,) = mail.outbox
    assert "Online:      https://meet.example.org/abc" in message.body
    (vevent,) = _ics(message).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "https://meet.example.org/abc"


def test_logged_in_user_gets_own_data_and_linked_registration(client, event):
    user = UserFactory(
        first_name="Joris", last_name="de Vries", email="joris@gemeente.example",
        organisation="Gemeente Zwolle",
    )  # fmt: skip
    client.force_login(user)
    html = client.get(event.url).content.decode()
    assert 'value="Joris de Vries"' in html and 'value="joris@gemeente.example"' in html
    assert 'value="Gemeente Zwolle"' in html
    client.post(
        event.url,
        {"name": "Joris de Vries", "email": "joris@gemeente.example", "organisation": "Zwolle"},
    )
    assert Registration.objects.get().user == user


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": ""}, "name", "Vul het veld &#x27;Naam&#x27; in."),
        ({"name": "   "}, "name", "Vul het veld &#x27;Naam&#x27; in."),
        ({"email": ""}, "email", "Vul het veld &#x27;E-mailadres&#x27; in."),
        ({"email": "geen-adres"}, "email", "Vul een geldig e-mailadres in"),
        ({"email": "a@b"}, "email", "Vul een geldig e-mailadres in"),
        ({"name": "x" * 151}, "name", "ten hoogste 150 tekens"),
        ({"organisation": "o" * 201}, "organisation", "ten hoogste 200 tekens"),
    ],
)
def test_bad_input_is_a_400_with_a_dutch_message_and_nothing_saved(
    client, event, changes, field, message
):
    response = _post(client, event, **changes)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Je aanmelding is nog niet verstuurd." in html
    assert message in html
    assert Registration.objects.count() == 0 and mail.outbox == []
    assert EventSeats.objects.get(event=event).taken == 0


def test_registrations_per_address_are_limited(client, event, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "bijeenkomst": "2/h"}
    for number in range(2):
        assert _post(client, event, email=f"deelnemer{number}@example.org").status_code == 302
    mail.outbox.clear()
    response = _post(client, event, email="derde@example.org")
    assert response.status_code == 429
    assert "te vaak verstuurd" in response.content.decode()
    assert Registration.objects.count() == 2 and mail.outbox == []


def test_honeypot_stores_nothing(client, event):
    response = _post(client, event, website="http://spam.example")
    assert response.status_code == 302
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_no_registration_after_the_closing_time(client, index):
    start = timezone.now() + datetime.timedelta(days=2)
    event = make_event(
        index, "Gesloten", start=start, registration_closes=timezone.now() - datetime.timedelta(1)
    )
    html = client.get(event.url).content.decode()
    assert "Aanmelden gesloten" in html and 'name="email"' not in html
    response = _post(client, event)
    assert response.status_code == 403
    assert "Aanmelden voor deze bijeenkomst is gesloten." in response.content.decode()
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_no_registration_for_a_past_event(client, index):
    event = make_event(index, "Geweest", days=-2)
    assert _post(client, event).status_code == 403
    assert Registration.objects.count() == 0


def test_one_registration_per_email_per_event(client, event, index):
    _post(client, event)
    response = _post(client, event, email="FATIMA@wijkteam.example ", name="Fatima")
    assert response.status_code == 400
    assert "Met dit e-mailadres ben je al aangemeld voor deze bijeenkomst." in (
        response.content.decode()
    )
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1
    assert EventSeats.objects.get(event=event).taken == 1
    # Another event is another registration.
    other = make_event(index, "Andere bijeenkomst", days=12)
    assert _post(client, other).status_code == 302


def test_full_event_puts_registrant_on_the_waiting_list(client, full_event):
    html = client.get(full_event.url).content.decode()
    assert "Vol – wachtlijst" in html and "Op de wachtlijst" in html
    response = _post(client, full_event)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.WAITING
    assert EventSeats.objects.get(event=full_event).taken == 2
    page = client.get(response["Location"]).content.decode()
    assert "Je staat op de wachtlijst" in page
    (message,) = mail.outbox
    assert message.subject == "Je staat op de wachtlijst: Volle werksessie"
    assert "automatisch door" in message.body
    assert message.attachments == []
    assert _cancel_link(message).endswith(f"afmelden/{registration.token}/")


def test_cancel_page_asks_first_and_get_never_cancels(client, event):
    registration = register(event, name="Sem", email="sem@example.org")
    url = registration.cancel_url()
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "Weet je zeker dat je je wilt afmelden?" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_unknown_token_is_404(client, event):
    assert client.get(f"{event.url}afmelden/bestaat-niet/").status_code == 404
    assert client.post(f"{event.url}afmelden/bestaat-niet/").status_code == 404


def test_token_of_another_event_is_404(client, event, index):
    other = make_event(index, "Andere", days=4)
    registration = register(other, name="Sem", email="sem@example.org")
    assert client.get(f"{event.url}afmelden/{registration.token}/").status_code == 404


def test_cancel_frees_the_place_and_promotes_the_first_waiting(client, index):
    event = make_event(index, "Kleine werksessie", capacity=1, kind="werksessie")
    first = register(event, name="Eerste", email="eerste@example.org")
    second = register(event, name="Tweede", email="tweede@example.org")
    third = register(event, name="Derde", email="derde@example.org")
    assert [r.status for r in (first, second, third)] == ["bevestigd", "wachtlijst", "wachtlijst"]

    response = client.post(first.cancel_url())
    assert response.status_code == 200
    assert "Je bent afgemeld." in response.content.decode()

    for registration in (first, second, third):
        registration.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED and first.cancelled_at
    assert second.status == RegistrationStatus.CONFIRMED and second.promoted_at
    assert third.status == RegistrationStatus.WAITING
    assert EventSeats.objects.get(event=event).taken == 1

    (message,) = mail.outbox
    assert message.to == ["tweede@example.org"]
    assert message.subject == ("Er is een plaats vrij: je bent aangemeld voor Kleine werksessie")
    assert "Beste Tweede," in message.body
    assert _cancel_link(message).endswith(f"afmelden/{second.token}/")
    (vevent,) = _ics(message).walk("VEVENT")
    assert vevent.decoded("DTSTART") == event.start

    # A second POST (double click, reload) changes nothing and promotes nobody else.
    again = client.post(first.cancel_url())
    assert "Deze aanmelding is al geannuleerd." in again.content.decode()
    third.refresh_from_db()
    assert third.status == RegistrationStatus.WAITING and len(mail.outbox) == 1


def test_leaving_the_waiting_list_promotes_nobody(client, full_event):
    waiting = register(full_event, name="Wachter", email="wachter@example.org")
    client.post(waiting.cancel_url())
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CANCELLED
    assert EventSeats.objects.get(event=full_event).taken == 2 and mail.outbox == []


def test_cancelled_address_may_register_again(client, event):
    registration = register(event, name="Sem", email="sem@example.org")
    client.post(registration.cancel_url())
    assert _post(client, event, email="sem@example.org").status_code == 302
    assert Registration.objects.filter(status="bevestigd").count() == 1


def test_no_cancelling_once_the_event_started(client, index):
    event = make_event(index, "Loopt al", days=1)
    registration = register(event, name="Sem", email="sem@example.org")
    started = timezone.now() - datetime.timedelta(minutes=5)
    type(event).objects.filter(pk=event.pk).update(
        start=started, registration_closes=started - datetime.timedelta(hours=1)
    )
    response = client.post(registration.cancel_url())
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
