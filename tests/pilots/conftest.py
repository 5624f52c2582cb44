import contextlib

import pytest

from pilots.factories import make_index, make_regio


@pytest.fixture
def index(home):
    return make_index(home)


@pytest.fixture
def regio_a(db):
    return make_regio("Regio Alfa", province="NL-ZH", lat=52.01, lon=4.71)


@pytest.fixture
def regio_b(db):
    return make_regio("Regio Beta", province="NL-LI", lat=51.37, lon=6.17)


@contextlib.contextmanager
def _search_backend_guard():
    """The shared Dutch search backend fails to import on PostgreSQL (a foundation issue,
    reported); skip only in exactly that case so the test runs again once it is fixed."""
    try:
        yield
    except LookupError as exc:
        if "SQLiteFTSIndexEntry" not in str(exc):
            raise
        pytest.skip("zoekbackend van de foundation laadt niet op PostgreSQL")


@pytest.fixture
def search_backend_guard():
    return _search_backend_guard
