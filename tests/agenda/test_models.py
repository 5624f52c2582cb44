"""Event validation, the report page type, the event's own date and its places."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from agenda.factories import make_event
from agenda.models import EventPage, EventSeats, validate_web_url

pytestmark = pytest.mark.django_db


def _unsaved(**fields):
    start = timezone.now() + datetime.timedelta(days=5)
    values = {
        "title": "Werksessie",
        "slug": "werksessie",
        "kind": "werksessie",
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "place": "Utrecht",
        "capacity": 10,
        "registration_closes": start - datetime.timedelta(hours=1),
    }
    values.update(fields)
    return EventPage(**values)


TREE_FIELDS = ["path", "depth"]  # set by Wagtail when the page is added to the tree


def _errors(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=TREE_FIELDS)
    return caught.value.message_dict


def test_a_valid_event_passes():
    _unsaved().full_clean(exclude=TREE_FIELDS)


def test_end_must_come_after_start():
    page = _unsaved()
    page.end = page.start
    assert "Het einde moet na het begin liggen." in _errors(page)["end"]


def test_registration_cannot_close_after_the_start():
    page = _unsaved()
    page.registration_closes = page.start + datetime.timedelta(minutes=1)
    assert "registration_closes" in _errors(page)


def test_place_or_online_link_is_required():
    assert "place" in _errors(_unsaved(place="  ", online_url=""))
    _unsaved(place="", online_url="https://meet.example.org/leercirkel").full_clean(
        exclude=TREE_FIELDS
    )


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://files.example.org/x", "mailto:a@example.org"]
)
def test_online_link_is_http_or_https_only(url):
    with pytest.raises(ValidationError):
        validate_web_url(url)
    assert "online_url" in _errors(_unsaved(online_url=url))


@pytest.mark.parametrize("capacity", [0, -3])
def test_capacity_is_a_positive_integer(capacity):
    assert "capacity" in _errors(_unsaved(capacity=capacity))


def test_report_must_be_a_learning_circle(index, home):
    page = _unsaved(report_page=home)
    assert "report_page" in _errors(page)


def test_event_carries_its_own_date_in_dutch_time(index):
    # 23:30 UTC on 31 December is already 1 January in Amsterdam.
    start = datetime.datetime(2030, 12, 31, 23, 30, tzinfo=datetime.UTC)
    event = make_event(index, "Oudejaarsavond", start=start, registration_closes=start)
    assert event.date == datetime.date(2031, 1, 1)


def test_every_event_has_a_seat_counter_and_availability(index):
    event = make_event(index, "Werksessie", capacity=3, taken=1)
    assert EventSeats.objects.get(event=event).taken == 1
    event = EventPage.objects.select_related("seats").get(pk=event.pk)
    assert event.places_left == 2 and event.availability() == "open"
    EventSeats.objects.filter(event=event).update(taken=3)
    event = EventPage.objects.select_related("seats").get(pk=event.pk)
    assert event.availability() == "vol"
    later = event.registration_closes + datetime.timedelta(seconds=1)
    assert event.availability(later) == "gesloten"


def test_publishing_a_revision_keeps_the_seat_count(index):
    event = make_event(index, "Webinar", capacity=10, taken=4, kind="webinar")
    event.capacity = 12
    event.save_revision().publish()
    assert EventSeats.objects.get(event=event).taken == 4
