"""The reminder the day before an event (task ``agenda.send_reminders``, hourly).

Window: a confirmed registration is reminded once, in the first hourly run that sees its
event start within the next 24 hours (so about 23 to 24 hours before the start).
Registrations confirmed inside those last 24 hours (registered or moved up from the
waiting list) get no reminder: their confirmation just arrived. Idempotent: the
``reminded_at`` field is claimed with a conditional UPDATE before anything is sent, so
a run that repeats, overlaps or retries never reminds anyone twice.
"""

import datetime

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from leernetwerk.notifications import notify

from .emails import send_reminder_mail
from .models import Registration, RegistrationStatus

REMINDER_WINDOW = datetime.timedelta(hours=24)
REMINDER_KIND = "agenda.reminder"


def due_reminders(now):
    return (
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            reminded_at__isnull=True,
            event__live=True,
            event__start__gt=now,
            event__start__lte=now + REMINDER_WINDOW,
        )
        .annotate(confirmed_at=Coalesce("promoted_at", "created_at"))
        .filter(confirmed_at__lte=F("event__start") - REMINDER_WINDOW)
        .select_related("event", "user")
        .order_by("event__start", "pk")
    )


def send_reminders(now=None):
    """Remind every due registrant; returns how many were reminded."""
    now = now or timezone.now()
    sent = 0
    for registration in due_reminders(now):
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue  # another run got there first
            _remind(registration)
        sent += 1
    return sent


def _remind(registration):
    event = registration.event
    user = registration.user
    if user is not None and user.is_active:
        # An account holder chose how they hear from us (direct, daily overview, off).
        start = timezone.localtime(event.start)
        notify(
            user,
            kind=REMINDER_KIND,
            subject=f"Herinnering: {event.title}",
            text=f"De bijeenkomst begint {start:%d-%m-%Y} om {start:%H:%M} uur.",
            url=event.url,
            once=f"{REMINDER_KIND}.{registration.pk}",
        )
    else:
        send_reminder_mail(registration)
