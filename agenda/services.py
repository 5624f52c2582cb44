"""Registering, cancelling and the waiting list, without overbooking.

A place is claimed with ONE conditional UPDATE on the event's counter row::

    UPDATE agenda_eventseats SET taken = taken + 1
     WHERE event_id = %s AND taken < (SELECT capacity FROM agenda_eventpage WHERE ...)

The database checks and increments in one statement under the row's write lock. On
PostgreSQL a concurrent UPDATE waits for the lock and then re-evaluates the WHERE clause
on the committed row (READ COMMITTED), so the last place goes to exactly one request;
SQLite lets one writer at a time in. Nothing counts registrations and then inserts.
"""

import time

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F, Subquery
from django.utils import timezone

from .models import EventPage, EventSeats, Registration, RegistrationStatus


class RegistrationClosed(Exception):
    """Registration is closed (past the closing time, or the event has started)."""


class AlreadyRegistered(Exception):
    """This e-mail address already has a live registration for the event."""


def claim_place(event_id):
    """Take one place if one is left; True when it was taken."""
    capacity = EventPage.objects.filter(pk=event_id).order_by().values("capacity")[:1]
    claimed = EventSeats.objects.filter(event_id=event_id, taken__lt=Subquery(capacity)).update(
        taken=F("taken") + 1
    )
    return claimed == 1


def release_place(event_id):
    EventSeats.objects.filter(event_id=event_id, taken__gt=0).update(taken=F("taken") - 1)


def _retry_when_sqlite_is_busy(operation, attempts=100):
    """Run ``operation`` (its own transaction) again when SQLite refuses a second writer
    at once ("database table is locked" with a shared in-memory database; "database is
    locked" past the timeout). PostgreSQL waits for row locks and never needs this."""
    for attempt in range(attempts):
        try:
            return operation()
        except OperationalError as error:
            retry = (
                connection.vendor == "sqlite"
                and not connection.in_atomic_block
                and "locked" in str(error)
                and attempt < attempts - 1
            )
            if not retry:
                raise
            time.sleep(0.01 * (attempt % 10 + 1))


def register(event, *, name, email, organisation="", user=None, now=None):
    """Register for ``event``: confirmed when a place was left, else on the waiting list.
    Raises RegistrationClosed or AlreadyRegistered; stores nothing then."""
    now = now or timezone.now()
    if not event.registration_open(now):
        raise RegistrationClosed
    email = email.strip().lower()

    @transaction.atomic
    def attempt():
        # The UPDATE comes first: on SQLite it takes the write lock before any read.
        confirmed = claim_place(event.pk)
        if not confirmed and not EventSeats.objects.filter(event_id=event.pk).exists():
            EventSeats.objects.get_or_create(event_id=event.pk)  # a page saved without one
            confirmed = claim_place(event.pk)
        try:
            with transaction.atomic():
                return Registration.objects.create(
                    event=event,
                    user=user,
                    name=name.strip(),
                    email=email,
                    organisation=organisation.strip(),
                    status=RegistrationStatus.CONFIRMED
                    if confirmed
                    else RegistrationStatus.WAITING,
                    created_at=now,
                )
        except IntegrityError:
            # The unique constraint (event, e-mail) rolls the claimed place back with it.
            raise AlreadyRegistered from None

    return _retry_when_sqlite_is_busy(attempt)


def cancel(registration, now=None):
    """Cancel ``registration``. A confirmed place is freed and, before the event starts,
    given to the first person on the waiting list in the same transaction. Returns
    ``(cancelled, promoted)``: whether this call cancelled it (False when it already was)
    and the registration that moved up, or None."""
    now = now or timezone.now()

    @transaction.atomic
    def attempt():
        # Conditional UPDATE on the status just read: of two simultaneous cancellations
        # only one changes the row; a registration moved up meanwhile is read again.
        rows = Registration.objects.filter(pk=registration.pk)
        for _ in range(3):
            status = rows.values_list("status", flat=True).first()
            if status in (None, RegistrationStatus.CANCELLED):
                return False, None, status
            if rows.filter(status=status).update(
                status=RegistrationStatus.CANCELLED, cancelled_at=now
            ):
                break
        else:
            return False, None, status
        was_confirmed = status == RegistrationStatus.CONFIRMED
        promoted = None
        if was_confirmed:
            release_place(registration.event_id)
            event = EventPage.objects.get(pk=registration.event_id)
            if not event.has_started(now):
                promoted = promote_waiting(event, now)
        return True, promoted, RegistrationStatus.CANCELLED

    # No read after the retried transaction: with SQLite's shared in-memory database a
    # read can be refused as well while another thread writes.
    cancelled, promoted, status = _retry_when_sqlite_is_busy(attempt)
    registration.status = status or registration.status
    if cancelled:
        registration.cancelled_at = now
    return cancelled, promoted


def promote_waiting(event, now=None):
    """Give a free place to the first person on the waiting list; returns that
    registration or None. Each step is conditional, so two cancellations at once never
    promote the same person twice nor fill one place twice."""
    now = now or timezone.now()
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    for candidate in waiting.order_by("created_at", "pk"):
        if not claim_place(event.pk):
            return None
        moved = Registration.objects.filter(
            pk=candidate.pk, status=RegistrationStatus.WAITING
        ).update(status=RegistrationStatus.CONFIRMED, promoted_at=now)
        if moved:
            candidate.status = RegistrationStatus.CONFIRMED
            candidate.promoted_at = now
            return candidate
        release_place(event.pk)  # someone else moved or cancelled them meanwhile
    return None
