"""The reminder the day before: confirmed registrants of events starting within 24 hours,
once each; account holders through notify (their own choice), others by e-mail."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from agenda.factories import make_event
from agenda.models import Registration
from agenda.reminders import REMINDER_KIND, send_reminders
from agenda.services import register
from agenda.tasks import send_reminders as reminder_task
from agenda.wagtail_hooks import periodic_tasks
from leernetwerk.core.factories import UserFactory
from leernetwerk.core.hooks import periodic_tasks as all_periodic_tasks
from leernetwerk.notifications.kinds import registered_kinds
from leernetwerk.notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def tomorrow(index):
    """An event 30 hours ahead, with registrations made two days before it."""
    event = make_event(index, "Leercirkel morgen", days=2, capacity=2)
    return event


def _register_early(event, **fields):
    registration = register(event, **fields)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=event.start - datetime.timedelta(days=3)
    )
    return registration


def test_reminder_task_and_kind_are_registered():
    assert REMINDER_KIND in registered_kinds()
    assert "agenda.send_reminders" in {task.task for task in all_periodic_tasks()}
    (task,) = periodic_tasks()
    assert task.schedule.minute == {5}  # hourly, at five past


def test_reminds_in_the_24_hour_window_once(index):
    event = make_event(index, "Werksessie", days=3)
    registration = _register_early(event, name="Noor", email="noor@example.org")
    mail.outbox.clear()

    assert send_reminders(now=event.start - 25 * HOUR) == 0  # too early
    assert send_reminders(now=event.start - 23 * HOUR) == 1
    assert send_reminders(now=event.start - 22 * HOUR) == 0  # idempotent
    assert reminder_task.delay().get() == 0  # the Celery task, eager in the tests

    (message,) = mail.outbox
    assert message.to == ["noor@example.org"]
    assert message.subject == "Herinnering: Werksessie"
    assert "Beste Noor," in message.body and "/afmelden/" in message.body
    (vevent,) = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert vevent.decoded("DTSTART") == event.start
    registration.refresh_from_db()
    assert registration.reminded_at == event.start - 23 * HOUR


def test_account_holders_are_reminded_through_notify(index):
    event = make_event(index, "Leercirkel", days=3)
    user = UserFactory(email="account@example.org")
    _register_early(event, name="Account", email="account@example.org", user=user)
    digest = UserFactory(email="overzicht@example.org")
    Preference.objects.create(user=digest, kind=REMINDER_KIND, choice="digest")
    _register_early(event, name="Overzicht", email="overzicht@example.org", user=digest)
    mail.outbox.clear()

    assert send_reminders(now=event.start - 20 * HOUR) == 2
    (message,) = mail.outbox  # the digest user gets it in tomorrow's overview
    assert message.to == ["account@example.org"] and message.subject == "Herinnering: Leercirkel"
    assert event.url in message.body
    notes = Notification.objects.filter(kind=REMINDER_KIND)
    assert {n.user for n in notes} == {user, digest}
    assert send_reminders(now=event.start - 19 * HOUR) == 0
    assert notes.count() == 2


def test_no_reminder_for_waiting_cancelled_late_or_past(index):
    event = make_event(index, "Klein", days=3, capacity=1)
    _register_early(event, name="Bevestigd", email="a@example.org")
    _register_early(event, name="Wachtend", email="b@example.org")
    cancelled = _register_early(make_event(index, "Ander", days=3), name="C", email="c@e.org")
    Registration.objects.filter(pk=cancelled.pk).update(status="geannuleerd")
    late = register(make_event(index, "Laat", days=3), name="Laat", email="d@example.org")
    Registration.objects.filter(pk=late.pk).update(created_at=late.event.start - 2 * HOUR)
    mail.outbox.clear()

    assert send_reminders(now=event.start - 12 * HOUR) == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert send_reminders(now=event.start + HOUR) == 0  # started: nobody any more


def test_moved_up_within_the_window_gets_no_extra_reminder(index):
    event = make_event(index, "Werksessie", days=3, capacity=1)
    first = _register_early(event, name="Eerste", email="eerste@example.org")
    waiting = _register_early(event, name="Tweede", email="tweede@example.org")
    Registration.objects.filter(pk=first.pk).update(status="geannuleerd")
    Registration.objects.filter(pk=waiting.pk).update(
        status="bevestigd", promoted_at=event.start - 3 * HOUR
    )
    assert send_reminders(now=event.start - 2 * HOUR) == 0
    assert timezone.now() < event.start
