"""The newsletter demo: subscribers, a sent issue in the archive with news items, and a
draft; loading it twice changes nothing."""

import os

import pytest
from django.core.management import call_command
from django.utils.html import escape

from newsletter.models import NewsletterIssue, SendJob, Subscriber

pytestmark = pytest.mark.django_db


def load(*extra):
    call_command(
        "load_demo",
        only=["leernetwerk.taxonomy", "leernetwerk.news", *extra, "newsletter"],
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )


def test_demo_is_idempotent_and_shows_a_sent_issue(client):
    load()
    load()
    assert Subscriber.objects.active().count() == 4
    assert NewsletterIssue.objects.count() == 2
    (sent,) = NewsletterIssue.objects.sent()
    assert SendJob.objects.get(issue=sent).finished_at
    items = sent.resolved_items()
    assert len(items) == 2  # the two newest news items; no kennisbank loaded here
    html = client.get(sent.get_absolute_url()).content.decode()
    assert "16-27" in html and escape(items[0].title) in html
    archive = client.get("/nieuwsbrief/archief/").content.decode()
    assert sent.subject in archive and "(concept)" not in archive


def test_with_the_agenda_the_draft_announces_coming_events():
    load("agenda")
    draft = NewsletterIssue.objects.get(sent_at__isnull=True)
    kinds = [type(block.value.specific).__name__ for block in draft.items]
    assert kinds.count("EventPage") == 2
