import pytest
from django.core.cache import cache

from agenda.factories import make_event, make_index


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()  # registrations per address are counted in the cache
    yield
    cache.clear()


@pytest.fixture
def index(home):
    return make_index(home)


@pytest.fixture
def event(index):
    return make_event(index, "Leercirkel wonen en zorg", days=10, capacity=5)


@pytest.fixture
def full_event(index):
    return make_event(index, "Volle werksessie", days=10, capacity=2, taken=2, kind="werksessie")
