"""Accounts with plan access are logged out after a period without requests."""

from unittest import mock

import pytest

pytestmark = pytest.mark.django_db
LOGIN = "/account/inloggen/"


def test_idle_plan_account_is_logged_out(client, plan, owner):
    client.force_login(owner)
    url = f"/toekomstplan/plan/{plan.reference}/"
    with mock.patch("plans.middleware.time.time", return_value=1_000_000.0):
        assert client.get(url).status_code == 200
    with mock.patch("plans.middleware.time.time", return_value=1_000_000.0 + 29 * 60):
        assert client.get(url).status_code == 200
    with mock.patch("plans.middleware.time.time", return_value=1_000_000.0 + 60 * 60):
        response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
