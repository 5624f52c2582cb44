"""Authentication hardening: per-account lockout (django-axes), password length, idle
timeout for plan accounts, the Content-Security-Policy and the shared rate limits."""

import threading
from unittest import mock

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache, caches
from django.core.exceptions import ValidationError
from django.test import override_settings

from leernetwerk.core.factories import UserFactory
from leernetwerk.core.ratelimits import hit
from leernetwerk.users.adapter import LOGIN_FAILED

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"
LOGIN = "/account/inloggen/"


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def _fail(client, identifier, times=1, url=LOGIN):
    for _ in range(times):
        response = client.post(url, {"login": identifier, "password": "fout-wachtwoord"})
    return response


def test_user_name_and_email_count_for_one_account(client, superuser):
    # Superusers too (the old lock only protected plan accounts).
    _fail(client, "beheerder", 3)
    _fail(client, "BEHEERDER@example.org", 2)
    response = client.post(LOGIN, {"login": "beheerder", "password": PASSWORD})
    assert response.status_code == 200  # the right password no longer gets in
    assert "_auth_user_id" not in client.session


def test_locked_and_wrong_password_answer_alike(client, user):
    wrong = _fail(client, user.username)
    _fail(client, user.email, 4)
    locked = client.post(LOGIN, {"login": user.username, "password": PASSWORD})
    unknown = _fail(client, "bestaat-niet@example.org")
    for response in (wrong, locked, unknown):
        assert response.status_code == 200
        assert LOGIN_FAILED in response.content.decode()


def test_locked_account_still_pays_for_a_password_hash(client, user):
    _fail(client, user.username, 5)
    with mock.patch("leernetwerk.users.lockout.make_password") as hashed:
        client.post(LOGIN, {"login": user.username, "password": PASSWORD})
    hashed.assert_called_once()


def test_lock_is_shared_through_the_database(client, user):
    from axes.models import AccessAttempt

    _fail(client, user.email, 5)
    # The counter is a database row under the account, not the typed text.
    assert AccessAttempt.objects.get().username == f"account:{user.pk}"


def test_wagtail_admin_login_is_the_site_login(client, superuser):
    """/cms/login/ logs nobody in itself: it sends everyone to the locked, 2FA login."""
    response = client.post("/cms/login/", {"username": "beheerder", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    _fail(client, "beheerder", 5)
    response = client.post(LOGIN, {"login": "beheerder", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_success_before_the_limit_resets_the_count(client, user):
    _fail(client, user.username, 4)
    assert client.post(LOGIN, {"login": user.username, "password": PASSWORD}).status_code == 302
    client.logout()
    _fail(client, user.username, 4)
    assert client.post(LOGIN, {"login": user.username, "password": PASSWORD}).status_code == 302


def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError, match="12"):
        validate_password("Kort-ww-8x!")
    validate_password("Twaalf-tekens-lang")


def test_accounts_without_plan_access_have_no_idle_timeout(client, user, home):
    client.force_login(user)
    with mock.patch("plans.middleware.time.time", return_value=1_000_000.0):
        client.get("/")
    with mock.patch("plans.middleware.time.time", return_value=1_000_000.0 + 24 * 3600):
        client.get("/")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_site_csp_has_no_unsafe_inline(client, home):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy


def test_wagtail_admin_gets_its_own_policy(client):
    policy = client.get("/cms/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy


def test_password_reset_is_rate_limited(client, user):
    url = "/account/wachtwoord-vergeten/"
    for _ in range(5):
        assert client.post(url, {"email": user.email}).status_code == 302
    response = client.post(url, {"email": "ander@example.org"})
    assert response.status_code == 429
    assert "Probeer het later opnieuw" in response.content.decode()


def _concurrent_hits(group, n=20):
    from django.test import RequestFactory

    results, start = [], threading.Barrier(n)

    def post():
        request = RequestFactory().post("/", REMOTE_ADDR="10.9.8.7")
        start.wait()
        results.append(hit(request, group))

    threads = [threading.Thread(target=post) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_rate_limit_is_atomic_under_concurrency():
    assert _concurrent_hits("aanmelding").count(False) == 5


def test_rate_limit_is_shared_between_processes_through_redis():
    """Redis as in production: twenty simultaneous hits, exactly five allowed."""
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"test-{UserFactory._meta.model.__name__}-{threading.get_ident()}",
        }
    }
    with override_settings(CACHES=redis):
        shared = caches["default"]
        try:
            shared.clear()
        except Exception as exc:  # noqa: BLE001
            pytest.skip(f"Redis niet bereikbaar: {exc}")
        assert _concurrent_hits("aanmelding").count(False) == 5
        shared.clear()
