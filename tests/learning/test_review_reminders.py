"""A guideline's owner is told when its review date comes near, once per date."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from learning.factories import add_richtlijn
from learning.notifications import review_reminders
from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import REDACTIE


def _guideline(kennisbank, days, **fields):
    review = timezone.localdate() + datetime.timedelta(days=days)
    return add_richtlijn(kennisbank, f"Richtlijn over {days} dagen", review_date=review, **fields)


def test_the_owner_is_told_once_per_review_date(kennisbank):
    owner = UserFactory(email="eigenaar@nji.example.org")
    guideline = _guideline(kennisbank, 10, owner=owner)
    _guideline(kennisbank, 90, owner=owner)  # not yet
    assert review_reminders() == 1
    [message] = mail.outbox
    assert message.to == ["eigenaar@nji.example.org"]
    assert guideline.title in message.subject
    assert f"/cms/pages/{guideline.pk}/edit/" in message.body
    review_reminders()
    assert len(mail.outbox) == 1
    guideline.review_date += datetime.timedelta(days=5)  # a new date is a new occasion
    guideline.save()
    review_reminders()
    assert len(mail.outbox) == 2


def test_without_an_owner_the_editors_are_told(kennisbank):
    editor = UserFactory(email="redactie@nji.example.org")
    editor.groups.add(Group.objects.get(name=REDACTIE))
    _guideline(kennisbank, -3, owner=None)
    review_reminders()
    assert [m.to for m in mail.outbox] == [["redactie@nji.example.org"]]
