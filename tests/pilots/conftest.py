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
