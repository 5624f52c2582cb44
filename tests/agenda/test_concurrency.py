"""No overbooking, ever: twenty people register at the same moment for the last five
places; exactly five are confirmed and fifteen wait. Each thread uses its own database
connection (closed at the end), so on PostgreSQL the requests really race; the suite
runs this on SQLite and on PostgreSQL."""

import threading

import pytest
from django.db import connection

from agenda.factories import make_event, make_index
from agenda.models import EventSeats, Registration, RegistrationStatus
from agenda.services import cancel, register

# serialized_rollback: the flush after each test would drop the migrated root page.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 20


def _race(work, n=THREADS):
    """Run ``work(i)`` in ``n`` threads released together; return results and errors."""
    start = threading.Barrier(n)
    results, errors = [], []

    def run(i):
        try:
            start.wait()
            results.append(work(i))
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_twenty_simultaneous_registrations_for_the_last_five_places(home):
    event = make_event(make_index(home), "Drukbezochte leercirkel", capacity=25, taken=20)

    def sign_up(i):
        return register(event, name=f"Deelnemer {i}", email=f"deelnemer{i}@example.org")

    results, errors = _race(sign_up)

    assert errors == []
    statuses = [registration.status for registration in results]
    assert statuses.count(RegistrationStatus.CONFIRMED) == 5
    assert statuses.count(RegistrationStatus.WAITING) == 15
    assert EventSeats.objects.get(event=event).taken == 25
    stored = Registration.objects.filter(event=event)
    assert stored.filter(status=RegistrationStatus.CONFIRMED).count() == 5
    assert stored.filter(status=RegistrationStatus.WAITING).count() == 15


def test_simultaneous_cancellations_promote_each_waiting_person_once(home):
    event = make_event(make_index(home), "Volle werksessie", capacity=4)
    confirmed = [
        register(event, name=f"Bevestigd {i}", email=f"bevestigd{i}@example.org") for i in range(4)
    ]
    waiting = [
        register(event, name=f"Wachtend {i}", email=f"wachtend{i}@example.org") for i in range(6)
    ]
    assert {r.status for r in waiting} == {RegistrationStatus.WAITING}

    # Four cancellations at once, and every one of them twice (a double click).
    results, errors = _race(lambda i: cancel(confirmed[i % 4]), n=8)

    assert errors == []
    assert sum(1 for cancelled, _ in results if cancelled) == 4
    promoted = [p.pk for _, p in results if p is not None]
    assert len(promoted) == len(set(promoted)) == 4
    assert sorted(promoted) == sorted(r.pk for r in waiting[:4])  # first come, first served
    assert EventSeats.objects.get(event=event).taken == 4
    assert Registration.objects.filter(event=event, status="bevestigd").count() == 4
    assert Registration.objects.filter(event=event, status="wachtlijst").count() == 2


def test_simultaneous_duplicates_store_one_registration(home):
    event = make_event(make_index(home), "Webinar", capacity=10, kind="webinar")

    results, errors = _race(
        lambda i: register(event, name="Zelfde", email="Zelfde@Example.org"), n=6
    )

    assert len(results) == 1 and len(errors) == 5
    assert {type(error).__name__ for error in errors} == {"AlreadyRegistered"}
    assert EventSeats.objects.get(event=event).taken == 1
