"""Fixtures for the plans tests: a template, a plan and one user per role."""

import pytest
from django.utils import timezone

from leernetwerk.core.factories import UserFactory
from plans.factories import add_member, make_template
from plans.models import Membership, Role
from plans.writes import create_plan

SECRET = "Zeppelinkwartet"  # a word that appears nowhere else, to trace plan text


@pytest.fixture
def template(home):
    return make_template(home, title="Acht levensgebieden")


@pytest.fixture
def owner(db):
    """A professional (only professionals start plans) who owns the test plan."""
    from django.contrib.auth.models import Group

    from leernetwerk.core.roles import PROFESSIONAL

    user = UserFactory(username="eigenaar", first_name="Olga", organisation="Wijkteam Noord")
    user.groups.add(Group.objects.get(name=PROFESSIONAL))
    return user


@pytest.fixture
def plan(template, owner):
    return create_plan(
        template, {"first_name": "Sam", "date_of_birth": None, "under_16": False}, owner
    )


@pytest.fixture
def bewerker(plan):
    return add_member(plan, UserFactory(username="bewerker"), Role.BEWERKER)


@pytest.fixture
def lezer(plan):
    return add_member(plan, UserFactory(username="lezer"), Role.LEZER)


@pytest.fixture
def revoked(plan):
    user = UserFactory(username="ingetrokken")
    Membership.objects.create(plan=plan, user=user, role=Role.BEWERKER, revoked_at=timezone.now())
    return user


@pytest.fixture
def outsider(db):
    return UserFactory(username="buitenstaander")


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login
