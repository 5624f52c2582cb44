"""Login throttling for accounts with plan access."""

import pytest
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.test import override_settings

from leernetwerk.core.factories import UserFactory
from plans.throttling import MAX_FAILURES, is_locked

BACKENDS = [
    "plans.throttling.PlanLoginThrottleBackend",
    "leernetwerk.users.backends.EmailOrUsernameBackend",
]
PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@override_settings(AUTHENTICATION_BACKENDS=BACKENDS)
def test_plan_account_is_locked_after_failures(plan, owner):
    for _ in range(MAX_FAILURES):
        assert authenticate(username="eigenaar", password="fout") is None
    assert is_locked("eigenaar")
    # Even the right password is refused while locked.
    assert authenticate(username="eigenaar", password=PASSWORD) is None


@pytest.mark.django_db
@override_settings(AUTHENTICATION_BACKENDS=BACKENDS)
def test_accounts_without_plan_access_are_not_counted(plan):
    UserFactory(username="gewoon")
    for _ in range(MAX_FAILURES + 1):
        authenticate(username="gewoon", password="fout")
    assert not is_locked("gewoon")
    assert authenticate(username="gewoon", password=PASSWORD) is not None


@pytest.mark.django_db
@override_settings(AUTHENTICATION_BACKENDS=BACKENDS)
def test_successful_login_resets_the_counter(client, plan, owner):
    for _ in range(MAX_FAILURES - 1):
        authenticate(username="eigenaar", password="fout")
    assert client.login(username="eigenaar", password=PASSWORD)
    authenticate(username="eigenaar", password="fout")
    assert not is_locked("eigenaar")
