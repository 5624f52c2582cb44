import pytest

from leernetwerk.core.factories import UserFactory, add_page
from toolkit.factories import make_toets, make_wiel
from toolkit.models import ToolIndexPage


@pytest.fixture
def tool_index(home):
    return add_page(home, ToolIndexPage, title="Hulpmiddelen", slug="hulpmiddelen")


@pytest.fixture
def toets_steps(db):
    return make_toets()


@pytest.fixture
def wiel(db):
    return make_wiel()


@pytest.fixture
def other_user(db):
    return UserFactory(username="collega")
