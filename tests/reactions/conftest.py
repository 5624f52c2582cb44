import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from learning.factories import add_les, make_kennisbank
from leernetwerk.core.factories import UserFactory
from leernetwerk.core.roles import MODERATOR, PROFESSIONAL


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()  # rate-limit counters
    yield
    cache.clear()


@pytest.fixture
def les(home):
    return add_les(make_kennisbank(home), "Begin het plan op zestien")


def make_professional(username, **fields):
    fields.setdefault("first_name", username.capitalize())
    fields.setdefault("last_name", "de Vries")
    fields.setdefault("organisation", "Wijkteam Noord")
    user = UserFactory(username=username, professional="goedgekeurd", **fields)
    user.groups.add(Group.objects.get(name=PROFESSIONAL))
    return user


@pytest.fixture
def professional(db):
    return make_professional("petra")


@pytest.fixture
def colleague(db):
    return make_professional("karim", organisation="Jongerenwerk Zuid")


@pytest.fixture
def unapproved(db):
    return UserFactory(username="wachtend", professional="wacht", first_name="Wim")


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderator", first_name="Mona")
    user.groups.add(Group.objects.get(name=MODERATOR))
    return user
